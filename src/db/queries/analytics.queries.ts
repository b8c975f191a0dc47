import { type Kysely, sql, type Transaction } from 'kysely';
import { type CitizenGroup, birthYearsOf } from '../../domain/analytics/citizen-groups.js';
import type { AreaCost, AreaMonths } from '../../domain/analytics/cost-table.js';
import { BUDGET_AREAS } from '../../domain/organisation/budget-areas.js';
import { parseAreaCosts, parseAreaMonths } from './packed-costs.js';
import type { DB } from '../schema.js';
import { reportableCitizenSql } from './reporting-objection.queries.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** Which costs a figure counts: one year, optionally one sector, budget area, unit, age group. */
export interface CostFilter extends CitizenGroup {
  municipalityId: string;
  year: number;
  sector?: string | undefined;
  budgetArea?: string | undefined;
}

/**
 * The conditions that narrow `column` (a citizen id) to the citizens a management figure counts:
 * always only those who have not objected to management figures (decision 0025,
 * reporting-objection.queries.ts), and then the group (citizen-groups.ts): the citizen's current
 * coordinating unit, and the age reached in `year` from the birth part. Every figure's query
 * narrows through this one function, so the objection holds for all of them and their exports.
 */
export function citizenGroupSql(municipalityId: string, year: number, group: CitizenGroup, column: string) {
  const citizen = sql.ref(column);
  const conditions = [reportableCitizenSql(municipalityId, column)];
  if (group.unit !== undefined)
    conditions.push(sql`${citizen} IN (
      SELECT citizen_id FROM (
        SELECT DISTINCT ON (m.citizen_id) m.citizen_id, p.unit_id FROM team_member m
        JOIN professional p ON p.municipality_id = m.municipality_id AND p.id = m.professional_id
        WHERE m.municipality_id = ${municipalityId} AND m.is_coordinator AND m.ended_at IS NULL
        ORDER BY m.citizen_id, m.start_date
      ) AS coordinating WHERE unit_id = ${group.unit})`);
  if (group.ageGroup !== undefined) {
    const { earliest, latest } = birthYearsOf(group.ageGroup, year);
    const yy = sql`substr(c.cpr_birth_part, 5, 2)::int`;
    const born = sql`(CASE WHEN ${yy} <= ${year % 100} THEN 2000 ELSE 1900 END + ${yy})`;
    conditions.push(sql`${citizen} IN (
      SELECT c.id FROM citizen c WHERE c.municipality_id = ${municipalityId} AND ${born} <= ${latest}
        ${earliest === null ? sql`` : sql`AND ${born} >= ${earliest}`})`);
  }
  return conditions;
}

/** The conditions as one SQL condition (true when there are none). */
export function allOf(conditions: ReturnType<typeof sql>[]) {
  return conditions.length === 0 ? sql`true` : sql.join(conditions, sql` AND `);
}

function filterSql(filter: CostFilter) {
  return sql.join(
    [
      sql`municipality_id = ${filter.municipalityId}`,
      sql`year = ${filter.year}`,
      ...(filter.sector === undefined ? [] : [sql`sector = ${filter.sector}`]),
      ...(filter.budgetArea === undefined ? [] : [sql`budget_area = ${filter.budgetArea}`]),
      ...citizenGroupSql(filter.municipalityId, filter.year, filter, 'citizen_id'),
    ],
    sql` AND `,
  );
}

/**
 * Each citizen's cost under the filter (only citizens with a positive cost), read from the
 * pre-aggregate. Sent as one comma-separated string: splitting it costs a fraction of turning
 * tens of thousands of rows into objects.
 */
export async function citizenCosts(db: Executor, filter: CostFilter): Promise<number[]> {
  const result = await sql<{ amounts: string | null }>`
    SELECT string_agg(amount::text, ',') AS amounts
    FROM (SELECT sum(amount_ore) AS amount FROM cost_citizen_year WHERE ${filterSql(filter)}
          GROUP BY citizen_id) AS per_citizen
    WHERE amount > 0`.execute(db);
  const amounts = result.rows[0]?.amounts;
  return amounts ? amounts.split(',').map(Number) : [];
}

/** One of the most expensive citizens: their rank, and what they are in contact with. */
export interface TopCitizenRow {
  /** 1 = the most expensive (ties by citizen id). */
  rank: number;
  /** Distinct sectors with an intervention or a cost in the year. */
  sectors: number;
  /** Interventions under way on the reference day. */
  simultaneous: number;
}

/**
 * The most expensive `fraction` of the citizens under the filter (ceil(n·fraction), at least one;
 * ties by citizen id), with the number of sectors each was in contact with during the year and
 * the interventions they had under way on `referenceDay`; and n, the citizens with cost. One
 * read of the pre-aggregate, then index look-ups for the top group only (correlated look-ups:
 * joins of the whole group planned worse on PGlite).
 */
export async function topCitizens(
  db: Executor,
  filter: CostFilter,
  fraction: number,
  referenceDay: string,
): Promise<{ citizens: number; top: TopCitizenRow[] }> {
  const yearStart = `${filter.year}-01-01`;
  const yearEnd = `${filter.year}-12-31`;
  const result = await sql<TopCitizenRow & { n: number }>`
    WITH per_citizen AS (
      SELECT citizen_id, sum(amount_ore) AS amount FROM cost_citizen_year WHERE ${filterSql(filter)}
      GROUP BY citizen_id HAVING sum(amount_ore) > 0
    ), ranked AS (
      SELECT citizen_id, row_number() OVER (ORDER BY amount DESC, citizen_id) AS rank, count(*) OVER () AS n
      FROM per_citizen
    ), top AS (
      SELECT * FROM ranked WHERE rank <= greatest(1, ceil(n * ${fraction}::float8 - 1e-9))
    )
    SELECT top.rank::int AS rank, top.n::int AS n,
      (SELECT count(*)::int FROM (
         SELECT t.sector FROM intervention i
         JOIN intervention_type t ON t.municipality_id = i.municipality_id AND t.id = i.type_id
         WHERE i.municipality_id = ${filter.municipalityId} AND i.citizen_id = top.citizen_id
           AND i.status <> 'planned' AND i.start_date <= ${yearEnd}::date
           AND (i.end_date IS NULL OR i.end_date >= ${yearStart}::date)
         UNION
         SELECT c.sector FROM cost_citizen_year c
         WHERE c.municipality_id = ${filter.municipalityId} AND c.year = ${filter.year}
           AND c.citizen_id = top.citizen_id AND c.amount_ore > 0
       ) AS contact) AS sectors,
      (SELECT count(*)::int FROM intervention i
       WHERE i.municipality_id = ${filter.municipalityId} AND i.citizen_id = top.citizen_id
         AND i.status <> 'planned' AND i.start_date <= ${referenceDay}::date
         AND (i.end_date IS NULL OR i.end_date >= ${referenceDay}::date)) AS simultaneous
    FROM top
    ORDER BY top.rank`.execute(db);
  return {
    citizens: result.rows[0]?.n ?? 0,
    top: result.rows.map(({ rank, sectors, simultaneous }) => ({ rank, sectors, simultaneous })),
  };
}

/** The years with any cost, newest first. */
export async function costYears(db: Executor, municipalityId: string): Promise<number[]> {
  const rows = await db
    .selectFrom('cost_citizen_year')
    .select('year')
    .distinct()
    .where('municipality_id', '=', municipalityId)
    .orderBy('year', 'desc')
    .execute();
  return rows.map((row) => row.year);
}

/**
 * A budget area as its number in BUDGET_AREAS (1, 2, …; 0 for another): the packed lines
 * below stay short and one byte per character (the names have æøå); packed-costs.ts reads them.
 */
const areaNumber = sql`coalesce(array_position(${[...BUDGET_AREAS]}::text[], budget_area), 0)`;

/**
 * The citizens with a positive cost under the filter, most expensive first (ties by citizen
 * id), each with their positive costs per budget area. The database sends one line per citizen
 * (no id), `area|amount` per sector and area separated by `;`, grouped in the pre-aggregate's
 * key order and ranked by one sort of the citizens; a budget area booked by several sectors is
 * summed here. An area outside BUDGET_AREAS comes as '' (no figure shows it; its citizen still
 * counts).
 */
export async function rankedAreaCosts(db: Executor, filter: CostFilter): Promise<AreaCost[][]> {
  const result = await sql<{ packed: string | null }>`
    SELECT string_agg(areas, E'\n' ORDER BY total DESC, citizen_id) AS packed
    FROM (SELECT citizen_id, sum(amount_ore)::int8 AS total,
            string_agg(${areaNumber} || '|' || amount_ore, ';') AS areas
          FROM cost_citizen_year WHERE ${filterSql(filter)}
          GROUP BY citizen_id HAVING sum(amount_ore) > 0) AS per_citizen`.execute(db);
  const packed = result.rows[0]?.packed;
  return packed ? parseAreaCosts(packed) : [];
}

/** Pathways started in the year, each with the start of the first (business-directed) intervention on or after it. */
export async function pathwayOffers(
  db: Executor,
  municipalityId: string,
  year: number,
  templateCode: string | undefined,
  group: CitizenGroup = {},
): Promise<{ start: string; first_any: string | null; first_business: string | null }[]> {
  const template = templateCode === undefined ? sql`true` : sql`p.template_code = ${templateCode}`;
  const narrowed = allOf(citizenGroupSql(municipalityId, year, group, 'p.citizen_id'));
  const result = await sql<{ start: string; first_any: string | null; first_business: string | null }>`
    SELECT p.start_date AS start,
      min(i.start_date) AS first_any,
      min(i.start_date) FILTER (WHERE t.business_directed) AS first_business
    FROM pathway p
    LEFT JOIN intervention i ON i.municipality_id = p.municipality_id AND i.citizen_id = p.citizen_id
      AND i.start_date >= p.start_date AND (p.end_date IS NULL OR i.start_date <= p.end_date)
    LEFT JOIN intervention_type t ON t.municipality_id = i.municipality_id AND t.id = i.type_id
    WHERE p.municipality_id = ${municipalityId} AND p.start_date >= make_date(${year}, 1, 1)
      AND p.start_date <= make_date(${year}, 12, 31) AND ${template} AND ${narrowed}
    GROUP BY p.id, p.start_date`.execute(db);
  return result.rows;
}

/**
 * Interventions under way on a day, and the distinct citizens receiving them, per pyramid level;
 * with a pathway type, only those of citizens in a pathway of that type on the day (activity-pyramid@2).
 */
export async function pyramidCounts(
  db: Executor,
  municipalityId: string,
  day: string,
  group: CitizenGroup = {},
  pathwayType: string | undefined = undefined,
): Promise<{ level: number; interventions: number; citizens: number }[]> {
  const narrowed = allOf([
    ...citizenGroupSql(municipalityId, Number(day.slice(0, 4)), group, 'i.citizen_id'),
    ...(pathwayType === undefined
      ? []
      : [
          sql`i.citizen_id IN (SELECT p.citizen_id FROM pathway p
              WHERE p.municipality_id = ${municipalityId} AND p.template_code = ${pathwayType}
                AND p.start_date <= ${day}::date AND (p.end_date IS NULL OR p.end_date >= ${day}::date))`,
        ]),
  ]);
  const result = await sql<{ level: number; interventions: number; citizens: number }>`
    SELECT t.pyramid_level::int AS level, count(*)::int AS interventions, count(DISTINCT i.citizen_id)::int AS citizens
    FROM intervention i
    JOIN intervention_type t ON t.municipality_id = i.municipality_id AND t.id = i.type_id
    WHERE i.municipality_id = ${municipalityId} AND i.status = 'active' AND i.start_date <= ${day}::date
      AND (i.end_date IS NULL OR i.end_date >= ${day}::date) AND ${narrowed}
    GROUP BY t.pyramid_level ORDER BY 1`.execute(db);
  return result.rows;
}

/** Pathways started (inflow) and ended (outflow) per month of the year. */
export async function pathwayFlow(
  db: Executor,
  municipalityId: string,
  year: number,
  templateCode: string | undefined,
  group: CitizenGroup = {},
): Promise<{ month: number; inflow: number; outflow: number }[]> {
  const template = allOf([
    ...(templateCode === undefined ? [] : [sql`template_code = ${templateCode}`]),
    ...citizenGroupSql(municipalityId, year, group, 'citizen_id'),
  ]);
  const result = await sql<{ month: number; inflow: number; outflow: number }>`
    SELECT m AS month,
      (SELECT count(*)::int FROM pathway WHERE municipality_id = ${municipalityId} AND ${template}
         AND extract(year FROM start_date) = ${year} AND extract(month FROM start_date) = m) AS inflow,
      (SELECT count(*)::int FROM pathway WHERE municipality_id = ${municipalityId} AND ${template}
         AND extract(year FROM end_date) = ${year} AND extract(month FROM end_date) = m) AS outflow
    FROM generate_series(1, 12) AS m ORDER BY m`.execute(db);
  return result.rows;
}

/**
 * Each citizen's amounts per budget area and month of the year under the filter, read from the
 * pre-aggregate's month_amounts. The database only joins each citizen's rows into one line (no
 * id), `area{m1,…,m12}` per sector and area (the area by number, as above), in the order of the
 * pre-aggregate's key, so no sort and no sums; a budget area booked by several sectors is summed
 * here.
 */
export async function monthlyAreaCosts(db: Executor, filter: CostFilter): Promise<AreaMonths[][]> {
  const result = await sql<{ packed: string | null }>`
    SELECT string_agg(areas, E'\n') AS packed
    FROM (SELECT string_agg(${areaNumber} || month_amounts::text, '') AS areas FROM cost_citizen_year
          WHERE ${filterSql(filter)} GROUP BY citizen_id) AS per_citizen`.execute(db);
  const packed = result.rows[0]?.packed;
  return packed ? parseAreaMonths(packed) : [];
}

/** One GAS follow-up of a citizen counted in a year, with the sub-goal's weight of now. */
export interface GasFollowUpRow {
  citizenId: string;
  subGoalId: string;
  level: number;
  at: Date;
  weight: number;
}

/**
 * Every GAS follow-up before `until` of the citizens with one in [from, until), oldest first
 * per citizen. Reads no professional and no name: only levels, weights and times.
 */
export async function gasFollowUpsOfYear(
  db: Executor,
  municipalityId: string,
  from: Date,
  until: Date,
  group: { year: number } & CitizenGroup = { year: from.getUTCFullYear() },
): Promise<GasFollowUpRow[]> {
  const narrowed = allOf(citizenGroupSql(municipalityId, group.year, group, 'h.citizen_id'));
  const rows = await db
    .selectFrom('sub_goal_gas_history as h')
    .innerJoin('sub_goal as g', (join) =>
      join.onRef('g.municipality_id', '=', 'h.municipality_id').onRef('g.id', '=', 'h.sub_goal_id'),
    )
    .select(['h.citizen_id', 'h.sub_goal_id', 'h.gas_level', 'h.recorded_at', 'g.gas_weight'])
    .where('h.municipality_id', '=', municipalityId)
    .where('h.recorded_at', '<', until)
    .where(sql<boolean>`${narrowed}`)
    .where('h.citizen_id', 'in', (inner) =>
      inner
        .selectFrom('sub_goal_gas_history')
        .select('citizen_id')
        .where('municipality_id', '=', municipalityId)
        .where('recorded_at', '>=', from)
        .where('recorded_at', '<', until),
    )
    .orderBy('h.citizen_id')
    .orderBy('h.recorded_at')
    .orderBy('h.id')
    .execute();
  return rows.map((row) => ({
    citizenId: row.citizen_id,
    subGoalId: row.sub_goal_id,
    level: row.gas_level,
    at: row.recorded_at,
    weight: row.gas_weight,
  }));
}

/** Each citizen's coordinating unit now (the unit of the plan's current coordinator). */
export async function coordinatorUnits(
  db: Executor,
  municipalityId: string,
): Promise<{ citizenId: string; unitId: string }[]> {
  const rows = await db
    .selectFrom('team_member as m')
    .innerJoin('professional as p', (join) =>
      join.onRef('p.municipality_id', '=', 'm.municipality_id').onRef('p.id', '=', 'm.professional_id'),
    )
    .select(['m.citizen_id', 'p.unit_id'])
    .where('m.municipality_id', '=', municipalityId)
    .where('m.is_coordinator', '=', true)
    .where('m.ended_at', 'is', null)
    .orderBy('m.citizen_id')
    .orderBy('m.start_date')
    .execute();
  return rows.map((row) => ({ citizenId: row.citizen_id, unitId: row.unit_id }));
}

/** The municipality's units, by name. */
export async function unitNames(
  db: Executor,
  municipalityId: string,
): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom('unit')
    .select(['id', 'name'])
    .where('municipality_id', '=', municipalityId)
    .orderBy('name')
    .execute();
}
