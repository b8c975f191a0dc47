import { type Kysely, sql } from 'kysely';
import { canonicalJson, chainHash, GENESIS_HASH } from './audit-hash.js';
import type { DB } from '../schema.js';

/** One break in a municipality's audit chain. */
export interface ChainProblem {
  municipalityId: string;
  /** The chain (migration 043) the problem is in; null for one outside every chain. */
  lane: number | null;
  seq: number | null;
  id: string | null;
  problem: string;
}

export interface VerifyResult {
  municipalities: number;
  records: number;
  problems: ChainProblem[];
}

const PAGE = 5000;

/**
 * Walks every municipality's hash chains (one per lane, migration 043) from the lane's last
 * purge checkpoint (or the start) to its head: a changed record fails its own hash, a removed one leaves a gap in the sequence and a
 * broken link, a removed tail no longer reaches the head.
 */
export async function verifyAuditChain(db: Kysely<DB>): Promise<VerifyResult> {
  const heads = await db
    .selectFrom('audit_chain_head')
    .select(['municipality_id', 'lane', 'seq', sql<string>`encode(hash, 'hex')`.as('hash')])
    .orderBy('municipality_id')
    .orderBy('lane')
    .execute();
  const problems: ChainProblem[] = [];
  let records = 0;
  for (const head of heads) {
    const municipalityId = head.municipality_id;
    const lane = Number(head.lane);
    const checkpoint = await db
      .selectFrom('audit_checkpoint')
      .select(['seq', sql<string>`encode(hash, 'hex')`.as('hash')])
      .where('municipality_id', '=', municipalityId)
      .where('lane', '=', lane)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    let seq = checkpoint ? Number(checkpoint.seq) : 0;
    let hash = checkpoint?.hash ?? GENESIS_HASH;
    for (;;) {
      const rows = await db
        .selectFrom('audit_event')
        .select([
          'id',
          'at',
          'actor_kind',
          'actor_id',
          'actor_role',
          'actor_unit_id',
          'on_behalf_of',
          'citizen_id',
          'action',
          'resource',
          'outcome',
          'client_ip',
          'purpose',
          'details',
          'seq',
          sql<string | null>`encode(prev_hash, 'hex')`.as('prev_hash'),
          sql<string | null>`encode(hash, 'hex')`.as('hash'),
        ])
        .where('municipality_id', '=', municipalityId)
        .where('lane', '=', lane)
        .where('seq', '>', String(seq) as never)
        .orderBy('seq')
        .limit(PAGE)
        .execute();
      if (rows.length === 0) break;
      for (const row of rows) {
        records += 1;
        const rowSeq = Number(row.seq);
        if (rowSeq !== seq + 1) {
          problems.push({
            municipalityId,
            lane,
            seq: seq + 1,
            id: null,
            problem: `records ${seq + 1}–${rowSeq - 1} are missing`,
          });
        }
        if (row.prev_hash !== hash) {
          problems.push({
            municipalityId,
            lane,
            seq: rowSeq,
            id: row.id,
            problem: 'does not link to the record before it',
          });
        }
        const expected = chainHash(row.prev_hash ?? '', {
          municipality_id: municipalityId,
          id: row.id,
          at: row.at.toISOString(),
          actor_kind: row.actor_kind,
          actor_id: row.actor_id,
          actor_role: row.actor_role,
          actor_unit_id: row.actor_unit_id,
          on_behalf_of: row.on_behalf_of,
          citizen_id: row.citizen_id,
          action: row.action,
          resource: row.resource,
          outcome: row.outcome,
          client_ip: row.client_ip,
          purpose: row.purpose,
          details:
            row.details === null
              ? null
              : canonicalJson(typeof row.details === 'string' ? JSON.parse(row.details) : row.details),
          seq: rowSeq,
        });
        if (expected !== row.hash) {
          problems.push({
            municipalityId,
            lane,
            seq: rowSeq,
            id: row.id,
            problem: 'was changed after it was written',
          });
        }
        seq = rowSeq;
        hash = row.hash ?? '';
      }
    }
    if (seq !== Number(head.seq) || hash !== head.hash) {
      problems.push({
        municipalityId,
        lane,
        seq: Number(head.seq),
        id: null,
        problem: `the chain ends at ${seq}, but its head is at ${head.seq}: records were removed`,
      });
    }
  }
  const unchained = await db
    .selectFrom('audit_event')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('seq', 'is', null)
    .executeTakeFirstOrThrow();
  if (unchained.n > 0) {
    problems.push({
      municipalityId: '*',
      lane: null,
      seq: null,
      id: null,
      problem: `${unchained.n} record(s) are outside the chain (written before migration 004 or inserted directly)`,
    });
  }
  return { municipalities: new Set(heads.map((head) => head.municipality_id)).size, records, problems };
}

export interface PurgeResult {
  cutoff: Date;
  purged: number;
  checkpoints: number;
}

/**
 * Removes audit records older than the retention period, per municipality and lane up to the
 * lane's first record that must be kept, and records a checkpoint with the hash of the last
 * removed record so the remaining chain still verifies. The only DELETE the append-only trigger lets through.
 */
export async function purgeAuditTrail(
  db: Kysely<DB>,
  retentionYears: number,
  now = new Date(),
): Promise<PurgeResult> {
  const cutoff = new Date(now);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - retentionYears);
  return db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('samspil.audit_purge', 'on', true)`.execute(trx);
    const heads = await trx
      .selectFrom('audit_chain_head')
      .select(['municipality_id', 'lane', 'seq'])
      .forUpdate()
      .execute();
    let purged = 0;
    let checkpoints = 0;
    for (const head of heads) {
      const lane = Number(head.lane);
      const firstKept = await trx
        .selectFrom('audit_event')
        .select(sql<string | null>`min(seq)`.as('seq'))
        .where('municipality_id', '=', head.municipality_id)
        .where('lane', '=', lane)
        .where('seq', 'is not', null)
        .where('at', '>=', cutoff)
        .executeTakeFirst();
      const last = firstKept?.seq != null ? Number(firstKept.seq) - 1 : Number(head.seq);
      const previous = await trx
        .selectFrom('audit_checkpoint')
        .select(sql<string | null>`max(seq)`.as('seq'))
        .where('municipality_id', '=', head.municipality_id)
        .where('lane', '=', lane)
        .executeTakeFirst();
      if (last <= Number(previous?.seq ?? 0)) continue;
      const boundary = await trx
        .selectFrom('audit_event')
        .select(['hash'])
        .where('municipality_id', '=', head.municipality_id)
        .where('lane', '=', lane)
        .where('seq', '=', String(last) as never)
        .executeTakeFirst();
      if (!boundary?.hash) continue;
      const deleted = await trx
        .deleteFrom('audit_event')
        .where('municipality_id', '=', head.municipality_id)
        .where('lane', '=', lane)
        .where('seq', '<=', String(last) as never)
        .executeTakeFirst();
      await trx
        .insertInto('audit_checkpoint')
        .values({
          municipality_id: head.municipality_id,
          lane,
          seq: last,
          hash: boundary.hash,
          purged_before: cutoff,
          purged_count: Number(deleted.numDeletedRows),
        })
        .execute();
      purged += Number(deleted.numDeletedRows);
      checkpoints += 1;
    }
    return { cutoff, purged, checkpoints };
  });
}
