import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** One ISO week of the trend: how many flags were not closed at its end, and how many were raised in it. */
export interface FlagWeekRow {
  week_start: string;
  open_at_end: number;
  raised: number;
}

/**
 * The weekly course of the coordination signals for the given weeks (Mondays, Danish days, from
 * the calendar module). A week ends at the next Monday's Danish midnight, or now for the week
 * under way. A flag's state at a moment is its last status event before it (opened, acknowledged
 * and reopened leave it open; resolved, dismissed and auto_resolved close it): replaying the
 * events, not reading today's status, so a flag reopened since is not counted in weeks it was closed.
 */
export async function weeklyFlagTrend(
  db: Executor,
  municipalityId: string,
  weekStarts: readonly string[],
  now: Date = new Date(),
): Promise<FlagWeekRow[]> {
  if (weekStarts.length === 0) return [];
  const result = await sql<FlagWeekRow>`
    WITH weeks AS (
      SELECT w::date AS week_start,
             (w::date)::timestamp AT TIME ZONE 'Europe/Copenhagen' AS starts,
             least((w::date + 7)::timestamp AT TIME ZONE 'Europe/Copenhagen', ${now}::timestamptz) AS ends
        FROM unnest(ARRAY[${sql.join(weekStarts.map((day) => sql`${day}`))}]::date[]) AS w
    )
    SELECT to_char(weeks.week_start, 'YYYY-MM-DD') AS week_start,
           (SELECT count(*)::int FROM (
              SELECT DISTINCT ON (e.flag_id) e.action
                FROM coordination_flag_event e
               WHERE e.municipality_id = ${municipalityId} AND e.at < weeks.ends
                 AND e.action <> 'owner_changed'
               ORDER BY e.flag_id, e.at DESC, e.id DESC) AS last
             WHERE last.action IN ('opened', 'acknowledged', 'reopened')) AS open_at_end,
           (SELECT count(*)::int FROM coordination_flag_event e
             WHERE e.municipality_id = ${municipalityId} AND e.action = 'opened'
               AND e.at >= weeks.starts AND e.at < weeks.ends) AS raised
      FROM weeks
     ORDER BY weeks.week_start`.execute(db);
  return result.rows;
}
