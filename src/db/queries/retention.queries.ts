import { type Kysely, sql, type Transaction } from 'kysely';
import type { CaseFacts } from '../../domain/retention/retention.js';
import type { DB } from '../schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** The municipality's retention period in months; null: nothing is deleted automatically. */
export async function citizenRetentionMonths(db: Executor, municipalityId: string): Promise<number | null> {
  const row = await db
    .selectFrom('municipality')
    .select('citizen_retention_months')
    .where('id', '=', municipalityId)
    .executeTakeFirst();
  return row?.citizen_retention_months ?? null;
}

export async function setCitizenRetentionMonths(
  db: Executor,
  municipalityId: string,
  months: number | null,
): Promise<void> {
  await db
    .updateTable('municipality')
    .set({ citizen_retention_months: months })
    .where('id', '=', municipalityId)
    .execute();
}

/** Every municipality with a retention period set, for the deletion job. */
export async function municipalitiesWithRetention(
  db: Executor,
): Promise<{ id: string; code: string; months: number }[]> {
  const rows = await db
    .selectFrom('municipality')
    .select(['id', 'code', 'citizen_retention_months'])
    .where('citizen_retention_months', 'is not', null)
    .orderBy('code')
    .execute();
  return rows.map((row) => ({ id: row.id, code: row.code, months: row.citizen_retention_months ?? 0 }));
}

const DANISH_DAY = (column: string) => sql.raw(`(${column} AT TIME ZONE 'Europe/Copenhagen')::date`);

/**
 * The retention facts of a municipality's citizens (or of one): how many things are still open in
 * each case, and the latest day anything happened. Open: a pathway without an end, an intervention
 * not ended, a referral not closed, a planned meeting, a decision not final, a pending proposal.
 */
export async function caseFacts(
  db: Executor,
  municipalityId: string,
  citizenId?: string,
): Promise<(CaseFacts & { citizenId: string })[]> {
  const result = await sql<{ citizen_id: string; open_items: string | number; last_activity_on: string }>`
    SELECT c.id AS citizen_id,
      (SELECT count(*) FROM pathway x
         WHERE x.municipality_id = c.municipality_id AND x.citizen_id = c.id AND x.end_date IS NULL)
      + (SELECT count(*) FROM intervention x
         WHERE x.municipality_id = c.municipality_id AND x.citizen_id = c.id AND x.status <> 'ended')
      + (SELECT count(*) FROM referral x
         WHERE x.municipality_id = c.municipality_id AND x.citizen_id = c.id
           AND x.status IN ('requested', 'accepted', 'started'))
      + (SELECT count(*) FROM meeting x
         WHERE x.municipality_id = c.municipality_id AND x.citizen_id = c.id AND x.status = 'planned')
      + (SELECT count(*) FROM decision x
         WHERE x.municipality_id = c.municipality_id AND x.citizen_id = c.id AND x.status <> 'final')
      + (SELECT count(*) FROM proposal x
         WHERE x.municipality_id = c.municipality_id AND x.citizen_id = c.id AND x.status = 'pending')
      AS open_items,
      greatest(
        ${DANISH_DAY('c.created_at')},
        (SELECT max(x.end_date) FROM pathway x WHERE x.municipality_id = c.municipality_id AND x.citizen_id = c.id),
        (SELECT max(x.end_date) FROM intervention x
           WHERE x.municipality_id = c.municipality_id AND x.citizen_id = c.id),
        (SELECT max(${DANISH_DAY('x.starts_at')}) FROM meeting x
           WHERE x.municipality_id = c.municipality_id AND x.citizen_id = c.id),
        (SELECT max(${DANISH_DAY('x.updated_at')}) FROM plan x
           WHERE x.municipality_id = c.municipality_id AND x.citizen_id = c.id),
        (SELECT max(${DANISH_DAY('x.created_at')}) FROM decision x
           WHERE x.municipality_id = c.municipality_id AND x.citizen_id = c.id)
      )::text AS last_activity_on
    FROM citizen c
    WHERE c.municipality_id = ${municipalityId}
      ${citizenId ? sql`AND c.id = ${citizenId}` : sql``}
    ORDER BY c.id`.execute(db);
  return result.rows.map((row) => ({
    citizenId: row.citizen_id,
    openItems: Number(row.open_items),
    lastActivityOn: row.last_activity_on,
  }));
}

/** Locks the citizen's row for the deletion's transaction; false when she is already gone. */
export async function lockCitizen(
  trx: Transaction<DB>,
  municipalityId: string,
  citizenId: string,
): Promise<boolean> {
  const row = await sql<{ id: string }>`
    SELECT id FROM citizen WHERE municipality_id = ${municipalityId} AND id = ${citizenId} FOR UPDATE`.execute(
    trx,
  );
  return row.rows.length > 0;
}

/**
 * What a deletion removes, in an order the foreign keys allow: each table with the condition that
 * picks the citizen's rows (`$m` the municipality, `$c` the citizen). Every table holding a
 * citizen_id is here but the audit trail, which has its own retention (decision 0004); a test
 * holds this list to the migrated schema, so a new table cannot be forgotten.
 */
export const CITIZEN_DELETIONS: readonly { table: string; where: string }[] = [
  {
    table: 'intervention_sub_goal',
    where: 'intervention_id IN (SELECT id FROM intervention WHERE municipality_id = $m AND citizen_id = $c)',
  },
  { table: 'proposal', where: 'citizen_id = $c' },
  {
    table: 'referral_event',
    where: 'referral_id IN (SELECT id FROM referral WHERE municipality_id = $m AND citizen_id = $c)',
  },
  { table: 'referral', where: 'citizen_id = $c' },
  {
    table: 'coordination_flag_event',
    where: 'flag_id IN (SELECT id FROM coordination_flag WHERE municipality_id = $m AND citizen_id = $c)',
  },
  { table: 'coordination_flag', where: 'citizen_id = $c' },
  { table: 'decision_appeal', where: 'citizen_id = $c' },
  { table: 'decision_response', where: 'citizen_id = $c' },
  { table: 'decision', where: 'citizen_id = $c' },
  { table: 'team_case', where: 'citizen_id = $c' },
  { table: 'meeting_preparation', where: 'citizen_id = $c' },
  {
    table: 'meeting_participant',
    where: 'meeting_id IN (SELECT id FROM meeting WHERE municipality_id = $m AND citizen_id = $c)',
  },
  { table: 'meeting', where: 'citizen_id = $c' },
  { table: 'follow_up', where: 'citizen_id = $c' },
  { table: 'measure_response', where: 'citizen_id = $c' },
  { table: 'sub_goal_gas_history', where: 'citizen_id = $c' },
  { table: 'intervention', where: 'citizen_id = $c' },
  { table: 'own_step', where: 'citizen_id = $c' },
  { table: 'sub_goal', where: 'citizen_id = $c' },
  { table: 'plan_comment', where: 'citizen_id = $c' },
  { table: 'team_member', where: 'citizen_id = $c' },
  { table: 'plan_history', where: 'citizen_id = $c' },
  { table: 'plan_document', where: 'citizen_id = $c' },
  { table: 'plan', where: 'citizen_id = $c' },
  { table: 'pathway', where: 'citizen_id = $c' },
  { table: 'consent', where: 'citizen_id = $c' },
  { table: 'reporting_objection', where: 'citizen_id = $c' },
  { table: 'break_glass', where: 'citizen_id = $c' },
  {
    table: 'session',
    where:
      "((subject_kind = 'citizen' AND subject_id = $c) OR delegation_id IN (SELECT id FROM delegation WHERE municipality_id = $m AND citizen_id = $c))",
  },
  { table: 'delegation', where: 'citizen_id = $c' },
  { table: 'notification', where: 'citizen_id = $c' },
  { table: 'cost_entry', where: 'citizen_id = $c' },
  { table: 'cost_citizen_year', where: 'citizen_id = $c' },
  { table: 'identity_link', where: "subject_kind = 'citizen' AND subject_id = $c" },
  { table: 'demo_persona', where: "subject_kind = 'citizen' AND subject_id = $c" },
  // Her calendar links (migration 032): their rows name her as owner.
  { table: 'calendar_feed', where: "owner_kind = 'citizen' AND owner_id = $c" },
  { table: 'citizen', where: 'id = $c' },
];

/** A deletion's condition with the two ids as parameters (the text around them is a constant). */
function conditionSql(where: string, municipalityId: string, citizenId: string) {
  const parts = where.split(/(\$m|\$c)/).filter((part) => part !== '');
  return sql.join(
    parts.map((part) => {
      if (part === '$m') return sql`${municipalityId}`;
      if (part === '$c') return sql`${citizenId}`;
      return sql.raw(part);
    }),
    sql``,
  );
}

/** Deletes everything held about one citizen but the audit trail; returns the rows per table. */
export async function deleteCitizenData(
  trx: Transaction<DB>,
  municipalityId: string,
  citizenId: string,
): Promise<Record<string, number>> {
  const removed: Record<string, number> = {};
  for (const { table, where } of CITIZEN_DELETIONS) {
    const result = await sql`
      DELETE FROM ${sql.table(table)}
      WHERE municipality_id = ${municipalityId} AND ${conditionSql(where, municipalityId, citizenId)}`.execute(
      trx,
    );
    const count = Number(result.numAffectedRows ?? 0);
    if (count > 0) removed[table] = count;
  }
  return removed;
}

/** The tables with a citizen_id column in the migrated schema (for the test of the list above). */
export async function tablesWithCitizenColumn(db: Executor): Promise<string[]> {
  const result = await sql<{ table_name: string }>`
    SELECT DISTINCT table_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND column_name = 'citizen_id'
    ORDER BY table_name`.execute(db);
  return result.rows.map((row) => row.table_name);
}
