import type { Kysely } from 'kysely';
import type { AccessBasis, AccessGrants, Actor } from '../../domain/access/policy.js';
import { lastVisibleChange, type PlanHistoryRow } from '../../db/queries/plan-history.queries.js';
import type { PlanChange, PlanChangeOrigin } from '../../domain/plan/plan-change.js';
import type { DB } from '../../db/schema.js';
import { planDocument, type StoredPlan } from './plan-store.js';
import { hiddenInterventionIds, viewerPlan, visibleHistory } from './hidden-details.js';

/**
 * The ONE place where a plan is shaped for its viewer ("that, not what"). Every response
 * that carries a plan — the overview, every plan write, history — goes through here, so no
 * endpoint can send another unit's intervention details without consent or a legal basis.
 * What "restricted" means is the one hidden-details rule in hidden-details.ts.
 */

export { presentedPlanSchema, restrictedInterventionSchema } from '../../domain/plan/plan.responses.js';

const VARIANT_LIMIT = 32;

/** The interventions of a plan whose details this viewer may not see (the hidden-details rule). */
export function hiddenInterventions(
  plan: StoredPlan,
  actor: Actor,
  basis: AccessBasis,
  grants: AccessGrants,
  now: Date = new Date(),
): string[] {
  return hiddenInterventionIds(plan.scopes, actor, basis, grants, now);
}

/**
 * The plan's JSON (UTF-8 bytes) for this viewer. When nothing is hidden it is the JSON serialised once per
 * version; otherwise a variant per set of hidden interventions, cached on the version, so a
 * busy plan is serialised once per kind of viewer, not once per request. Consent decisions
 * are never cached: the hidden set is computed for every request from the current grants.
 * A restricted variant needs the newest change the viewer may see (one indexed history read,
 * made only when the variant is not cached yet).
 */
export async function presentPlanJson(
  db: Kysely<DB>,
  municipalityId: string,
  plan: StoredPlan,
  hidden: readonly string[],
): Promise<Buffer> {
  if (hidden.length === 0) return plan.body;
  const key = hidden.join(',');
  const cached = plan.variants.get(key);
  if (cached) return cached;
  const lastVisible = await lastVisibleChange(db, municipalityId, plan.relations.citizenId, hidden);
  const json = Buffer.from(
    JSON.stringify(viewerPlan(planDocument(plan), new Set(hidden), lastVisible)),
    'utf8',
  );
  if (plan.variants.size >= VARIANT_LIMIT) plan.variants.clear();
  plan.variants.set(key, json);
  return json;
}

/** The plan's history as this viewer may see it (the hidden-details rule). */
export function presentHistory(rows: readonly PlanHistoryRow[], hidden: ReadonlySet<string>) {
  return visibleHistory(
    rows.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      planVersion: row.plan_version,
      actor: { id: row.actor_id, name: row.name, role: row.actor_role },
      entity: row.entity as PlanChange['entity'],
      entityId: row.entity_id,
      action: row.action as PlanChange['action'],
      before: (row.before ?? null) as Record<string, unknown> | null,
      after: (row.after ?? null) as Record<string, unknown> | null,
      origin:
        row.origin_kind !== null && row.origin_id !== null
          ? { kind: row.origin_kind as PlanChangeOrigin['kind'], id: row.origin_id }
          : null,
    })),
    hidden,
  );
}
