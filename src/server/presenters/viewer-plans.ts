import type { ProfessionalActor } from '../../domain/access/policy.js';
import type { PlanOverview } from '../../domain/plan/plan.types.js';
import { lastVisibleChanges } from '../../db/queries/plan-history.queries.js';
import type { AppContext } from '../context.js';
import { hiddenInDocument, viewerPlan } from './hidden-details.js';

/**
 * Many plans as this professional sees them (the hidden-details rule), for lists: follow-up
 * dates, gaps, "last changed" and "changed since" come only from what they may see, so nothing
 * is counted from a hidden intervention. Grants are batched; one history read for all plans
 * with hidden interventions.
 */
export async function plansAsSeenBy(
  context: AppContext,
  actor: ProfessionalActor,
  plans: PlanOverview[],
): Promise<PlanOverview[]> {
  const hiddenSets = await Promise.all(
    plans.map(async (plan) =>
      hiddenInDocument(
        plan,
        actor,
        'relationship',
        await context.plans.grants.get(actor.municipalityId, plan.citizen.id),
      ),
    ),
  );
  const withHidden = new Map<string, string[]>();
  plans.forEach((plan, index) => {
    const hidden = hiddenSets[index];
    if (hidden && hidden.size > 0) withHidden.set(plan.citizen.id, [...hidden]);
  });
  const changes = await lastVisibleChanges(context.database.db, actor.municipalityId, withHidden);
  return plans.map((plan, index) => {
    const hidden = hiddenSets[index];
    if (!hidden || hidden.size === 0) return plan;
    return viewerPlan(plan, hidden, changes.get(plan.citizen.id) ?? null);
  });
}
