import { randomInt } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../domain/access/policy.js';
import type { AuditAction } from '../../domain/audit/audit-text.js';
import { newId } from '../../db/ids.js';
import {
  AUDIT_LANES,
  appendIfHead,
  auditChainHead,
  type ChainHead,
  lockAuditChainHead,
} from '../../db/queries/audit-append.queries.js';
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

function chain(rows: UnchainedRow[], head: ChainHead): ChainedAuditRow[] {
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
 * This process's order of the lanes (migration 043): a rotation starting at a random lane, so
 * two processes mostly write to different lanes and seldom have to retry on one another's.
 */
const LANE_PREFERENCE: readonly number[] = (() => {
  const first = randomInt(AUDIT_LANES);
  return Array.from({ length: AUDIT_LANES }, (_, index) => (first + index) % AUDIT_LANES);
})();

/**
 * Writes an audit record inside a write's own transaction: the change and its record commit
 * together. The lane head's row lock is held until that commit, so each lane is chained in
 * commit order.
 */
export async function auditInTransaction(trx: Transaction<DB>, entry: AuditEntry): Promise<void> {
  const row = toRow(entry);
  await appendInTransaction(trx, row);
}

/** Chains one row onto a free lane's head, holding its row lock until the transaction commits. */
async function appendInTransaction(trx: Transaction<DB>, row: UnchainedRow): Promise<void> {
  const head = await lockAuditChainHead(trx, row.municipality_id, LANE_PREFERENCE);
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

interface Pending {
  row: UnchainedRow;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Audit records of reads, group-committed: requests that arrive while batches are being
 * written wait for the next, which carries all of them in one INSERT. Each caller's promise
 * resolves only when its own record is committed, so the record is durable before the
 * response, at a fraction of one round trip per read.
 *
 * Up to `lanes` batches are in flight at once, each on its own lane (a chain of its own,
 * migration 043), so one batch's commit no longer waits for the one before it. The writer
 * remembers each lane's head; when another writer (a plan write, another process) moved it, the
 * compare-and-set fails and the batch is re-chained onto the lane's new head.
 */
export class AuditWriter {
  private queue: Pending[] = [];
  private pumping = false;
  private inFlight = 0;
  /** Lanes with a batch in flight, as `municipality:lane`. */
  private readonly busy = new Set<string>();
  private readonly heads = new Map<string, ChainHead>();
  private idleWaiters: (() => void)[] = [];

  /**
   * @param lanes batches in flight at once: several on PostgreSQL, whose group commit lets one
   *   WAL flush carry them all; two on PGlite (one session), so the next batch is ready when the
   *   one before it commits.
   */
  constructor(
    private readonly db: Kysely<DB>,
    private readonly lanes = 1,
  ) {}

  /** Records waiting to be committed (for /metrics). */
  get pending(): number {
    return this.queue.length;
  }

  /** Resolves when every record handed in so far is committed or has failed (for shutdown). */
  drain(): Promise<void> {
    if (this.queue.length === 0 && this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  record(entry: AuditEntry): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row: toRow(entry), resolve, reject });
      void this.pump();
    });
  }

  /** Starts batches while records wait and lanes are free; a finished batch calls it again. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0 && this.inFlight < this.lanes) {
        // Let requests whose bytes have already arrived reach their audit call first, so a
        // batch is not taken too early and too small. Wait while the queue still grows, a few
        // event-loop turns at most.
        for (let turn = 0; turn < 4; turn += 1) {
          const before = this.queue.length;
          await new Promise((resolve) => setImmediate(resolve));
          if (this.queue.length === before) break;
        }
        // One municipality per batch (a lane is one municipality's chain); the first waiting
        // record's, the others keep their place in the queue.
        const municipalityId = this.queue[0]?.row.municipality_id;
        if (municipalityId === undefined) break;
        const lane = LANE_PREFERENCE.find((candidate) => !this.busy.has(`${municipalityId}:${candidate}`));
        if (lane === undefined) break;
        const batch: Pending[] = [];
        const rest: Pending[] = [];
        for (const item of this.queue) {
          if (item.row.municipality_id === municipalityId && batch.length < MAX_BATCH) batch.push(item);
          else rest.push(item);
        }
        this.queue = rest;
        this.inFlight += 1;
        this.busy.add(`${municipalityId}:${lane}`);
        void this.write(municipalityId, lane, batch).finally(() => {
          this.inFlight -= 1;
          this.busy.delete(`${municipalityId}:${lane}`);
          if (this.queue.length > 0) void this.pump();
          else if (this.inFlight === 0) for (const wake of this.idleWaiters.splice(0)) wake();
        });
      }
    } finally {
      this.pumping = false;
    }
  }

  private async write(municipalityId: string, lane: number, batch: Pending[]): Promise<void> {
    const started = performance.now();
    try {
      await this.append(
        municipalityId,
        lane,
        batch.map((item) => item.row),
      );
      auditCommitDuration.observe(secondsSince(started));
      auditBatchRecords.observe(batch.length);
      for (const item of batch) item.resolve();
    } catch (error) {
      this.heads.delete(`${municipalityId}:${lane}`);
      for (const item of batch) item.reject(error);
    }
  }

  private async append(municipalityId: string, lane: number, rows: UnchainedRow[]): Promise<void> {
    const key = `${municipalityId}:${lane}`;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const head = this.heads.get(key) ?? (await auditChainHead(this.db, municipalityId, lane));
      const chained = chain(rows, head);
      if (await appendIfHead(this.db, municipalityId, head, chained)) {
        const last = chained[chained.length - 1];
        if (last) this.heads.set(key, { lane, seq: last.seq, hash: last.hash });
        return;
      }
      this.heads.delete(key);
    }
    throw new Error('audit chain head kept moving; giving up');
  }
}
