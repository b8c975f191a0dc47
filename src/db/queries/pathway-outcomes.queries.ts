import { type Kysely, sql, type Transaction } from 'kysely';
import type { CitizenGroup } from '../../domain/analytics/citizen-groups.js';
import type { PathwayOutcome } from '../../domain/plan/pathway-outcome.js';
import type { DB } from '../schema.js';
import { allOf, citizenGroupSql } from './analytics.queries.js';

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * The pathways under way some day from 1 January of `fromYear` to the reference day, of a type
 * (or all), of the group's citizens — who have not objected (citizenGroupSql). Citizens are
 * numbered, never sent as ids.
 */
export async function outcomePathways(
  db: Executor,
  scope: { municipalityId: string; year: number; pathwayType?: string | undefined } & CitizenGroup,
  fromYear: number,
  referenceDay: string,
): Promise<{ citizen: string; start: string; end: string | null; outcome: PathwayOutcome | null }[]> {
  const conditions = allOf([
    ...(scope.pathwayType === undefined ? [] : [sql`p.template_code = ${scope.pathwayType}`]),
    ...citizenGroupSql(scope.municipalityId, scope.year, scope, 'p.citizen_id'),
  ]);
  const result = await sql<{ citizen: number; start: string; end: string | null; outcome: string | null }>`
    SELECT dense_rank() OVER (ORDER BY p.citizen_id)::int AS citizen, p.start_date::text AS start,
      p.end_date::text AS "end", p.outcome
    FROM pathway p
    WHERE p.municipality_id = ${scope.municipalityId} AND ${conditions}
      AND p.start_date <= ${referenceDay}::date
      AND (p.end_date IS NULL OR p.end_date >= make_date(${fromYear}::int, 1, 1))`.execute(db);
  return result.rows.map((row) => ({
    citizen: String(row.citizen),
    start: row.start,
    end: row.end,
    outcome: row.outcome as PathwayOutcome | null,
  }));
}
