import { createHash } from 'node:crypto';

/** The audit hash chain's rules, shared by the writer (server) and the verifier (CLI). */

/** An audit row as hashed and inserted. `details` is canonical JSON (sorted keys). */
export interface ChainedAuditRow {
  municipality_id: string;
  id: string;
  at: string;
  actor_kind: string;
  actor_id: string;
  actor_role: string;
  actor_unit_id: string | null;
  on_behalf_of: string | null;
  citizen_id: string | null;
  action: string;
  resource: string;
  outcome: string;
  client_ip: string | null;
  purpose: string | null;
  details: string | null;
  seq: number;
  prev_hash: string;
  hash: string;
}

/** The hash before a municipality's first record. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so jsonb's reordering does not change the hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => byCodeUnits(a, b));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

/** Orders keys by UTF-16 code units (not by locale), as the stored hashes were made. */
function byCodeUnits(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

/** The hash of one record, linked to the previous one: sha256(prev ‖ canonical content). */
export function chainHash(prevHash: string, row: Omit<ChainedAuditRow, 'prev_hash' | 'hash'>): string {
  const content = [
    row.municipality_id,
    row.id,
    row.at,
    row.actor_kind,
    row.actor_id,
    row.actor_role,
    row.actor_unit_id,
    row.on_behalf_of,
    row.citizen_id,
    row.action,
    row.resource,
    row.outcome,
    row.client_ip,
    row.purpose,
    row.details,
    String(row.seq),
  ];
  return createHash('sha256').update(prevHash).update(JSON.stringify(content)).digest('hex');
}
