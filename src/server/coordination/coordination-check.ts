import { evaluateCitizen } from '../../domain/coordination/engine.js';
import { diffFlags, hasChanges } from '../../domain/coordination/flag-diff.js';
import { factsFromPlan } from '../../domain/coordination/plan-facts.js';
import { danishToday } from '../../domain/calendar.js';
import { newId } from '../../db/ids.js';
import { loadCitizenExtras } from '../../db/queries/coordination-facts.queries.js';
import { writeFlagChanges } from '../../db/queries/coordination-flags.queries.js';
import { insertGasHistory } from '../../db/queries/plan-items.queries.js';
import type { CoordinationCheckScope } from './coordination-check-scope.js';
import { notificationsFor } from './notifications.js';
import { rulesFor } from './rule-choices-cache.js';

/**
 * The incremental coordination check, inside the plan write's transaction: records GAS
 * follow-ups, re-runs every rule on the changed citizen's plan, opens and auto-resolves flags,
 * and tells the others who work with the citizen when an intervention was created or changed.
 * Costs one read, plus one or two writes only when something changed.
 */
export async function checkCoordinationInTransaction(scope: CoordinationCheckScope): Promise<void> {
  const { trx, municipalityId, citizenId } = scope;
  const today = danishToday(scope.now);
  await recordGasChanges(scope);
  const [rules, loaded] = await Promise.all([
    rulesFor(trx, municipalityId),
    loadCitizenExtras(trx, municipalityId, citizenId, today, notificationsFor(scope)),
  ]);
  const facts = factsFromPlan(scope.plan, loaded.extras, today);
  const findings = evaluateCitizen(facts, rules, today).map((finding) => ({ ...finding, citizenId }));
  const changes = diffFlags(findings, loaded.flags, today);
  if (hasChanges(changes)) await writeFlagChanges(trx, municipalityId, changes);
}

/** A sub-goal whose GAS level was set or changed through the ordinary plan edit is a follow-up. */
async function recordGasChanges(scope: CoordinationCheckScope): Promise<void> {
  const rows = scope.changes
    .filter((change) => change.entity === 'sub_goal' && change.after && change.action !== 'end')
    .filter((change) => !change.after?.gasFollowUp)
    .filter((change) => {
      const after = change.after?.gasLevel;
      return typeof after === 'number' && after !== change.before?.gasLevel;
    })
    .map((change) => ({
      municipality_id: scope.municipalityId,
      id: newId(),
      sub_goal_id: change.entityId,
      citizen_id: scope.citizenId,
      gas_level: change.after?.gasLevel as number,
      gas_weight: typeof change.after?.gasWeight === 'number' ? change.after.gasWeight : 1,
      // Set through the plan form by a professional, who gave the score.
      scorer_kind: 'professional',
      recorded_by: scope.actorId,
      note: null,
    }));
  await insertGasHistory(scope.trx, rows);
}
