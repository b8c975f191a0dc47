import { SECTORS, type Sector } from '../organisation/sectors.js';
import type { OwnStepView, PlanCommentView } from './own-part.schemas.js';
import type {
  InterventionView,
  PathwayView,
  PlanGaps,
  PlanOverview,
  SubGoalView,
  TeamMemberView,
} from './plan.types.js';

export interface PlanParts {
  citizen: PlanOverview['citizen'];
  version: number;
  updatedAt: string;
  updatedBy: PlanOverview['updatedBy'];
  goal: PlanOverview['goal'];
  subGoals: Omit<SubGoalView, 'interventionIds'>[];
  interventions: Omit<InterventionView, 'subGoalIds'>[];
  links: { interventionId: string; subGoalId: string }[];
  team: TeamMemberView[];
  pathways: PathwayView[];
  ownSteps: OwnStepView[];
  comments: PlanCommentView[];
}

const SECTOR_ORDER = new Map<Sector, number>(SECTORS.map((sector, index) => [sector, index]));

/** Puts the parts of a plan together: links both ways, interventions grouped by sector, gaps found. */
export function composePlan(parts: PlanParts): PlanOverview {
  const goalsOf = new Map<string, string[]>();
  const interventionsOf = new Map<string, string[]>();
  for (const { interventionId, subGoalId } of parts.links) {
    push(goalsOf, interventionId, subGoalId);
    push(interventionsOf, subGoalId, interventionId);
  }
  const subGoals = parts.subGoals.map((goal) => ({
    ...goal,
    interventionIds: interventionsOf.get(goal.id) ?? [],
  }));
  const interventions = parts.interventions.map((item) => ({
    ...item,
    subGoalIds: goalsOf.get(item.id) ?? [],
  }));

  const bySector = new Map<Sector, InterventionView[]>();
  for (const item of interventions) {
    const list = bySector.get(item.sector) ?? [];
    list.push(item);
    bySector.set(item.sector, list);
  }
  const sectors = [...bySector.entries()]
    .sort(([a], [b]) => (SECTOR_ORDER.get(a) ?? 99) - (SECTOR_ORDER.get(b) ?? 99))
    .map(([sector, list]) => ({ sector, interventions: list.sort(byStatusThenStart) }));

  return {
    citizen: parts.citizen,
    version: parts.version,
    updatedAt: parts.updatedAt,
    updatedBy: parts.updatedBy,
    goal: parts.goal,
    subGoals,
    sectors,
    team: parts.team,
    pathways: parts.pathways,
    ownSteps: parts.ownSteps,
    comments: parts.comments,
    gaps: findGaps(parts.goal, subGoals, interventions, parts.team),
  };
}

/**
 * An intervention that serves no sub-goal, or a sub-goal that nothing works toward, is a gap
 * in the one plan. Only current items count: an ended intervention no longer has to serve.
 */
export function findGaps(
  goal: PlanOverview['goal'],
  subGoals: SubGoalView[],
  interventions: InterventionView[],
  team: TeamMemberView[],
): PlanGaps {
  const current = interventions.filter((item) => item.status !== 'ended');
  const served = new Set(current.flatMap((item) => item.subGoalIds));
  return {
    missingGoal: goal === null || goal.ownWords.trim() === '',
    missingCoordinator: !team.some((member) => member.isCoordinator),
    interventionsWithoutSubGoal: current
      .filter((item) => item.subGoalIds.length === 0)
      .map((item) => item.id),
    subGoalsWithoutIntervention: subGoals
      .filter((goalItem) => goalItem.status === 'active' && !served.has(goalItem.id))
      .map((goalItem) => goalItem.id),
  };
}

const STATUS_ORDER = { active: 0, paused: 1, planned: 2, ended: 3 } as const;

function byStatusThenStart(a: InterventionView, b: InterventionView): number {
  return STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.startDate.localeCompare(b.startDate);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
