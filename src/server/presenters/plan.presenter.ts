import { z } from 'zod';
import {
  type AccessBasis,
  type AccessGrants,
  type Actor,
  canSeeInterventionDetails,
} from '../../domain/access/policy.js';
import { SECTORS } from '../../domain/organisation/sectors.js';
import { INTERVENTION_STATUSES } from '../../domain/plan/plan.schemas.js';
import {
  contactViewSchema,
  interventionViewSchema,
  type PlanOverview,
  planOverviewSchema,
} from '../../domain/plan/plan.types.js';
import type { StoredPlan } from '../plan/plan-store.js';

/**
 * The ONE place where a plan is shaped for its viewer ("that, not what"). Every response
 * that carries a plan — the overview, every plan write, history — goes through here, so no
 * endpoint can send another unit's intervention details without consent or a legal basis.
 */

/** Another unit's intervention without consent: that it exists, not what it is. */
export const restrictedInterventionSchema = z
  .object({
    id: z.uuid(),
    detailsHidden: z.literal(true).describe('Details need the citizen’s consent or a recorded legal basis'),
    type: z.object({ category: z.string() }),
    sector: z.enum(SECTORS),
    unit: z.object({ id: z.uuid(), name: z.string() }),
    responsible: contactViewSchema.nullable(),
    startDate: z.string(),
    endDate: z.string().nullable(),
    status: z.enum(INTERVENTION_STATUSES),
    awaitingConfirmation: z.boolean().optional().describe('Not yet confirmed by the owning unit'),
  })
  .meta({ id: 'RestrictedIntervention' });

/** The plan as a viewer receives it: interventions in full or restricted. */
export const presentedPlanSchema = planOverviewSchema
  .extend({
    sectors: z.array(
      z.object({
        sector: z.enum(SECTORS),
        interventions: z.array(z.union([interventionViewSchema, restrictedInterventionSchema])),
      }),
    ),
  })
  .meta({ id: 'PresentedPlan' });

const VARIANT_LIMIT = 32;

/** The interventions of a plan whose details this viewer may not see. */
export function hiddenInterventions(
  plan: StoredPlan,
  actor: Actor,
  basis: AccessBasis,
  grants: AccessGrants,
  now: Date = new Date(),
): string[] {
  const hidden: string[] = [];
  for (const scope of plan.scopes) {
    if (!canSeeInterventionDetails(actor, basis, scope, grants.consents, now)) hidden.push(scope.id);
  }
  return hidden;
}

/** Removes what the viewer may not see from a plan document (a fresh copy). */
export function restrictPlan(document: PlanOverview, hidden: ReadonlySet<string>): unknown {
  if (hidden.size === 0) return document;
  return {
    ...document,
    subGoals: document.subGoals.map((goal) => ({
      ...goal,
      interventionIds: goal.interventionIds.filter((id) => !hidden.has(id)),
    })),
    sectors: document.sectors.map((group) => ({
      sector: group.sector,
      interventions: group.interventions.map((item) =>
        hidden.has(item.id)
          ? {
              id: item.id,
              detailsHidden: true,
              type: { category: item.type.category },
              sector: item.sector,
              unit: item.unit,
              responsible: item.responsible,
              startDate: item.startDate,
              endDate: item.endDate,
              status: item.status,
              awaitingConfirmation: item.awaitingConfirmation ?? false,
            }
          : item,
      ),
    })),
    gaps: {
      ...document.gaps,
      interventionsWithoutSubGoal: document.gaps.interventionsWithoutSubGoal.filter((id) => !hidden.has(id)),
    },
  };
}

/**
 * The plan's JSON for this viewer. When nothing is hidden it is the JSON serialised once per
 * version; otherwise a variant per set of hidden interventions, cached on the version, so a
 * busy plan is serialised once per kind of viewer, not once per request. Consent decisions
 * are never cached: the hidden set is computed for every request from the current grants.
 */
export function presentPlanJson(plan: StoredPlan, hidden: readonly string[]): string {
  if (hidden.length === 0) return plan.json;
  const key = hidden.join(',');
  const cached = plan.variants.get(key);
  if (cached) return cached;
  const document = plan.parsed?.deref() ?? (JSON.parse(plan.json) as PlanOverview);
  const json = JSON.stringify(restrictPlan(document, new Set(hidden)));
  if (plan.variants.size >= VARIANT_LIMIT) plan.variants.clear();
  plan.variants.set(key, json);
  return json;
}

/** A history entry of an intervention the viewer may not see in detail keeps only that it changed. */
export function presentHistoryEntry<
  T extends { entity: string; entityId: string; before: unknown; after: unknown },
>(entry: T, hidden: ReadonlySet<string>): T {
  if (entry.entity === 'proposal') {
    // A proposal about a hidden intervention keeps only that it was made and answered.
    const about = (entry.after ?? entry.before) as { interventionId?: unknown } | null;
    if (typeof about?.interventionId !== 'string' || !hidden.has(about.interventionId)) return entry;
    const status = (entry.after as { status?: unknown } | null)?.status;
    return { ...entry, before: null, after: { interventionId: about.interventionId, status } };
  }
  if (entry.entity !== 'intervention' || !hidden.has(entry.entityId)) return entry;
  return { ...entry, before: null, after: null };
}
