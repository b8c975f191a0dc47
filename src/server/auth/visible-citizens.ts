import { type Actor, decideCitizenAccess } from '../../domain/access/policy.js';
import type { AppContext } from '../context.js';

/**
 * The citizens among `citizenIds` the actor may see, as the access policy decides now (a
 * relationship, a pending referral of their unit, a unit's leader, break-the-glass...). A list
 * names only these; the others stay "a citizen".
 */
export async function visibleCitizens(
  context: AppContext,
  actor: Actor,
  citizenIds: Iterable<string>,
): Promise<Set<string>> {
  const visible = new Set<string>();
  await Promise.all(
    [...new Set(citizenIds)].map(async (citizenId) => {
      const [plan, grants] = await Promise.all([
        context.plans.get(actor.municipalityId, citizenId),
        context.plans.grants.get(actor.municipalityId, citizenId),
      ]);
      if (plan && decideCitizenAccess(actor, plan.relations, grants).allowed) visible.add(citizenId);
    }),
  );
  return visible;
}
