import type { PlanOverview } from './plan.types.js';
import { addDays, danishToday } from '../calendar.js';

/** How many days ahead a follow-up counts as due soon. */
export const FOLLOW_UP_SOON_DAYS = 14;

/** What in one citizen's plan needs the professional's attention today. */
export interface Attention {
  followUpsOverdue: number;
  followUpsDueSoon: number;
  nextFollowUp: string | null;
  /** Someone else changed the plan after the professional last looked at it. */
  changedSinceLastVisit: boolean;
  noActiveIntervention: boolean;
  subGoalsPastDate: number;
  gaps: number;
}

/**
 * Finds what needs attention in a plan: follow-ups overdue or due within FOLLOW_UP_SOON_DAYS,
 * changes by others since the last visit, no active intervention, sub-goals past their date,
 * and the plan's gaps. `today` is a YYYY-MM-DD date in Danish time.
 */
export function attentionFor(
  plan: PlanOverview,
  today: string,
  professionalId: string,
  lastVisitAt: string | null,
): Attention {
  const soon = addDays(today, FOLLOW_UP_SOON_DAYS);
  const current = plan.sectors
    .flatMap((group) => group.interventions)
    .filter((item) => item.status !== 'ended');
  const followUps = current.map((item) => item.followUpDate).filter((date): date is string => date !== null);
  const changedByOther = plan.updatedBy !== null && plan.updatedBy.id !== professionalId;
  return {
    followUpsOverdue: followUps.filter((date) => date < today).length,
    followUpsDueSoon: followUps.filter((date) => date >= today && date <= soon).length,
    nextFollowUp: followUps.filter((date) => date >= today).sort()[0] ?? null,
    changedSinceLastVisit: changedByOther && (lastVisitAt === null || plan.updatedAt > lastVisitAt),
    noActiveIntervention: !current.some((item) => item.status === 'active'),
    subGoalsPastDate: plan.subGoals.filter(
      (goal) => goal.status === 'active' && goal.targetDate !== null && goal.targetDate < today,
    ).length,
    gaps:
      Number(plan.gaps.missingGoal) +
      Number(plan.gaps.missingCoordinator) +
      plan.gaps.interventionsWithoutSubGoal.length +
      plan.gaps.subGoalsWithoutIntervention.length,
  };
}

/** The number of things that need attention, for sorting and for leaders' overviews. */
export function attentionScore(attention: Attention): number {
  return (
    attention.followUpsOverdue * 3 +
    attention.subGoalsPastDate * 2 +
    Number(attention.noActiveIntervention) * 2 +
    attention.gaps +
    attention.followUpsDueSoon +
    Number(attention.changedSinceLastVisit)
  );
}

// Day arithmetic lives in the calendar; re-exported while callers move to it.
export { addDays, danishToday };
