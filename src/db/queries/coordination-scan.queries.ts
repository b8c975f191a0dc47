import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../schema.js';

/**
 * Prepares the scan's read transaction: its reads come sorted by citizen, so give those sorts
 * the memory to stay off disk, and write dates as YYYY-MM-DD whatever the server's DateStyle
 * (the packed records hold dates as text), for this transaction only.
 */
export async function prepareScanRead(trx: Transaction<DB>): Promise<void> {
  await sql`SET LOCAL work_mem = '64MB'`.execute(trx);
  await sql`SET LOCAL DateStyle = 'ISO'`.execute(trx);
}

/** The tables the scan reads, grouped by citizen. */
const SCANNED_TABLES = [
  'plan',
  'intervention',
  'intervention_sub_goal',
  'sub_goal',
  'team_member',
  'pathway',
];

/**
 * Collects planner statistics when the scanned tables have none: PGlite runs no autovacuum, and
 * without statistics after a bulk load the planner takes every table for one row and picks poor
 * plans (index scans where a sequential scan is right, sorts that spill to disk). PostgreSQL's
 * autovacuum keeps them current, so this finds them there and does nothing.
 */
export async function ensureStatistics(db: Kysely<DB>): Promise<void> {
  const result = await sql<{ n: number }>`
    SELECT count(DISTINCT tablename)::int AS n FROM pg_stats
     WHERE schemaname = current_schema() AND tablename = ANY(${SCANNED_TABLES}::text[])`.execute(db);
  if ((result.rows[0]?.n ?? 0) >= SCANNED_TABLES.length - 1) return;
  await sql.raw(`ANALYZE ${SCANNED_TABLES.join(', ')}`).execute(db);
}
