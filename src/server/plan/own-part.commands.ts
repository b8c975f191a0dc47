import type {
  OwnGoalInput,
  OwnStepCreate,
  OwnStepUpdate,
  PlanCommentInput,
} from '../../domain/plan/own-part.schemas.js';
import type { PlanChange } from '../../domain/plan/plan-change.js';
import { newId } from '../../db/ids.js';
import { coordinatorOf, insertNotifications } from '../../db/queries/notification.queries.js';
import {
  insertOwnStep,
  insertPlanComment,
  ownGoalOf,
  ownStepOf,
  setOwnGoalOf,
  setOwnStepDone,
} from '../../db/queries/own-part.queries.js';
import { problems } from '../problem.js';
import type { OwnPartScope } from './plan-change.js';

/** The citizen's goal in her own words; the professional's wording is left as it is. */
export async function setOwnGoal(scope: OwnPartScope, input: OwnGoalInput): Promise<PlanChange[]> {
  const { trx, municipalityId, citizenId } = scope;
  const ownWords = await ownGoalOf(trx, municipalityId, citizenId);
  await setOwnGoalOf(trx, municipalityId, citizenId, input.ownWords);
  return [
    {
      entity: 'goal',
      entityId: citizenId,
      action: ownWords ? 'update' : 'create',
      before: ownWords ? { ownWords } : null,
      after: { ownWords: input.ownWords },
    },
  ];
}

export async function addOwnStep(scope: OwnPartScope, input: OwnStepCreate): Promise<PlanChange[]> {
  const id = newId();
  await insertOwnStep(scope.trx, {
    municipality_id: scope.municipalityId,
    id,
    citizen_id: scope.citizenId,
    title: input.title,
    doer: input.doer,
  });
  return [{ entity: 'own_step', entityId: id, action: 'create', before: null, after: { ...input } }];
}

/** Marks one of her steps done (or not done after all). */
export async function markOwnStep(
  scope: OwnPartScope,
  stepId: string,
  input: OwnStepUpdate,
): Promise<PlanChange[]> {
  const step = await ownStepOf(scope.trx, scope.municipalityId, scope.citizenId, stepId);
  if (!step) throw problems.notFound('The step');
  // Already so: nothing to record (the answer is the plan as it is).
  if ((step.done_at !== null) === input.done) return [];
  await setOwnStepDone(scope.trx, scope.municipalityId, stepId, input.done ? new Date() : null);
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
  await insertPlanComment(scope.trx, {
    municipality_id: scope.municipalityId,
    id,
    citizen_id: scope.citizenId,
    plan_version: scope.version + 1,
    text,
    approves: input.approve,
  });
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
