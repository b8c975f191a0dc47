import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema.js';
import type { ChainProblem } from './audit-chain.queries.js';

/**
 * A copy of a chain's head kept outside the database (a log line, a file on other storage).
 * The chain alone cannot tell a removed tail from a short chain once someone with database
 * superuser rights also moves the head back; an anchor taken earlier can.
 */
export interface AuditAnchor {
  municipalityId: string;
  /** The chain (migration 043); anchors written before lanes existed name none: lane 0. */
  lane: number;
  seq: number;
  /** Hex SHA-256 of the record at seq. */
  hash: string;
  at: string;
}

/** The current head of every municipality's chains (lanes), as anchors to keep elsewhere. */
export async function takeAuditAnchors(db: Kysely<DB>, now = new Date()): Promise<AuditAnchor[]> {
  const heads = await db
    .selectFrom('audit_chain_head')
    .select(['municipality_id', 'lane', 'seq', sql<string>`encode(hash, 'hex')`.as('hash')])
    .where('seq', '>', '0' as never)
    .orderBy('municipality_id')
    .orderBy('lane')
    .execute();
  return heads.map((head) => ({
    municipalityId: head.municipality_id,
    lane: Number(head.lane),
    seq: Number(head.seq),
    hash: head.hash,
    at: now.toISOString(),
  }));
}

/**
 * Checks earlier anchors against the chain: the head must not be behind an anchor, and the
 * record an anchor names must still carry its hash (unless a purge has since removed it by
 * retention, which leaves a checkpoint at or past it).
 */
export async function checkAuditAnchors(
  db: Kysely<DB>,
  anchors: readonly AuditAnchor[],
): Promise<ChainProblem[]> {
  const problems: ChainProblem[] = [];
  for (const anchor of anchors) {
    const { municipalityId, lane, seq } = anchor;
    const head = await db
      .selectFrom('audit_chain_head')
      .select('seq')
      .where('municipality_id', '=', municipalityId)
      .where('lane', '=', lane)
      .executeTakeFirst();
    if (!head) {
      problems.push({
        municipalityId,
        lane,
        seq,
        id: null,
        problem: `the chain anchored at ${anchor.at} is gone`,
      });
      continue;
    }
    if (Number(head.seq) < seq) {
      problems.push({
        municipalityId,
        lane,
        seq,
        id: null,
        problem: `the chain was anchored at record ${seq} (${anchor.at}) but now ends at ${head.seq}: records were removed`,
      });
      continue;
    }
    const record = await db
      .selectFrom('audit_event')
      .select(['id', sql<string>`encode(hash, 'hex')`.as('hash')])
      .where('municipality_id', '=', municipalityId)
      .where('lane', '=', lane)
      .where('seq', '=', String(seq) as never)
      .executeTakeFirst();
    if (record) {
      if (record.hash !== anchor.hash) {
        problems.push({
          municipalityId,
          lane,
          seq,
          id: record.id,
          problem: `differs from the anchor taken at ${anchor.at}: the chain was rewritten`,
        });
      }
      continue;
    }
    const purged = await db
      .selectFrom('audit_checkpoint')
      .select(['seq', sql<string>`encode(hash, 'hex')`.as('hash')])
      .where('municipality_id', '=', municipalityId)
      .where('lane', '=', lane)
      .where('seq', '>=', String(seq) as never)
      .orderBy('seq')
      .limit(1)
      .executeTakeFirst();
    const consistent = purged && (Number(purged.seq) !== seq || purged.hash === anchor.hash);
    if (!consistent) {
      problems.push({
        municipalityId,
        lane,
        seq,
        id: null,
        problem: `the record anchored at ${anchor.at} is gone, and no purge accounts for it`,
      });
    }
  }
  return problems;
}

/** Reads anchors written as JSON lines (as `samspil audit anchor` and the server write them). */
export function parseAnchorLines(text: string): AuditAnchor[] {
  const anchors: AuditAnchor[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const value = JSON.parse(line) as Partial<AuditAnchor>;
    if (
      typeof value.municipalityId !== 'string' ||
      (value.lane !== undefined && !Number.isInteger(value.lane)) ||
      typeof value.seq !== 'number' ||
      typeof value.hash !== 'string' ||
      typeof value.at !== 'string'
    ) {
      throw new Error(`anchor line ${index + 1} is not an anchor (municipalityId, seq, hash, at)`);
    }
    anchors.push({ ...(value as AuditAnchor), lane: value.lane ?? 0 });
  }
  return anchors;
}
