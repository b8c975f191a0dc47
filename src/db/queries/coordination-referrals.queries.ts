import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { DB, ReferralEventTable, ReferralTable } from '../schema.js';

type Executor = Kysely<DB> | Transaction<DB>;

/** A referral with the names the API shows. */
export interface ReferralRow {
  id: string;
  citizen_id: string;
  citizen_given_name: string;
  citizen_family_name: string;
  sub_goal_id: string | null;
  sub_goal_title: string | null;
  from_unit_id: string;
  from_unit_name: string;
  from_professional_id: string;
  from_professional_name: string;
  to_unit_id: string | null;
  to_unit_name: string | null;
  to_civil_society: string | null;
  type_id: string | null;
  type_name: string | null;
  reason: string;
  status: string;
  answer_due: string;
  decline_reason: string | null;
  intervention_id: string | null;
  created_at: Date;
  updated_at: Date;
}

/** Referrals of a municipality, joined with names; narrow with the returned builder's where. */
export function referralQuery(db: Executor, municipalityId: string) {
  return db
    .selectFrom('referral as r')
    .innerJoin('unit as fu', (join) =>
      join.onRef('fu.municipality_id', '=', 'r.municipality_id').onRef('fu.id', '=', 'r.from_unit_id'),
    )
    .innerJoin('professional as fp', (join) =>
      join
        .onRef('fp.municipality_id', '=', 'r.municipality_id')
        .onRef('fp.id', '=', 'r.from_professional_id'),
    )
    .leftJoin('unit as tu', (join) =>
      join.onRef('tu.municipality_id', '=', 'r.municipality_id').onRef('tu.id', '=', 'r.to_unit_id'),
    )
    .innerJoin('citizen as c', (join) =>
      join.onRef('c.municipality_id', '=', 'r.municipality_id').onRef('c.id', '=', 'r.citizen_id'),
    )
    .leftJoin('sub_goal as g', (join) =>
      join.onRef('g.municipality_id', '=', 'r.municipality_id').onRef('g.id', '=', 'r.sub_goal_id'),
    )
    .leftJoin('intervention_type as t', (join) =>
      join.onRef('t.municipality_id', '=', 'r.municipality_id').onRef('t.id', '=', 'r.type_id'),
    )
    .select([
      'r.id',
      'r.citizen_id',
      'c.given_name as citizen_given_name',
      'c.family_name as citizen_family_name',
      'r.sub_goal_id',
      'g.title as sub_goal_title',
      'r.from_unit_id',
      'fu.name as from_unit_name',
      'r.from_professional_id',
      'fp.name as from_professional_name',
      'r.to_unit_id',
      'tu.name as to_unit_name',
      'r.to_civil_society',
      'r.type_id',
      't.name as type_name',
      'r.reason',
      'r.status',
      'r.answer_due',
      'r.decline_reason',
      'r.intervention_id',
      'r.created_at',
      'r.updated_at',
    ])
    .where('r.municipality_id', '=', municipalityId);
}

/** A referral's status changes, oldest first. */
export async function referralHistory(
  db: Executor,
  municipalityId: string,
  referralId: string,
): Promise<
  { at: Date; status: string; actor_id: string; actor_name: string | null; comment: string | null }[]
> {
  return db
    .selectFrom('referral_event as e')
    .leftJoin('professional as p', (join) =>
      join.onRef('p.municipality_id', '=', 'e.municipality_id').onRef('p.id', '=', 'e.actor_id'),
    )
    .select(['e.at', 'e.status', 'e.actor_id', 'p.name as actor_name', 'e.comment'])
    .where('e.municipality_id', '=', municipalityId)
    .where('e.referral_id', '=', referralId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}

/** How many referrals to the unit wait for its answer (requested, not yet accepted or declined). */
export async function unansweredReferralCount(
  db: Executor,
  municipalityId: string,
  unitId: string,
): Promise<number> {
  const row = await db
    .selectFrom('referral')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('municipality_id', '=', municipalityId)
    .where('to_unit_id', '=', unitId)
    .where('status', '=', 'requested')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** One referral with the names the API shows; undefined when the municipality has none by that id. */
export async function referralById(db: Executor, municipalityId: string, referralId: string) {
  return referralQuery(db, municipalityId).where('r.id', '=', referralId).executeTakeFirst();
}

/** Whether the sub-goal is an active one of the citizen's plan (a referral may be about it). */
export async function activeSubGoalExists(
  trx: Transaction<DB>,
  municipalityId: string,
  citizenId: string,
  subGoalId: string,
): Promise<boolean> {
  const goal = await trx
    .selectFrom('sub_goal')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', '=', citizenId)
    .where('id', '=', subGoalId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return goal !== undefined;
}

/** Whether the intervention is in the citizen's plan. */
export async function interventionExists(
  trx: Transaction<DB>,
  municipalityId: string,
  citizenId: string,
  interventionId: string,
): Promise<boolean> {
  const intervention = await trx
    .selectFrom('intervention')
    .select('id')
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', '=', citizenId)
    .where('id', '=', interventionId)
    .executeTakeFirst();
  return intervention !== undefined;
}

export async function insertReferral(trx: Transaction<DB>, row: Insertable<ReferralTable>): Promise<void> {
  await trx.insertInto('referral').values(row).execute();
}

export async function insertReferralEvent(
  trx: Transaction<DB>,
  row: Insertable<ReferralEventTable>,
): Promise<void> {
  await trx.insertInto('referral_event').values(row).execute();
}

/** The citizen a referral is about; undefined when the municipality has no such referral. */
export async function referralCitizenId(
  trx: Transaction<DB>,
  municipalityId: string,
  referralId: string,
): Promise<string | undefined> {
  const found = await trx
    .selectFrom('referral')
    .select(['citizen_id'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', referralId)
    .executeTakeFirst();
  return found?.citizen_id;
}

export async function updateReferral(
  trx: Transaction<DB>,
  municipalityId: string,
  referralId: string,
  set: Updateable<ReferralTable>,
): Promise<void> {
  await trx
    .updateTable('referral')
    .set(set)
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', referralId)
    .execute();
}

/** The active staff of a unit, with their roles (whom a referral's news goes to). */
export async function activeStaffOfUnit(db: Executor, municipalityId: string, unitId: string) {
  return db
    .selectFrom('professional')
    .select(['id', 'role'])
    .where('municipality_id', '=', municipalityId)
    .where('unit_id', '=', unitId)
    .where('active', '=', true)
    .execute();
}

/** A citizen's name, when the municipality has the citizen. */
export async function citizenNameIfAny(db: Executor, municipalityId: string, citizenId: string) {
  return db
    .selectFrom('citizen')
    .select(['given_name', 'family_name'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', citizenId)
    .executeTakeFirst();
}
