import type { Day } from '../calendar.js';
import type { InterventionView, PlanOverview, SubGoalView } from './plan.types.js';

/**
 * THE definition of overdue, used by My day, the plan's cards, its header and "Næste skridt":
 * a follow-up or a sub-goal is overdue when its date is before today (the Danish calendar day,
 * calendar.ts `danishToday`) and it is not done — the intervention has not ended, the sub-goal is
 * still active. A date the viewer may not see (another unit's hidden intervention) is no date.
 *
 * The coordination rule "follow-up overdue" (gaps.rule.ts) flags a follow-up only after a grace
 * period: that flag is an escalation of an overdue item, not a second meaning of the word.
 */
export function isOverdue(due: Day | null | undefined, today: Day): due is Day {
  return typeof due === 'string' && due < today;
}

/** Interventions that are still going on (a follow-up of an ended one is moot). */
function current(plan: PlanOverview): InterventionView[] {
  return plan.sectors.flatMap((group) => group.interventions).filter((item) => item.status !== 'ended');
}

/** The interventions whose follow-up is overdue, the longest overdue first. */
export function overdueFollowUps(plan: PlanOverview, today: Day): InterventionView[] {
  return current(plan)
    .filter((item) => isOverdue(item.followUpDate, today))
    .sort((a, b) => (a.followUpDate ?? '').localeCompare(b.followUpDate ?? ''));
}

/** Whether this intervention's follow-up is overdue (for its card). */
export function isFollowUpOverdue(
  // A restricted intervention (another unit's, hidden) carries no follow-up date at all.
  item: { status: InterventionView['status']; followUpDate?: Day | null },
  today: Day,
): boolean {
  return item.status !== 'ended' && isOverdue(item.followUpDate, today);
}

/** The active sub-goals whose follow-up (migration 035) is overdue, the longest overdue first. */
export function overdueSubGoalFollowUps(plan: PlanOverview, today: Day): SubGoalView[] {
  return plan.subGoals
    .filter((goal) => goal.status === 'active' && isOverdue(goal.followUpDate, today))
    .sort((a, b) => (a.followUpDate ?? '').localeCompare(b.followUpDate ?? ''));
}

/** Whether this sub-goal is past its date and still active (for its card). */
export function isSubGoalOverdue(goal: Pick<SubGoalView, 'status' | 'targetDate'>, today: Day): boolean {
  return goal.status === 'active' && isOverdue(goal.targetDate, today);
}

/** The active sub-goals past their target date, the longest overdue first. */
export function overdueSubGoals(plan: PlanOverview, today: Day): SubGoalView[] {
  return plan.subGoals
    .filter((goal) => isSubGoalOverdue(goal, today))
    .sort((a, b) => (a.targetDate ?? '').localeCompare(b.targetDate ?? ''));
}

/** Only what the follow-up dates need: the web's plan, with restricted interventions, fits it too. */
export interface DatedPlan {
  sectors: readonly {
    interventions: readonly { status: InterventionView['status']; followUpDate?: Day | null }[];
  }[];
  subGoals?: readonly { status: SubGoalView['status']; followUpDate?: Day | null }[];
}

/** The follow-up dates of current interventions the viewer can see, and of active sub-goals. */
export function followUpDates(plan: DatedPlan): Day[] {
  return [
    ...plan.sectors.flatMap((group) => group.interventions).filter((item) => item.status !== 'ended'),
    ...(plan.subGoals ?? []).filter((goal) => goal.status === 'active'),
  ]
    .map((item) => item.followUpDate)
    .filter((date): date is Day => typeof date === 'string');
}

/**
 * The next follow-up as a person should read it: the longest overdue one while any is overdue,
 * else the nearest coming one — never a future date while an earlier one is still undone.
 */
export function nextFollowUp(plan: DatedPlan, today: Day): { date: Day; overdue: boolean } | null {
  const date = followUpDates(plan).sort()[0];
  return date === undefined ? null : { date, overdue: date < today };
}
