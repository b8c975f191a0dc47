import type { PathwayView, PlanOverview } from '../plan/plan.types.js';
import {
  type CitizenFacts,
  normaliseFacts,
  type PathwayFact,
  type PathwayStageFact,
  type ReferralFact,
} from './facts.js';

/** What the plan document does not hold but the rules need. */
export interface FactExtras {
  pathway: { templateCode: string; startDate: string } | null;
  /** GAS levels per sub-goal, oldest first. */
  gasHistory: ReadonlyMap<string, number[]>;
  pendingReferrals: ReferralFact[];
}

/**
 * The facts of one citizen from their freshly rebuilt plan document: what the incremental
 * check uses inside a plan write, with no second read of the plan's tables.
 */
export function factsFromPlan(plan: PlanOverview, extras: FactExtras, today: string): CitizenFacts {
  const all = plan.sectors.flatMap((group) => group.interventions);
  const pathway = extras.pathway;
  const firstStartedOn = pathway
    ? (all
        .filter(
          (item) =>
            item.type.category !== 'coordination' &&
            item.status !== 'planned' &&
            item.startDate <= today &&
            (item.endDate === null || item.endDate >= pathway.startDate),
        )
        .map((item) => laterDay(item.startDate, pathway.startDate))
        .sort()[0] ?? null)
    : null;
  return normaliseFacts({
    citizenId: plan.citizen.id,
    hasOwnGoal: plan.goal !== null && plan.goal.ownWords.trim() !== '',
    coordinatorId: plan.team.find((member) => member.isCoordinator)?.professionalId ?? null,
    hasNetworkSupport: plan.team.some((member) => member.kind !== 'professional'),
    interventions: all
      .filter((item) => item.status !== 'ended')
      .map((item) => ({
        id: item.id,
        typeId: item.type.id,
        typeName: item.type.name,
        category: item.type.category,
        sector: item.sector,
        unitId: item.unit.id,
        unitName: item.unit.name,
        responsibleId: item.responsible?.id ?? null,
        status: item.status as 'planned' | 'active' | 'paused',
        startDate: item.startDate,
        endDate: item.endDate,
        followUpDate: item.followUpDate,
        pyramidLevel: item.pyramidLevel,
        businessDirected: item.businessDirected,
        schedule: item.schedule && item.schedule.length > 0 ? item.schedule : null,
        subGoalIds: item.subGoalIds,
      })),
    subGoals: plan.subGoals
      .filter((goal) => goal.status === 'active')
      .map((goal) => ({
        id: goal.id,
        title: goal.title,
        followUpDate: goal.followUpDate ?? null,
        gasHistory: extras.gasHistory.get(goal.id) ?? [],
      })),
    pathway: pathway ? { ...pathway, firstStartedOn, ...templateMonths(plan, pathway) } : null,
    pendingReferrals: extras.pendingReferrals,
    dueStages: dueStagesOf(plan.pathways),
  });
}

/** The template's months to a first intervention, as the plan shows that pathway (decision 0019). */
function templateMonths(
  plan: PlanOverview,
  pathway: { templateCode: string; startDate: string },
): Pick<PathwayFact, 'monthsToFirstIntervention'> {
  const shown = plan.pathways.find(
    (item) => item.templateCode === pathway.templateCode && item.startDate === pathway.startDate,
  );
  return shown?.firstInterventionWithinMonths === undefined
    ? {}
    : { monthsToFirstIntervention: shown.firstInterventionWithinMonths };
}

/** Running pathways' stages with a deadline their template flags (from the plan, or the tables). */
export function dueStagesOf(pathways: readonly PathwayView[]): PathwayStageFact[] {
  return pathways.flatMap((item) =>
    item.endDate === null && item.stage?.dueDate && item.stage.flagWhenOverdue
      ? [
          {
            pathwayId: item.id,
            pathwayName: item.name,
            stageCode: item.stage.code,
            stageName: item.stage.name,
            since: item.stage.since,
            dueDate: item.stage.dueDate,
          },
        ]
      : [],
  );
}

/** The later of two YYYY-MM-DD days. */
function laterDay(a: string, b: string): string {
  return a.localeCompare(b) >= 0 ? a : b;
}
