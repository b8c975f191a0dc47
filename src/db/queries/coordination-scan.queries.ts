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

/**
 * Whether the database runs in a process of its own (PostgreSQL) rather than on this thread
 * (PGlite): only then does reading the next range of citizens while the rules run on this one
 * use a second core.
 */
export async function databaseRunsElsewhere(db: Kysely<DB> | Transaction<DB>): Promise<boolean> {
  const result = await sql<{ embedded: boolean }>`SELECT version() LIKE '%PGlite%' AS embedded`.execute(db);
  return result.rows[0]?.embedded !== true;
}

/** Citizens per range when the scan reads ahead: enough to keep each statement's overhead small. */
const CITIZENS_PER_RANGE = 4000;
const MAX_RANGES = 16;

/**
 * Splits a municipality's citizens (those with a plan) into ranges of about `perRange` each (0:
 * one range), in uuid order, for the scan to read one after another. The first starts and the
 * last ends open, so together they cover every citizen id (stored flags of citizens without a
 * plan too).
 */
export async function citizenRanges(
  trx: Transaction<DB>,
  municipalityId: string,
  perRange = CITIZENS_PER_RANGE,
): Promise<{ from: string | null; to: string | null }[]> {
  if (perRange <= 0) return [{ from: null, to: null }];
  const counted = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM plan WHERE municipality_id = ${municipalityId}`.execute(trx);
  const count = Math.min(MAX_RANGES, Math.ceil((counted.rows[0]?.n ?? 0) / perRange));
  if (count <= 1) return [{ from: null, to: null }];
  const fractions = Array.from({ length: count - 1 }, (_, index) => (index + 1) / count);
  const result = await sql<{ bounds: string[] | null }>`
    SELECT (percentile_disc(${fractions}::float8[]) WITHIN GROUP (ORDER BY citizen_id))::text[] AS bounds
      FROM plan WHERE municipality_id = ${municipalityId}`.execute(trx);
  const bounds = [...new Set(result.rows[0]?.bounds ?? [])];
  return [null, ...bounds].map((from, index) => ({ from, to: bounds[index] ?? null }));
}
