import type { FastifyRequest } from 'fastify';
import { newId } from '../../db/ids.js';
import { loadRuleChoices, saveRuleChoice } from '../../db/queries/coordination-flags.queries.js';
import { recordGasLevel, subGoalGas } from '../../db/queries/plan-items.queries.js';
import type { Actor, ProfessionalActor } from '../../domain/access/policy.js';
import type { RuleDefinition } from '../../domain/coordination/rule.js';
import { auditInTransaction } from '../audit/audit-writer.js';
import type { AppContext } from '../context.js';
import type { PlanChange } from '../../domain/plan/plan-change.js';
import { type ChangeScope, changePlan } from '../plan/plan-change.js';
import { problems } from '../problem.js';
import type { GasFollowUp, RuleConfigUpdate } from './coordination.schemas.js';
import { forgetRules } from './rule-choices-cache.js';
import { auditOrigin } from '../audit/visit.js';

/**
 * Switches a rule on or off, or changes its thresholds, for the actor's municipality (already
 * authorised): the choice and its audit record in one transaction; the cached rules are
 * forgotten after it. Settings the rule does not accept are a 400 naming each field.
 */
export async function changeRule(
  context: AppContext,
  request: FastifyRequest,
  actor: ProfessionalActor,
  rule: RuleDefinition,
  input: RuleConfigUpdate,
): Promise<{ enabled: boolean; settings: Record<string, unknown> }> {
  const parsed = rule.settingsSchema.safeParse(input.settings ?? {});
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({
      field: ['settings', ...issue.path.map(String)].join('.'),
      message: issue.message,
    }));
    throw problems.badRequest(errors.map((error) => `${error.field}: ${error.message}`).join('; '), errors);
  }
  const choice = await context.database.db.transaction().execute(async (trx) => {
    const current = (await loadRuleChoices(trx, actor.municipalityId))[rule.id];
    const choice = {
      enabled: input.enabled ?? current?.enabled ?? true,
      settings: { ...(current?.settings ?? {}), ...parsed.data },
    };
    await saveRuleChoice(trx, actor.municipalityId, rule.id, choice, actor.id);
    await auditInTransaction(trx, {
      actor,
      citizenId: null,
      action: 'update',
      resource: `coordination-rule:${rule.id}`,
      outcome: 'allowed',
      ...auditOrigin(request),
      details: { enabled: choice.enabled, settings: choice.settings },
    });
    return choice;
  });
  forgetRules(actor.municipalityId);
  return choice;
}

/**
 * Records a follow-up of a sub-goal's GAS level (also when it has not moved), as a change of
 * the plan: the level, its GAS history entry, the plan's history and audit in one transaction.
 */
export async function recordGasFollowUp(
  context: AppContext,
  request: FastifyRequest,
  actor: Actor,
  citizenId: string,
  subGoalId: string,
  input: GasFollowUp,
): Promise<{ id: string; gasLevel: number; scorer: GasFollowUp['scorer']; planVersion: number }> {
  const { gasLevel, scorer } = input;
  const historyId = newId();
  const { plan } = await changePlan(
    context,
    {
      actor,
      citizenId,
      ifMatch: request.headers['if-match'],
      ...auditOrigin(request),
      acceptLanguage: request.headers['accept-language'],
    },
    async (scope) => {
      scope.authorize('change-sub-goal');
      return gasFollowUpChange(scope, subGoalId, input, historyId);
    },
  );
  return { id: historyId, gasLevel, scorer, planVersion: plan.version };
}

/**
 * Scores a sub-goal's GAS level at a follow-up inside the caller's plan change (the caller has
 * asked the policy): the level, its GAS history entry `historyId`, and the change for the plan's
 * history. Only an active sub-goal is followed up.
 */
export async function gasFollowUpChange(
  scope: ChangeScope,
  subGoalId: string,
  input: GasFollowUp,
  historyId: string,
): Promise<PlanChange[]> {
  const { gasLevel, note, scorer } = input;
  const goal = await subGoalGas(scope.trx, scope.municipalityId, scope.citizenId, subGoalId);
  if (!goal) throw problems.notFound('The sub-goal');
  if (goal.status !== 'active') throw problems.conflict('Only an active sub-goal is followed up.');
  await recordGasLevel(scope.trx, {
    municipalityId: scope.municipalityId,
    id: historyId,
    subGoalId,
    citizenId: scope.citizenId,
    gasLevel,
    gasWeight: goal.gas_weight,
    scorer,
    recordedBy: scope.actor.id,
    note: note ?? null,
  });
  return [
    {
      entity: 'sub_goal',
      entityId: subGoalId,
      action: 'update',
      before: { gasLevel: goal.gas_level },
      // gasFollowUp: already recorded here, so the coordination check does not record it again.
      after: { gasLevel, gasFollowUp: true, note: note ?? null, scorer },
    },
  ];
}
