import type { Insertable, Transaction } from 'kysely';
import type { DB, OwnStepTable, PlanCommentTable } from '../schema.js';

/** The citizen's goal in her own words, as the plan holds it (the plan exists: it is locked). */
export async function ownGoalOf(trx: Transaction<DB>, municipalityId: string, citizenId: string) {
  const plan = await trx
    .selectFrom('plan')
    .select(['goal_own_words'])
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', '=', citizenId)
    .executeTakeFirstOrThrow();
  return plan.goal_own_words;
}

export async function setOwnGoalOf(
  trx: Transaction<DB>,
  municipalityId: string,
  citizenId: string,
  ownWords: string,
): Promise<void> {
  await trx
    .updateTable('plan')
    .set({ goal_own_words: ownWords })
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', '=', citizenId)
    .execute();
}

export async function insertOwnStep(trx: Transaction<DB>, row: Insertable<OwnStepTable>): Promise<void> {
  await trx.insertInto('own_step').values(row).execute();
}

/** One of the citizen's own steps, when it is hers. */
export async function ownStepOf(
  trx: Transaction<DB>,
  municipalityId: string,
  citizenId: string,
  stepId: string,
) {
  return trx
    .selectFrom('own_step')
    .select(['title', 'done_at'])
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', '=', citizenId)
    .where('id', '=', stepId)
    .executeTakeFirst();
}

export async function setOwnStepDone(
  trx: Transaction<DB>,
  municipalityId: string,
  stepId: string,
  doneAt: Date | null,
): Promise<void> {
  await trx
    .updateTable('own_step')
    .set({ done_at: doneAt })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', stepId)
    .execute();
}

export async function insertPlanComment(
  trx: Transaction<DB>,
  row: Insertable<PlanCommentTable>,
): Promise<void> {
  await trx.insertInto('plan_comment').values(row).execute();
}
