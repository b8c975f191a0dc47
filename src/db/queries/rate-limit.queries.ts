import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema.js';

/**
 * Counts one hit on a rate-limited route for a client, in one statement every process shares:
 * a new key or one whose window has ended starts a window of `windowMs` at 1; otherwise the count
 * goes up. The database's clock decides, so processes with skewed clocks agree. Returns the hits
 * in the window and the milliseconds left of it.
 */
export async function countRateLimitHit(
  db: Kysely<DB>,
  keyHash: string,
  windowMs: number,
): Promise<{ hits: number; msLeft: number }> {
  const window = `${Math.max(1, Math.round(windowMs))} milliseconds`;
  const result = await sql<{ hits: number; ms_left: number }>`
    INSERT INTO rate_limit_hit AS r (key_hash, hits, window_ends_at)
    VALUES (${keyHash}, 1, now() + ${window}::interval)
    ON CONFLICT (key_hash) DO UPDATE SET
      hits = CASE WHEN r.window_ends_at <= now() THEN 1 ELSE r.hits + 1 END,
      window_ends_at = CASE WHEN r.window_ends_at <= now() THEN now() + ${window}::interval ELSE r.window_ends_at END
    RETURNING r.hits, GREATEST(0, ceil(extract(epoch FROM r.window_ends_at - now()) * 1000))::int AS ms_left`.execute(
    db,
  );
  const row = result.rows[0];
  if (!row) throw new Error('The rate-limit count returned no row.');
  return { hits: row.hits, msLeft: row.ms_left };
}

/** Deletes the windows that have ended; returns how many. */
export async function deleteEndedRateLimitWindows(db: Kysely<DB>): Promise<number> {
  const result = await db
    .deleteFrom('rate_limit_hit')
    .where('window_ends_at', '<=', sql<Date>`now()`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
