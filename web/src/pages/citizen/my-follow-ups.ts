import type { FollowUpView } from '../../api/follow-ups.js';
import type { PresentedPlan } from '../../api/plan.js';
import { isRestricted } from '../plan/intervention-view.js';

/** One follow-up as Mit forløb tells it: what was decided about which part of her plan. */
export interface MyFollowUp {
  id: string;
  code: FollowUpView['code'];
  name: string;
  heldOn: string;
  nextDate: string | null;
  reasons: string | null;
}

/**
 * The latest follow-up of each part of her plan, newest first, at most `limit`: the plan names
 * the part (a part she cannot see named is left out).
 */
export function myFollowUps(
  followUps: readonly FollowUpView[],
  plan: PresentedPlan,
  limit = 3,
): MyFollowUp[] {
  const names = new Map<string, string>();
  for (const item of plan.sectors.flatMap((group) => group.interventions)) {
    if (!isRestricted(item)) names.set(item.id, item.type.name);
  }
  for (const goal of plan.subGoals) names.set(goal.id, goal.title);
  const seen = new Set<string>();
  const lines: MyFollowUp[] = [];
  for (const followUp of followUps) {
    const name = names.get(followUp.item.id);
    if (!name || seen.has(followUp.item.id)) continue;
    seen.add(followUp.item.id);
    lines.push({
      id: followUp.id,
      code: followUp.code,
      name,
      heldOn: followUp.heldOn,
      nextDate: followUp.nextDate,
      reasons: followUp.reasons,
    });
  }
  return lines.slice(0, limit);
}
