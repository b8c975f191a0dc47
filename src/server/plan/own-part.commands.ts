import type {
  OwnGoalInput,
  OwnStepCreate,
  OwnStepUpdate,
  PlanCommentInput,
} from '../../domain/plan/own-part.schemas.js';
import type { PlanChange } from '../../domain/plan/plan-change.js';
import { newId } from '../../db/ids.js';
import { coordinatorOf, insertNotifications } from '../../db/queries/notification.queries.js';
import { problems } from '../problem.js';
import type { OwnPartScope } from './plan-change.js';

/** The citizen's goal in her own words; the professional's wording is left as it is. */
export async function setOwnGoal(scope: OwnPartScope, input: OwnGoalInput): Promise<PlanChange[]> {
  const { trx, municipalityId, citizenId } = scope;
  const before = await trx
    .selectFrom('plan')
    .select(['goal_own_words'])
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', '=', citizenId)
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('plan')
    .set({ goal_own_words: input.ownWords })
    .where('municipality_id', '=', municipalityId)
    .where('citizen_id', '=', citizenId)
    .execute();
  return [
    {
      entity: 'goal',
      entityId: citizenId,
      action: before.goal_own_words ? 'update' : 'create',
      before: before.goal_own_words ? { ownWords: before.goal_own_words } : null,
      after: { ownWords: input.ownWords },
    },
  ];
}

export async function addOwnStep(scope: OwnPartScope, input: OwnStepCreate): Promise<PlanChange[]> {
  const id = newId();
  await scope.trx
    .insertInto('own_step')
    .values({
      municipality_id: scope.municipalityId,
      id,
      citizen_id: scope.citizenId,
      title: input.title,
      doer: input.doer,
    })
    .execute();
  return [{ entity: 'own_step', entityId: id, action: 'create', before: null, after: { ...input } }];
}

/** Marks one of her steps done (or not done after all). */
export async function markOwnStep(
  scope: OwnPartScope,
  stepId: string,
  input: OwnStepUpdate,
): Promise<PlanChange[]> {
  const step = await scope.trx
    .selectFrom('own_step')
    .select(['title', 'done_at'])
    .where('municipality_id', '=', scope.municipalityId)
    .where('citizen_id', '=', scope.citizenId)
    .where('id', '=', stepId)
    .executeTakeFirst();
  if (!step) throw problems.notFound('The step');
  // Already so: nothing to record (the answer is the plan as it is).
  if ((step.done_at !== null) === input.done) return [];
  await scope.trx
    .updateTable('own_step')
    .set({ done_at: input.done ? new Date() : null })
    .where('municipality_id', '=', scope.municipalityId)
    .where('id', '=', stepId)
    .execute();
  return [
    {
      entity: 'own_step',
      entityId: stepId,
      action: 'update',
      before: { title: step.title, done: !input.done },
      after: { title: step.title, done: input.done },
    },
  ];
}

/**
 * A comment on the plan; with `approve`, her approval of the plan as it is once this is saved
 * (the version the change makes), so a later change by anyone shows the approval as older.
 */
export async function commentOnPlan(scope: OwnPartScope, input: PlanCommentInput): Promise<PlanChange[]> {
  const id = newId();
  const text = input.text?.trim() ? input.text : null;
  await scope.trx
    .insertInto('plan_comment')
    .values({
      municipality_id: scope.municipalityId,
      id,
      citizen_id: scope.citizenId,
      plan_version: scope.version + 1,
      text,
      approves: input.approve,
    })
    .execute();
  // Her coordinator hears of it in the inbox; the team sees it on the plan and in the history.
  await insertNotifications(
    scope.trx,
    { municipalityId: scope.municipalityId, id: null },
    await coordinatorOf(scope.trx, scope.municipalityId, scope.citizenId),
    {
      citizenId: scope.citizenId,
      kind: input.approve ? 'plan-approved' : 'plan-commented',
      subjectId: id,
      // The kind says it all; the web says it in the reader's language.
      payload: JSON.stringify({}),
    },
  );
  return [
    {
      entity: 'plan_comment',
      entityId: id,
      action: 'create',
      before: null,
      after: { text, approves: input.approve },
    },
  ];
}
