import { type Insertable, type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import { newId } from '../ids.js';
import type { DB, DecisionAppealTable, DecisionTable } from '../schema.js';
import { allOf, citizenGroupSql } from './analytics.queries.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** A decision's row with its unit's name, its appeal (if any) and its team case's recommendation. */
export async function decisionsOf(
  db: Executor,
  municipalityId: string,
  citizenId: string,
  decisionId?: string,
) {
  let query = db
    .selectFrom('decision as d')
    .innerJoin('unit as u', (join) =>
      join.onRef('u.municipality_id', '=', 'd.municipality_id').onRef('u.id', '=', 'd.unit_id'),
    )
    .leftJoin('decision_appeal as a', (join) =>
      join.onRef('a.municipality_id', '=', 'd.municipality_id').onRef('a.decision_id', '=', 'd.id'),
    )
    .leftJoin('team_case as tc', (join) =>
      join.onRef('tc.municipality_id', '=', 'd.municipality_id').onRef('tc.id', '=', 'd.team_case_id'),
    )
    .selectAll('d')
    .select([
      'u.name as unit_name',
      'a.received_on',
      'a.reconsideration_due',
      'a.reconsidered_on',
      'a.reconsideration_outcome',
      'a.reconsideration_note',
      'a.forwarded_on',
      'a.result',
      'a.result_on',
      'tc.team_meeting_id',
      'tc.recommendation',
    ])
    .where('d.municipality_id', '=', municipalityId)
    .where('d.citizen_id', '=', citizenId);
  if (decisionId) query = query.where('d.id', '=', decisionId);
  return query.orderBy('d.created_at').orderBy('d.id').execute();
}
export type DecisionRow = Awaited<ReturnType<typeof decisionsOf>>[number];

/** The answers to some decisions' hearings, oldest first. */
export async function responsesOf(db: Executor, municipalityId: string, decisionIds: readonly string[]) {
  if (decisionIds.length === 0) return [];
  return db
    .selectFrom('decision_response')
    .select(['id', 'decision_id', 'kind', 'text', 'created_at'])
    .where('municipality_id', '=', municipalityId)
    .where('decision_id', 'in', [...decisionIds])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export interface NewDecision {
  municipality_id: string;
  citizen_id: string;
  unit_id: string;
  title: string;
  proposal: string;
  facts: string;
  legal_basis: string;
  negative: boolean;
  hearing_until: string | null;
  created_by: string;
  team_case_id: string | null;
}

/** A new decision: a draft, or sent to hearing at once when it has a last day. */
export async function insertDecision(db: Executor, row: NewDecision): Promise<string> {
  const id = newId();
  const hearing = row.hearing_until !== null;
  await db
    .insertInto('decision')
    .values({
      ...row,
      id,
      status: hearing ? 'hearing' : 'draft',
      hearing_sent_at: hearing ? new Date() : null,
    })
    .execute();
  return id;
}

/** The columns a step of the checklist writes (a final decision's row refuses every update). */
export type DecisionStepUpdate = Omit<
  Updateable<DecisionTable>,
  'municipality_id' | 'id' | 'citizen_id' | 'unit_id' | 'created_by' | 'created_at'
>;

export async function updateDecision(
  trx: Transaction<DB>,
  municipalityId: string,
  decisionId: string,
  set: DecisionStepUpdate,
): Promise<void> {
  await trx
    .updateTable('decision')
    .set(set)
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', decisionId)
    .execute();
}

export async function insertAppeal(
  trx: Transaction<DB>,
  row: Insertable<DecisionAppealTable>,
): Promise<void> {
  await trx.insertInto('decision_appeal').values(row).execute();
}

export async function updateAppeal(
  trx: Transaction<DB>,
  municipalityId: string,
  decisionId: string,
  set: Updateable<DecisionAppealTable>,
): Promise<void> {
  await trx
    .updateTable('decision_appeal')
    .set(set)
    .where('municipality_id', '=', municipalityId)
    .where('decision_id', '=', decisionId)
    .execute();
}

/** Answers to one decision's hearing, counted. */
export async function responseCount(trx: Transaction<DB>, municipalityId: string, decisionId: string) {
  const row = await trx
    .selectFrom('decision_response')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('municipality_id', '=', municipalityId)
    .where('decision_id', '=', decisionId)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/**
 * The figures' rows: decisions finalised in the year (decided_on), with the Danish day the draft
 * was made, whether the hearing changed them, and their appeal's result.
 */
export async function decisionFigureRows(db: Executor, municipalityId: string, year: number) {
  return (
    db
      .selectFrom('decision as d')
      .leftJoin('decision_appeal as a', (join) =>
        join.onRef('a.municipality_id', '=', 'd.municipality_id').onRef('a.decision_id', '=', 'd.id'),
      )
      .select([
        'd.citizen_id',
        'd.decided_on',
        sql<string>`to_char(d.created_at AT TIME ZONE 'Europe/Copenhagen', 'YYYY-MM-DD')`.as('drafted_on'),
        'd.hearing_sent_at',
        'd.changed_by_hearing',
        'a.received_on',
        'a.reconsideration_outcome',
        'a.result',
      ])
      .where('d.municipality_id', '=', municipalityId)
      // The figure's citizens: those who have not objected to management figures (decision 0025).
      .where(sql<boolean>`${allOf(citizenGroupSql(municipalityId, year, {}, 'd.citizen_id'))}`)
      .where('d.status', '=', 'final')
      .where('d.decided_on', '>=', `${year}-01-01`)
      .where('d.decided_on', '<=', `${year}-12-31`)
      .execute()
  );
}

/** The decision's row, locked while a step is recorded. */
export async function decisionForUpdate(
  trx: Transaction<DB>,
  municipalityId: string,
  citizenId: string,
  decisionId: string,
) {
  return trx
    .selectFrom('decision')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', '=', citizenId)
    .where('id', '=', decisionId)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertResponse(
  db: Executor,
  row: {
    municipality_id: string;
    decision_id: string;
    citizen_id: string;
    kind: 'comment' | 'correction';
    text: string;
  },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('decision_response')
    .values({ ...row, id })
    .execute();
  return id;
}

/** The deciding unit of a decision of the citizen's, or null (the policy decides by it). */
export async function decisionUnit(
  db: Executor,
  municipalityId: string,
  citizenId: string,
  decisionId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('decision')
    .select('unit_id')
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', '=', citizenId)
    .where('id', '=', decisionId)
    .executeTakeFirst();
  return row?.unit_id ?? null;
}

/** The decision's appeal, if any, locked while a step of it is recorded. */
export async function appealForUpdate(trx: Transaction<DB>, municipalityId: string, decisionId: string) {
  return trx
    .selectFrom('decision_appeal')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('decision_id', '=', decisionId)
    .forUpdate()
    .executeTakeFirst();
}

/** Those of `professionalIds` who work in the unit (a decision's news goes to its unit only). */
export async function staffOfUnit(
  db: Executor,
  municipalityId: string,
  unitId: string,
  professionalIds: readonly string[],
): Promise<string[]> {
  if (professionalIds.length === 0) return [];
  const rows = await db
    .selectFrom('professional')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('unit_id', '=', unitId)
    .where('id', 'in', [...professionalIds])
    .execute();
  return rows.map((row) => row.id);
}
