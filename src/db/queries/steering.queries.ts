import { type Kysely, sql, type Transaction } from 'kysely';
import type { CitizenGroup } from '../../domain/analytics/citizen-groups.js';
import type { DB } from '../schema.js';
import { citizenGroupSql } from './analytics.queries.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** Which pathways a steering figure reads: the municipality's, of a type, of a group of citizens. */
export interface PathwayScope extends CitizenGroup {
  municipalityId: string;
  year: number;
  pathwayType?: string | undefined;
}

function scopeSql(scope: PathwayScope, withType = true) {
  const conditions = [
    sql`p.municipality_id = ${scope.municipalityId}`,
    ...(withType && scope.pathwayType !== undefined ? [sql`p.template_code = ${scope.pathwayType}`] : []),
    ...citizenGroupSql(scope.municipalityId, scope.year, scope, 'p.citizen_id'),
  ];
  return sql.join(conditions, sql` AND `);
}

/**
 * Each citizen with a pathway under way some day of [1 January, referenceDay]: her activation
 * days in that time and those in business-directed interventions (steering-kpis.ts, activation@1).
 */
export async function activationRows(
  db: Executor,
  scope: PathwayScope,
  referenceDay: string,
): Promise<{ activationDays: number; businessDays: number }[]> {
  const from = `${scope.year}-01-01`;
  const result = await sql<{ activation_days: number; business_days: number }>`
    WITH cohort AS (
      SELECT DISTINCT p.citizen_id FROM pathway p
      WHERE ${scopeSql(scope)} AND p.start_date <= ${referenceDay}::date
        AND (p.end_date IS NULL OR p.end_date >= ${from}::date)
    )
    SELECT coalesce(sum(a.days), 0)::int AS activation_days,
      coalesce(sum(a.days) FILTER (WHERE a.business), 0)::int AS business_days
    FROM cohort c LEFT JOIN LATERAL (
      SELECT least(coalesce(i.end_date, ${referenceDay}::date), ${referenceDay}::date)
               - greatest(i.start_date, ${from}::date) + 1 AS days,
             t.business_directed AS business
      FROM intervention i
      JOIN intervention_type t ON t.municipality_id = i.municipality_id AND t.id = i.type_id
      WHERE i.municipality_id = ${scope.municipalityId} AND i.citizen_id = c.citizen_id
        AND i.status <> 'planned' AND i.start_date <= ${referenceDay}::date
        AND (i.end_date IS NULL OR i.end_date >= ${from}::date)
        AND (t.business_directed
             OR (t.sector = 'employment' AND t.category IN ('job', 'education') AND t.pyramid_level >= 4))
    ) AS a ON true
    GROUP BY c.citizen_id`.execute(db);
  return result.rows.map((row) => ({ activationDays: row.activation_days, businessDays: row.business_days }));
}

/**
 * Every pathway of the group's citizens (of any type: a spell runs across types), each saying
 * whether it is of the chosen type. Citizens are numbered, never sent as ids.
 */
export async function pathwayPeriods(
  db: Executor,
  scope: PathwayScope,
): Promise<{ citizen: string; start: string; end: string | null; matches: boolean }[]> {
  const matches = scope.pathwayType === undefined ? sql`true` : sql`p.template_code = ${scope.pathwayType}`;
  const result = await sql<{ citizen: number; start: string; end: string | null; matches: boolean }>`
    SELECT dense_rank() OVER (ORDER BY p.citizen_id)::int AS citizen, p.start_date::text AS start,
      p.end_date::text AS "end", ${matches} AS matches
    FROM pathway p WHERE ${scopeSql(scope, false)}`.execute(db);
  return result.rows.map((row) => ({ ...row, citizen: String(row.citizen) }));
}

/** Per year from `fromYear` to the scope's year: pathways started, ended and citizens in a pathway, up to the reference day. */
export async function periodCountRows(
  db: Executor,
  scope: PathwayScope,
  fromYear: number,
  referenceDay: string,
): Promise<{ year: number; started: number; ended: number; citizens: number }[]> {
  const where = scopeSql(scope);
  const result = await sql<{ year: number; started: number; ended: number; citizens: number }>`
    SELECT y::int AS year,
      (SELECT count(*)::int FROM pathway p WHERE ${where}
         AND extract(year FROM p.start_date) = y AND p.start_date <= ${referenceDay}::date) AS started,
      (SELECT count(*)::int FROM pathway p WHERE ${where}
         AND extract(year FROM p.end_date) = y AND p.end_date <= ${referenceDay}::date) AS ended,
      (SELECT count(DISTINCT p.citizen_id)::int FROM pathway p WHERE ${where}
         AND p.start_date <= least(make_date(y, 12, 31), ${referenceDay}::date)
         AND (p.end_date IS NULL OR p.end_date >= make_date(y, 1, 1))) AS citizens
    FROM generate_series(${fromYear}::int, ${scope.year}::int) AS y ORDER BY y`.execute(db);
  return result.rows;
}
