import type { PlanOverview } from './plan.types.js';
import { addDays } from '../calendar.js';
import {
  followUpDates,
  nextFollowUp,
  overdueFollowUps,
  overdueSubGoalFollowUps,
  overdueSubGoals,
} from './overdue.js';

/** How many days ahead a follow-up counts as due soon. */
export const FOLLOW_UP_SOON_DAYS = 14;

/** What in one citizen's plan needs the professional's attention today. */
export interface Attention {
  /** Interventions' and sub-goals' follow-ups past their date. */
  followUpsOverdue: number;
  followUpsDueSoon: number;
  /** The longest overdue follow-up while one is overdue, else the nearest coming one (overdue.ts). */
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
  const followUps = followUpDates(plan);
  const changedByOther = plan.updatedBy !== null && plan.updatedBy.id !== professionalId;
  // Overdue is defined once (overdue.ts), so My day, the plan and "Næste skridt" agree.
  return {
    followUpsOverdue: overdueFollowUps(plan, today).length + overdueSubGoalFollowUps(plan, today).length,
    followUpsDueSoon: followUps.filter((date) => date >= today && date <= soon).length,
    nextFollowUp: nextFollowUp(plan, today)?.date ?? null,
    changedSinceLastVisit: changedByOther && (lastVisitAt === null || plan.updatedAt > lastVisitAt),
    noActiveIntervention: !current.some((item) => item.status === 'active'),
    subGoalsPastDate: overdueSubGoals(plan, today).length,
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
