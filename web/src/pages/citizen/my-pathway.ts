import { addDays, type Day, momentPlusDays } from '../../../../src/domain/calendar.js';
import type { Meeting } from '../../api/meetings.js';
import type { PresentedIntervention, PresentedPlan, RestrictedInterventionView } from '../../api/plan.js';
import type { SubGoalView, TeamMemberView } from '../../domain.js';

/** How far ahead "this week" looks for steps with a date: the coming fortnight, as agreed steps go. */
const SOON_DAYS = 14;
/** How long after a meeting she is asked how it was. */
const FEEDBACK_DAYS = 30;

/** Where a step is, in words the citizen uses ("det går som planlagt"), from its GAS level. */
export type ProgressWords = 'talkAboutIt' | 'slow' | 'asPlanned' | 'better' | 'muchBetter';

/** One piece of help the citizen gets, with the steps it serves (the why). */
export interface HelpItem {
  id: string;
  intervention: PresentedIntervention;
  restricted: boolean;
  /** The titles of the steps it helps with. */
  steps: string[];
}

/** The citizen's plan ordered as Mit forløb shows it: what matters to her first. */
export interface MyPathway {
  goal: PresentedPlan['goal'];
  coordinator: TeamMemberView | null;
  otherProfessionals: TeamMemberView[];
  network: TeamMemberView[];
  nextMeeting: Meeting | null;
  /** Her latest held meeting of the last FEEDBACK_DAYS: what was agreed, and how it was. */
  lastHeldMeeting: Meeting | null;
  /** Active steps with a date in the coming fortnight or already passed, soonest first. */
  stepsDueSoon: SubGoalView[];
  activeSteps: SubGoalView[];
  finishedSteps: SubGoalView[];
  /** Help going on now or planned; ended help is not listed. */
  help: HelpItem[];
  /** How many pieces of help are going on right now. */
  helpNow: number;
}

export function isRestricted(item: PresentedIntervention): item is RestrictedInterventionView {
  return 'detailsHidden' in item && item.detailsHidden === true;
}

export function progressWords(gasLevel: number): ProgressWords {
  if (gasLevel <= -2) return 'talkAboutIt';
  if (gasLevel === -1) return 'slow';
  if (gasLevel === 0) return 'asPlanned';
  if (gasLevel === 1) return 'better';
  return 'muchBetter';
}

/** Orders the plan for the citizen's own page; `today` is the Danish calendar day. */
export function myPathway(
  plan: PresentedPlan,
  meetings: readonly Meeting[],
  now: Date,
  today: Day,
): MyPathway {
  const soon = addDays(today, SOON_DAYS);
  const active = plan.subGoals.filter((goal) => goal.status === 'active');
  const stepTitle = new Map(plan.subGoals.map((goal) => [goal.id, goal.title]));
  const current = plan.sectors
    .flatMap((group) => group.interventions)
    .filter((item) => item.status !== 'ended')
    .sort((a, b) => a.startDate.localeCompare(b.startDate));
  const nextMeeting =
    meetings
      .filter((meeting) => meeting.status === 'planned' && new Date(meeting.startsAt) >= now)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0] ?? null;
  const feedbackFrom = momentPlusDays(now, -FEEDBACK_DAYS);
  const lastHeldMeeting =
    meetings
      .filter((meeting) => meeting.status === 'held' && new Date(meeting.startsAt) >= feedbackFrom)
      .sort((a, b) => b.startsAt.localeCompare(a.startsAt))[0] ?? null;
  return {
    goal: plan.goal,
    coordinator: plan.team.find((member) => member.isCoordinator) ?? null,
    otherProfessionals: plan.team.filter((member) => member.kind === 'professional' && !member.isCoordinator),
    network: plan.team.filter((member) => member.kind !== 'professional'),
    nextMeeting,
    lastHeldMeeting,
    stepsDueSoon: active
      .filter((goal): goal is SubGoalView & { targetDate: string } => goal.targetDate !== null)
      .filter((goal) => goal.targetDate <= soon)
      .sort((a, b) => a.targetDate.localeCompare(b.targetDate)),
    activeSteps: active,
    finishedSteps: plan.subGoals.filter((goal) => goal.status !== 'active'),
    help: current.map((item) => ({
      id: item.id,
      intervention: item,
      restricted: isRestricted(item),
      steps: isRestricted(item)
        ? []
        : item.subGoalIds.map((id) => stepTitle.get(id)).filter((title): title is string => Boolean(title)),
    })),
    helpNow: current.filter((item) => item.status === 'active' && item.startDate <= today).length,
  };
}
