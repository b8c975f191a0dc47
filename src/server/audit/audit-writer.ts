import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Actor } from '../../domain/access/policy.js';
import { newId } from '../../db/ids.js';
import type { AuditEventTable, DB } from '../../db/schema.js';

export type AuditAction = 'read' | 'list' | 'search' | 'create' | 'update' | 'end' | 'login' | 'logout';
export type AuditOutcome = 'allowed' | 'denied';

export interface AuditEntry {
  actor: Actor;
  citizenId: string | null;
  action: AuditAction;
  resource: string;
  outcome: AuditOutcome;
  clientIp: string | null;
  details?: Record<string, unknown>;
}

type AuditRow = Insertable<AuditEventTable>;

function toRow(entry: AuditEntry): AuditRow {
  return {
    municipality_id: entry.actor.municipalityId,
    id: newId(),
    actor_kind: entry.actor.kind,
    actor_id: entry.actor.id,
    actor_role: entry.actor.kind === 'citizen' ? 'citizen' : entry.actor.role,
    citizen_id: entry.citizenId,
    action: entry.action,
    resource: entry.resource,
    outcome: entry.outcome,
    client_ip: entry.clientIp,
    details: entry.details ? JSON.stringify(entry.details) : null,
  };
}

async function insertRows(db: Kysely<DB> | Transaction<DB>, rows: AuditRow[]): Promise<void> {
  await db.insertInto('audit_event').values(rows).execute();
}

/** Writes an audit record inside a write's own transaction: the change and its record commit together. */
export async function auditInTransaction(trx: Transaction<DB>, entry: AuditEntry): Promise<void> {
  await insertRows(trx, [toRow(entry)]);
}

const MAX_BATCH = 1000;

/**
 * Audit records of reads, group-committed: requests that arrive while one batch is being
 * written wait for the next, which carries all of them in one INSERT. Each caller's promise
 * resolves only when its own record is committed, so the record is durable before the
 * response, at a fraction of one round trip per read.
 */
export class AuditWriter {
  private queue: { row: AuditRow; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private flushing = false;

  constructor(private readonly db: Kysely<DB>) {}

  record(entry: AuditEntry): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row: toRow(entry), resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          await insertRows(
            this.db,
            batch.map((item) => item.row),
          );
          for (const item of batch) item.resolve();
        } catch (error) {
          for (const item of batch) item.reject(error);
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}
