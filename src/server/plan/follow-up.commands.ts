import type { Day } from '../../domain/calendar.js';
import type { FollowUpItem } from '../../domain/plan/follow-up.js';
import type { PlanChange } from '../../domain/plan/plan-change.js';
import type { ChangeScope } from './plan-change.js';
import { updateIntervention, updateSubGoal } from './plan.commands.js';

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
