import type { FastifyRequest } from 'fastify';
import {
  type Actor,
  decideMeasureRecord,
  type FollowUpTarget,
  followUpPlanAct,
} from '../../domain/access/policy.js';
import { type Day, danishToday } from '../../domain/calendar.js';
import {
  type FollowUpCode,
  type FollowUpItem,
  type FollowUpMeasure,
  followUpIssues,
  type InterventionFollowUpInput,
  type SubGoalFollowUpInput,
} from '../../domain/plan/follow-up.js';
import type { FollowUpView } from '../../domain/plan/follow-up.responses.js';
import type { PlanChange } from '../../domain/plan/plan-change.js';
import { newId } from '../../db/ids.js';
import {
  citizenFollowUps,
  followUpMeasures,
  insertFollowUp,
  setFollowUpGas,
} from '../../db/queries/follow-up.queries.js';
import { interventionOf, subGoalOf } from '../../db/queries/plan-items.queries.js';
import { auditInTransaction } from '../audit/audit-writer.js';
import { auditOrigin } from '../audit/visit.js';
import { authorizeCitizen } from '../auth/citizen-access.js';
import type { AppContext } from '../context.js';
import { gasFollowUpChange } from '../coordination/coordination.commands.js';
import { scoredMeasure, storeMeasure } from '../measures/measures.commands.js';
import { problems, refusedProblem } from '../problem.js';
import { type ChangeScope, changePlan } from './plan-change.js';
import { hiddenInterventions } from './plan.presenter.js';
import { endIntervention, endSubGoal, updateIntervention, updateSubGoal } from './plan.commands.js';

/**
 * Sets (or clears, with null) the next follow-up of an intervention or a sub-goal, as a plan
 * change inside the caller's changePlan transaction. The one way a next follow-up date is set:
 * a follow-up, a network meeting's agreement or the plan form all come here, so the owner rule
 * (only an intervention's own unit changes it) and the history are the plan commands' own.
 */
export async function setNextFollowUp(
  scope: ChangeScope,
  item: FollowUpItem,
  date: Day | null,
): Promise<PlanChange[]> {
  return item.kind === 'intervention'
    ? updateIntervention(scope, item.id, { followUpDate: date })
    : updateSubGoal(scope, item.id, { followUpDate: date });
}

type FollowUpBody<K extends FollowUpItem['kind']> = K extends 'intervention'
  ? InterventionFollowUpInput
  : SubGoalFollowUpInput;

/**
 * Records a held follow-up of an intervention or a sub-goal, in one plan change whose history
 * names it (origin follow_up): the follow-up record, the measures taken at it (through the
 * measures code, with the follow-up as their context; a sub-goal's GAS level in its GAS
 * history), and what its code decides — "change" changes the item within the frame, "end" ends
 * it, "continue" and "change" set the next date — all through the plan's own commands. Any
 * refusal or broken rule rolls all of it back, the follow-up record included.
 */
export async function recordFollowUp<K extends FollowUpItem['kind']>(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  citizenId: string,
  item: { kind: K; id: string },
  input: FollowUpBody<K>,
  now: Date = context.clock(),
): Promise<{ followUp: FollowUpView; planVersion: number }> {
  const today = danishToday(now);
  const heldOn = input.heldOn ?? today;
  if (heldOn > today) throw problems.field('heldOn', 'must not be after today');
  const [issue] = followUpIssues({ ...input, heldOn });
  if (issue) throw problems.field(issue.field, issue.message);
  const id = newId();
  const reasons = input.reasons?.trim() || null;
  const nextDate = input.code === 'end' ? null : (input.nextDate ?? null);
  let gasHistoryId: string | null = null;
  const measureIds: { id: string; instrument: string; score: number | null; band: string | null }[] = [];
  const { plan } = await changePlan(
    context,
    {
      actor,
      citizenId,
      ifMatch: request.headers['if-match'],
      ...auditOrigin(request),
      acceptLanguage: request.headers['accept-language'],
      now,
      origin: { kind: 'follow_up', id },
    },
    async (scope) => {
      const { act, target } = followUpPlanAct(await targetOf(scope, item));
      scope.authorize(act, target);
      await insertFollowUp(scope.trx, {
        municipalityId: scope.municipalityId,
        id,
        citizenId,
        itemKind: item.kind,
        itemId: item.id,
        heldOn,
        heldBy: scope.actor.id,
        code: input.code,
        reasons,
        nextDate,
        gasHistoryId: null,
      });
      const changes: PlanChange[] = [];
      if (item.kind === 'sub_goal' && 'gasLevel' in input && input.gasLevel !== undefined) {
        gasHistoryId = newId();
        const gas = { gasLevel: input.gasLevel, scorer: 'professional' as const, note: reasons };
        changes.push(...(await gasFollowUpChange(scope, item.id, gas, gasHistoryId)));
        await setFollowUpGas(scope.trx, scope.municipalityId, id, gasHistoryId);
      }
      for (const [index, measure] of (input.measures ?? []).entries()) {
        measureIds.push(await recordMeasureAt(scope, request, id, measure, index, now));
      }
      changes.push(...(await decided(scope, item, input.code, input.change, reasons)));
      if (nextDate !== null) changes.push(...(await setNextFollowUp(scope, item, nextDate)));
      await auditInTransaction(scope.trx, {
        actor: scope.actor,
        citizenId,
        action: 'create',
        resource: 'follow-up',
        outcome: 'allowed',
        ...auditOrigin(request),
        details: { followUpId: id, item: `${item.kind}:${item.id}`, code: input.code },
      });
      return changes;
    },
  );
  return {
    followUp: {
      id,
      item,
      heldOn,
      heldBy: { id: actor.id, name: actor.kind === 'professional' ? actor.name : '' },
      code: input.code,
      reasons,
      nextDate,
      gasLevel: item.kind === 'sub_goal' && 'gasLevel' in input ? (input.gasLevel ?? null) : null,
      measures: measureIds,
    },
    planVersion: plan.version,
  };
}

/** What the code decides for the item, through the plan's own commands. */
async function decided(
  scope: ChangeScope,
  item: FollowUpItem,
  code: FollowUpCode,
  change: Record<string, unknown> | undefined,
  reasons: string | null,
): Promise<PlanChange[]> {
  const reason = reasons ?? '';
  if (code === 'change' && change) {
    return item.kind === 'intervention'
      ? updateIntervention(scope, item.id, change)
      : updateSubGoal(scope, item.id, change);
  }
  if (code === 'end') {
    return item.kind === 'intervention'
      ? endIntervention(scope, item.id, { reason, endDate: danishToday(scope.now) })
      : endSubGoal(scope, item.id, { reason });
  }
  return [];
}

/** The item as the policy needs it; a missing item is 404, an ended one is not followed up. */
async function targetOf(scope: ChangeScope, item: FollowUpItem): Promise<FollowUpTarget> {
  if (item.kind === 'intervention') {
    const row = await interventionOf(scope, item.id);
    if (!row) throw problems.notFound('The intervention');
    if (row.status === 'ended')
      throw problems.conflict('This intervention has ended; it is not followed up.');
    return { kind: 'intervention', unitId: row.unit_id };
  }
  const row = await subGoalOf(scope, item.id);
  if (!row) throw problems.notFound('The sub-goal');
  if (row.status !== 'active') throw problems.conflict('Only an active sub-goal is followed up.');
  return { kind: 'sub_goal' };
}

/** One measure taken at the follow-up, recorded through the measures code with it as context. */
async function recordMeasureAt(
  scope: ChangeScope,
  request: FastifyRequest,
  followUpId: string,
  measure: FollowUpMeasure,
  index: number,
  now: Date,
): Promise<{ id: string; instrument: string; score: number | null; band: string | null }> {
  const decision = decideMeasureRecord(scope.actor, scope.access, measure.respondent);
  if (!decision.allowed) throw refusedProblem(decision, request.headers['accept-language']);
  const row = await scoredMeasure(
    scope.trx,
    scope.actor,
    scope.citizenId,
    { ...measure, context: { kind: 'follow-up', id: followUpId } },
    now,
    `measures.${index}.`,
  );
  const id = await storeMeasure(scope.trx, request, scope.actor, row);
  return { id, instrument: row.instrumentCode, score: row.score, band: row.band };
}

/** The citizen's follow-ups the actor may see (never those of an intervention hidden from them); audited. */
export async function readFollowUps(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  citizenId: string,
): Promise<{ items: FollowUpView[] }> {
  const { plan, grants, granted } = await authorizeCitizen(context, request, actor, citizenId, {
    action: 'read',
    resource: 'follow-ups',
  });
  const hidden = new Set(hiddenInterventions(plan, actor, granted.basis, grants));
  const db = context.database.db;
  const rows = (await citizenFollowUps(db, actor.municipalityId, citizenId)).filter(
    (row) => !(row.itemKind === 'intervention' && hidden.has(row.itemId)),
  );
  const measures = await followUpMeasures(
    db,
    actor.municipalityId,
    citizenId,
    rows.map((row) => row.id),
  );
  await context.audit.record({
    actor,
    citizenId,
    action: 'read',
    resource: 'follow-ups',
    outcome: 'allowed',
    ...auditOrigin(request),
    details: { basis: granted.basis, followUps: rows.length },
  });
  return {
    items: rows.map((row) => ({
      id: row.id,
      item: { kind: row.itemKind as FollowUpItem['kind'], id: row.itemId },
      heldOn: row.heldOn,
      heldBy: row.heldBy,
      code: row.code as FollowUpCode,
      reasons: row.reasons,
      nextDate: row.nextDate,
      gasLevel: row.gasLevel,
      measures: measures
        .filter((measure) => measure.followUpId === row.id)
        .map((measure) => ({
          id: measure.id,
          instrument: measure.instrumentCode,
          score: measure.score,
          band: measure.band,
        })),
    })),
  };
}
