import type { ProfessionalActor } from '../../domain/access/policy.js';
import type { PlanOverview } from '../../domain/plan/plan.types.js';
import { lastVisibleChanges } from '../../db/queries/plan-history.queries.js';
import type { AppContext } from '../context.js';
import { hasHiddenCurrent, hiddenInDocument, viewerPlan } from './hidden-details.js';

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
  return (await plansWithHiddenAsSeenBy(context, actor, plans)).map((entry) => entry.plan);
}

/** A plan as the viewer sees it, with the interventions hidden from them (for flags, next steps). */
export interface ViewerPlanEntry {
  plan: PlanOverview;
  hidden: ReadonlySet<string>;
  /** The viewer has a current intervention here they may not see into (hidden-details.ts). */
  hiddenCurrent: boolean;
}

/** The same, keeping each plan's hidden set, so flags can be shown by the same rule as the plan. */
export async function plansWithHiddenAsSeenBy(
  context: AppContext,
  actor: ProfessionalActor,
  plans: PlanOverview[],
): Promise<ViewerPlanEntry[]> {
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
    const hidden = hiddenSets[index] ?? new Set<string>();
    if (hidden.size === 0) return { plan, hidden, hiddenCurrent: false };
    return {
      plan: viewerPlan(plan, hidden, changes.get(plan.citizen.id) ?? null),
      hidden,
      hiddenCurrent: hasHiddenCurrent(plan, hidden),
    };
  });
}
