import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../domain/access/policy.js';
import type { AuditAction } from '../../domain/audit/audit-text.js';
import { newId } from '../../db/ids.js';
import { appendIfHead, auditChainHead } from '../../db/queries/audit-append.queries.js';
import { type ChainedAuditRow, canonicalJson, chainHash, GENESIS_HASH } from '../../db/queries/audit-hash.js';
import type { DB } from '../../db/schema.js';
import { auditBatchRecords, auditCommitDuration, secondsSince } from '../metrics/metrics.js';

export { canonicalJson, chainHash, GENESIS_HASH };

// The actions are listed (with their words) in the domain, so a new one cannot lack a text.
export type { AuditAction };
export type AuditOutcome = 'allowed' | 'denied';

export interface AuditEntry {
  actor: Actor;
  citizenId: string | null;
  action: AuditAction;
  resource: string;
  outcome: AuditOutcome;
  clientIp: string | null;
  /** The page visit the act belongs to (visit.ts), stored as details.visit. */
  visit?: string | null;
  /** Why: the purpose of the access (coordination, break-the-glass reason, …). */
  purpose?: string | null;
  details?: Record<string, unknown>;
  /**
   * The citizens a list read showed (names, masked CPR, titles): each finds this record in
   * their access log ("saw you in a list of citizens in …"). Stored as details.seenCitizens.
   */
  seenCitizens?: readonly string[];
}

type UnchainedRow = Omit<ChainedAuditRow, 'seq' | 'prev_hash' | 'hash'>;

/** PostgreSQL text and jsonb refuse NUL characters; audit records must never fail on them. */
function scrub(value: unknown): unknown {
  if (typeof value === 'string') return value.replaceAll('\u0000', '\uFFFD');
  if (Array.isArray(value)) return value.map(scrub);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [scrub(k) as string, scrub(v)]),
    );
  }
  return value;
}

/** The details as stored: the caller's, the page visit (visit.ts) and the citizens a list showed. */
function detailsOf(entry: AuditEntry): Record<string, unknown> | undefined {
  const visit = entry.visit ?? null;
  const seen = entry.seenCitizens ? [...new Set(entry.seenCitizens)] : [];
  if (!visit && seen.length === 0) return entry.details;
  return {
    ...entry.details,
    ...(visit ? { visit } : {}),
    ...(seen.length > 0 ? { seenCitizens: seen } : {}),
  };
}

/** Who acted, as the audit row names them. */
type RowActor = Pick<
  UnchainedRow,
  'actor_kind' | 'actor_id' | 'actor_role' | 'actor_unit_id' | 'on_behalf_of'
>;

/** The one place an audit row is built: a person's act (toRow) and a job's (the system actor). */
function rowOf(
  municipalityId: string,
  who: RowActor,
  entry: Pick<AuditEntry, 'citizenId' | 'action' | 'resource' | 'outcome' | 'clientIp' | 'purpose'>,
  details: Record<string, unknown> | undefined,
): UnchainedRow {
  return {
    municipality_id: municipalityId,
    id: newId(),
    at: new Date().toISOString(),
    ...who,
    citizen_id: entry.citizenId,
    action: entry.action,
    resource: scrub(entry.resource) as string,
    outcome: entry.outcome,
    client_ip: entry.clientIp,
    purpose: entry.purpose ? (scrub(entry.purpose) as string) : null,
    details: details ? canonicalJson(scrub(details)) : null,
  };
}

function toRow(entry: AuditEntry): UnchainedRow {
  const { actor } = entry;
  const delegate = actor.kind === 'citizen' ? actor.delegate : undefined;
  const citizenRole = delegate ? 'relative' : 'citizen';
  const who: RowActor = {
    actor_kind: delegate ? 'relative' : actor.kind,
    actor_id: delegate ? delegate.delegationId : actor.id,
    actor_role: actor.kind === 'citizen' ? citizenRole : actor.role,
    actor_unit_id: actor.kind === 'professional' ? actor.unitId : null,
    on_behalf_of: delegate ? actor.id : null,
  };
  return rowOf(actor.municipalityId, who, entry, detailsOf(entry));
}

function chain(rows: UnchainedRow[], head: { seq: number; hash: string }): ChainedAuditRow[] {
  let { seq, hash } = head;
  return rows.map((row) => {
    seq += 1;
    const withSeq = { ...row, seq };
    const next = chainHash(hash, withSeq);
    const chained: ChainedAuditRow = { ...withSeq, prev_hash: hash, hash: next };
    hash = next;
    return chained;
  });
}

/**
 * Writes an audit record inside a write's own transaction: the change and its record commit
 * together. The chain head's row lock is held until that commit, so records are chained in
 * commit order.
 */
export async function auditInTransaction(trx: Transaction<DB>, entry: AuditEntry): Promise<void> {
  const row = toRow(entry);
  await appendInTransaction(trx, row);
}

/** Chains one row onto the head, holding the head's row lock until the transaction commits. */
async function appendInTransaction(trx: Transaction<DB>, row: UnchainedRow): Promise<void> {
  const head = await auditChainHead(trx, row.municipality_id, true);
  if (!(await appendIfHead(trx, row.municipality_id, head, chain([row], head)))) {
    throw new Error('audit chain head moved under its row lock');
  }
}

/** The actor id of the server's own jobs in the audit trail (no person acted). */
export const SYSTEM_ACTOR_ID = '00000000-0000-0000-0000-000000000000';

/**
 * An audit record of the server's own job (the retention deletion), inside the job's transaction.
 * actor_kind 'system' and the job's name as the role: no person acted, and none is named.
 */
export async function auditSystemInTransaction(
  trx: Transaction<DB>,
  entry: {
    municipalityId: string;
    job: string;
    citizenId: string | null;
    action: AuditAction;
    resource: string;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  const system: RowActor = {
    actor_kind: 'system',
    actor_id: SYSTEM_ACTOR_ID,
    actor_role: entry.job,
    actor_unit_id: null,
    on_behalf_of: null,
  };
  const row = rowOf(
    entry.municipalityId,
    system,
    { ...entry, outcome: 'allowed', clientIp: null, purpose: null },
    entry.details,
  );
  await appendInTransaction(trx, row);
}

const MAX_BATCH = 1000;
const MAX_ATTEMPTS = 20;

/**
 * Audit records of reads, group-committed: requests that arrive while one batch is being
 * written wait for the next, which carries all of them in one INSERT. Each caller's promise
 * resolves only when its own record is committed, so the record is durable before the
 * response, at a fraction of one round trip per read. The writer chains each batch onto its
 * municipality's hash chain, remembering the head; when another writer (a plan write, another
 * process) moved the head, the compare-and-set fails and the batch is re-chained.
 */
export class AuditWriter {
  private queue: { row: UnchainedRow; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private flushing = false;
  private readonly heads = new Map<string, { seq: number; hash: string }>();

  private idle: Promise<void> = Promise.resolve();

  constructor(private readonly db: Kysely<DB>) {}

  /** Records waiting to be committed (for /metrics). */
  get pending(): number {
    return this.queue.length;
  }

  /** Resolves when every record handed in so far is committed or has failed (for shutdown). */
  async drain(): Promise<void> {
    while (this.flushing || this.queue.length > 0) await this.idle;
  }

  record(entry: AuditEntry): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row: toRow(entry), resolve, reject });
      if (!this.flushing) this.idle = this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        // Let requests whose bytes have already arrived reach their audit call first: with an
        // embedded database the commit blocks this thread, so a batch taken too early stays
        // small. Wait while the queue still grows, a few event-loop turns at most.
        for (let turn = 0; turn < 4; turn += 1) {
          const before = this.queue.length;
          await new Promise((resolve) => setImmediate(resolve));
          if (this.queue.length === before) break;
        }
        const batch = this.queue.splice(0, MAX_BATCH);
        const byMunicipality = new Map<string, typeof batch>();
        for (const item of batch) {
          const group = byMunicipality.get(item.row.municipality_id) ?? [];
          group.push(item);
          byMunicipality.set(item.row.municipality_id, group);
        }
        for (const [municipalityId, items] of byMunicipality) {
          const started = performance.now();
          try {
            await this.append(
              municipalityId,
              items.map((item) => item.row),
            );
            auditCommitDuration.observe(secondsSince(started));
            auditBatchRecords.observe(items.length);
            for (const item of items) item.resolve();
          } catch (error) {
            this.heads.delete(municipalityId);
            for (const item of items) item.reject(error);
          }
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private async append(municipalityId: string, rows: UnchainedRow[]): Promise<void> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const head = this.heads.get(municipalityId) ?? (await auditChainHead(this.db, municipalityId, false));
      const chained = chain(rows, head);
      if (await appendIfHead(this.db, municipalityId, head, chained)) {
        const last = chained[chained.length - 1];
        if (last) this.heads.set(municipalityId, { seq: last.seq, hash: last.hash });
        return;
      }
      this.heads.delete(municipalityId);
    }
    throw new Error('audit chain head kept moving; giving up');
  }
}
