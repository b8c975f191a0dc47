import { type Kysely, sql, type Transaction } from 'kysely';
import { type ChainedAuditRow, GENESIS_HASH } from './audit-hash.js';
import type { DB } from '../schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * How many parallel chains (lanes) a municipality's audit trail has (migration 043). A process
 * keeps a few batches in flight on different lanes; with two or more processes, each prefers
 * its own lanes first (AuditWriter), so they seldom meet on one.
 */
export const AUDIT_LANES = 8;

export interface ChainHead {
  lane: number;
  seq: number;
  hash: string;
}

/**
 * Creates a municipality's lanes at the genesis hash where they do not exist yet. Only lanes
 * missing from the snapshot are inserted: ON CONFLICT alone would wait on a lane whose head
 * another open transaction has just advanced, until that transaction ends.
 */
async function ensureLanes(db: Executor, municipalityId: string): Promise<void> {
  await sql`INSERT INTO audit_chain_head (municipality_id, lane, seq, hash)
    SELECT ${municipalityId}, wanted.lane, 0, decode(${GENESIS_HASH}, 'hex')
    FROM generate_series(0, ${AUDIT_LANES - 1}) AS wanted (lane)
    WHERE NOT EXISTS (SELECT 1 FROM audit_chain_head h
                      WHERE h.municipality_id = ${municipalityId} AND h.lane = wanted.lane)
    ON CONFLICT (municipality_id, lane) DO NOTHING`.execute(db);
}

/** One lane's head (for the group-committed writer, which holds the lane in its process). */
export async function auditChainHead(db: Executor, municipalityId: string, lane: number): Promise<ChainHead> {
  await ensureLanes(db, municipalityId);
  const row = await db
    .selectFrom('audit_chain_head')
    .select(['seq', sql<string>`encode(hash, 'hex')`.as('hash_hex')])
    .where('municipality_id', '=', municipalityId)
    .where('lane', '=', lane)
    .executeTakeFirstOrThrow();
  return { lane, seq: Number(row.seq), hash: row.hash_hex };
}

/**
 * Locks a lane's head for the rest of the transaction (a write's own audit record): the first
 * lane in `preference` that no one else holds, or, when every lane is held, the first one,
 * waiting for it. Records are chained in commit order within each lane.
 */
export async function lockAuditChainHead(
  trx: Transaction<DB>,
  municipalityId: string,
  preference: readonly number[],
): Promise<ChainHead> {
  await ensureLanes(trx, municipalityId);
  const order = sql`array_position(${sql.val(preference)}::int[], lane::int)`;
  const select = () =>
    trx
      .selectFrom('audit_chain_head')
      .select(['lane', 'seq', sql<string>`encode(hash, 'hex')`.as('hash_hex')])
      .where('municipality_id', '=', municipalityId);
  const free = await select().orderBy(order).limit(1).forUpdate().skipLocked().executeTakeFirst();
  const row =
    free ??
    (await select()
      .where('lane', '=', preference[0] ?? 0)
      .forUpdate()
      .executeTakeFirstOrThrow());
  return { lane: Number(row.lane), seq: Number(row.seq), hash: row.hash_hex };
}

/**
 * Appends chained rows to a lane if and only if its head is still where they were computed from:
 * one statement, compare-and-set on the head. Returns false when someone else advanced it.
 */
export async function appendIfHead(
  db: Executor,
  municipalityId: string,
  head: { lane: number; seq: number },
  rows: ChainedAuditRow[],
): Promise<boolean> {
  const last = rows[rows.length - 1];
  if (!last) return true;
  // Columns as arrays (unnest): cheaper to bind and parse than one JSON document per batch. The
  // function (migrations 026, 043) runs the compare-and-set and the insert with plans prepared
  // once per connection.
  const column = <K extends keyof ChainedAuditRow>(key: K): ChainedAuditRow[K][] =>
    rows.map((row) => row[key]);
  const result = await sql<{ inserted: number }>`
    SELECT audit_append(
      ${municipalityId}::uuid, ${head.lane}::smallint, ${head.seq}::bigint, ${last.seq}::bigint, ${last.hash}::text,
      ${column('id')}::uuid[], ${column('at')}::timestamptz[], ${column('actor_kind')}::text[],
      ${column('actor_id')}::uuid[], ${column('actor_role')}::text[], ${column('actor_unit_id')}::uuid[],
      ${column('on_behalf_of')}::text[], ${column('citizen_id')}::uuid[], ${column('action')}::text[],
      ${column('resource')}::text[], ${column('outcome')}::text[], ${column('client_ip')}::text[],
      ${column('purpose')}::text[], ${column('details')}::text[], ${column('seq')}::bigint[],
      ${column('prev_hash')}::text[], ${column('hash')}::text[]
    ) AS inserted`.execute(db);
  return Number(result.rows[0]?.inserted ?? 0) === rows.length;
}
