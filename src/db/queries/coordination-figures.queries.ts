import { type Kysely, sql, type Transaction } from 'kysely';
import type { CitizenGroup } from '../../domain/analytics/citizen-groups.js';
import type {
  FlagEventAction,
  FlagHistory,
  ReferralLoop,
} from '../../domain/analytics/coordination-figures.js';
import type { DB } from '../schema.js';
import { citizenGroupSql } from './analytics.queries.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** Which citizens a coordination figure counts: a year, a group of citizens, optionally a pathway type. */
export interface CoordinationScope extends CitizenGroup {
  municipalityId: string;
  year: number;
  pathwayType?: string | undefined;
}

/**
 * THE citizen base of the coordination figures, chosen in one place: the figure's group
 * (citizen-groups.ts, through citizenGroupSql like every management figure) and, with a pathway
 * type, the citizens with a pathway of that type under way some day of the year. Every query in
 * this file narrows `column` with it and nothing else.
 */
export function countedCitizensSql(scope: CoordinationScope, column: string) {
  const conditions = citizenGroupSql(scope.municipalityId, scope.year, scope, column);
  if (scope.pathwayType !== undefined)
    conditions.push(sql`${sql.ref(column)} IN (
      SELECT p.citizen_id FROM pathway p
      WHERE p.municipality_id = ${scope.municipalityId} AND p.template_code = ${scope.pathwayType}
        AND p.start_date <= make_date(${scope.year}, 12, 31)
        AND (p.end_date IS NULL OR p.end_date >= make_date(${scope.year}, 1, 1)))`);
  return conditions.length === 0 ? sql`true` : sql.join(conditions, sql` AND `);
}

/** The moment a Danish day ends (the next day's Danish midnight), as SQL. */
const endOf = (day: string) => sql`((${day}::date + 1)::timestamp AT TIME ZONE 'Europe/Copenhagen')`;
const danishDay = (column: ReturnType<typeof sql>) =>
  sql`to_char(${column} AT TIME ZONE 'Europe/Copenhagen', 'YYYY-MM-DD')`;

/**
 * Every flag of the counted citizens with its status changes up to the end of `referenceDay`
 * (Danish days, oldest first; owner changes left out). Citizens are numbered, never sent as ids.
 */
export async function flagHistories(
  db: Executor,
  scope: CoordinationScope,
  referenceDay: string,
): Promise<FlagHistory[]> {
  const result = await sql<{ citizen: number; kind: string; events: string }>`
    SELECT dense_rank() OVER (ORDER BY f.citizen_id)::int AS citizen, f.rule_id AS kind,
      string_agg(${danishDay(sql`e.at`)} || '|' || e.action, ',' ORDER BY e.at, e.id) AS events
    FROM coordination_flag f
    JOIN coordination_flag_event e ON e.municipality_id = f.municipality_id AND e.flag_id = f.id
    WHERE f.municipality_id = ${scope.municipalityId} AND e.action <> 'owner_changed'
      AND e.at < ${endOf(referenceDay)} AND ${countedCitizensSql(scope, 'f.citizen_id')}
    GROUP BY f.id, f.citizen_id, f.rule_id`.execute(db);
  return result.rows.map((row) => ({
    citizen: row.citizen,
    kind: row.kind,
    events: row.events.split(',').map((event) => {
      const [day, action] = event.split('|') as [string, FlagEventAction];
      return { day, action };
    }),
  }));
}

/**
 * The counted citizens with interventions of 2+ sectors under way on `day`, each saying whether
 * she has a flag open at the end of it (its last status change by then left it open).
 */
export async function multiSectorCitizens(
  db: Executor,
  scope: CoordinationScope,
  day: string,
): Promise<{ openFlag: boolean }[]> {
  const result = await sql<{ open_flag: boolean }>`
    WITH multi AS (
      SELECT i.citizen_id FROM intervention i
      JOIN intervention_type t ON t.municipality_id = i.municipality_id AND t.id = i.type_id
      WHERE i.municipality_id = ${scope.municipalityId} AND i.status <> 'planned'
        AND i.start_date <= ${day}::date AND (i.end_date IS NULL OR i.end_date >= ${day}::date)
        AND ${countedCitizensSql(scope, 'i.citizen_id')}
      GROUP BY i.citizen_id HAVING count(DISTINCT t.sector) >= 2
    )
    SELECT EXISTS (
      SELECT 1 FROM coordination_flag f
      WHERE f.municipality_id = ${scope.municipalityId} AND f.citizen_id = multi.citizen_id
        AND (SELECT e.action FROM coordination_flag_event e
             WHERE e.municipality_id = f.municipality_id AND e.flag_id = f.id
               AND e.action <> 'owner_changed' AND e.at < ${endOf(day)}
             ORDER BY e.at DESC, e.id DESC LIMIT 1) IN ('opened', 'acknowledged', 'reopened')
    ) AS open_flag
    FROM multi`.execute(db);
  return result.rows.map((row) => ({ openFlag: row.open_flag }));
}

/**
 * The counted citizens' referrals made in the year up to `referenceDay` (Danish days): when each
 * was sent, due, first answered (accepted or declined) and closed (declined, completed or
 * withdrawn). Citizens are numbered, never sent as ids.
 */
export async function referralLoops(
  db: Executor,
  scope: CoordinationScope,
  referenceDay: string,
): Promise<ReferralLoop[]> {
  const firstEvent = (statuses: readonly string[]) => sql`(
    SELECT ${danishDay(sql`min(e.at)`)} FROM referral_event e
    WHERE e.municipality_id = r.municipality_id AND e.referral_id = r.id
      AND e.status IN (${sql.join(statuses.map((status) => sql`${status}`))}))`;
  const result = await sql<{
    citizen: number;
    sent: string;
    due: string;
    answered: string | null;
    closed: string | null;
  }>`
    SELECT dense_rank() OVER (ORDER BY r.citizen_id)::int AS citizen, ${danishDay(sql`r.created_at`)} AS sent,
      r.answer_due::text AS due, ${firstEvent(['accepted', 'declined'])} AS answered,
      ${firstEvent(['declined', 'completed', 'withdrawn'])} AS closed
    FROM referral r
    WHERE r.municipality_id = ${scope.municipalityId}
      AND r.created_at >= (make_date(${scope.year}, 1, 1)::timestamp AT TIME ZONE 'Europe/Copenhagen')
      AND r.created_at < ${endOf(referenceDay)} AND ${countedCitizensSql(scope, 'r.citizen_id')}`.execute(db);
  return result.rows;
}
