import { type Kysely, sql, type Transaction } from 'kysely';
import { type ChainedAuditRow, GENESIS_HASH } from './audit-hash.js';
import type { DB } from '../schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * The municipality's audit chain head (created at the genesis hash when it has none), locked
 * for the rest of the transaction when `lock`.
 */
export async function auditChainHead(
  db: Executor,
  municipalityId: string,
  lock: boolean,
): Promise<{ seq: number; hash: string }> {
  await sql`INSERT INTO audit_chain_head (municipality_id, seq, hash)
    VALUES (${municipalityId}, 0, decode(${GENESIS_HASH}, 'hex')) ON CONFLICT (municipality_id) DO NOTHING`.execute(
    db,
  );
  const query = db
    .selectFrom('audit_chain_head')
    .select(['seq', sql<string>`encode(hash, 'hex')`.as('hash_hex')])
    .where('municipality_id', '=', municipalityId);
  const row = await (lock ? query.forUpdate() : query).executeTakeFirstOrThrow();
  return { seq: Number(row.seq), hash: row.hash_hex };
}

/**
 * Appends chained rows if and only if the chain head is still where they were computed from:
 * one statement, compare-and-set on the head. Returns false when someone else advanced it.
 */
export async function appendIfHead(
  db: Executor,
  municipalityId: string,
  head: { seq: number },
  rows: ChainedAuditRow[],
): Promise<boolean> {
  const last = rows[rows.length - 1];
  if (!last) return true;
  // Columns as arrays (unnest): cheaper to bind and parse than one JSON document per batch. The
  // function (migration 026) runs the compare-and-set and the insert with plans prepared once
  // per connection.
  const column = <K extends keyof ChainedAuditRow>(key: K): ChainedAuditRow[K][] =>
    rows.map((row) => row[key]);
  const result = await sql<{ inserted: number }>`
    SELECT audit_append(
      ${municipalityId}::uuid, ${head.seq}::bigint, ${last.seq}::bigint, ${last.hash}::text,
      ${column('id')}::uuid[], ${column('at')}::timestamptz[], ${column('actor_kind')}::text[],
      ${column('actor_id')}::uuid[], ${column('actor_role')}::text[], ${column('actor_unit_id')}::uuid[],
      ${column('on_behalf_of')}::text[], ${column('citizen_id')}::uuid[], ${column('action')}::text[],
      ${column('resource')}::text[], ${column('outcome')}::text[], ${column('client_ip')}::text[],
      ${column('purpose')}::text[], ${column('details')}::text[], ${column('seq')}::bigint[],
      ${column('prev_hash')}::text[], ${column('hash')}::text[]
    ) AS inserted`.execute(db);
  return Number(result.rows[0]?.inserted ?? 0) === rows.length;
}
