import type { WeeklySchedule } from './schedule.js';

/**
 * The compact facts about one citizen's plan the coordination rules look at. Loaded for one
 * citizen inside a plan write (from the freshly rebuilt plan document) and for a whole
 * municipality in bulk (from the tables), so both modes run the same rules on the same facts.
 */
export interface InterventionFact {
  id: string;
  typeId: string;
  typeName: string;
  category: string;
  sector: string;
  unitId: string;
  unitName: string;
  responsibleId: string | null;
  status: 'planned' | 'active' | 'paused';
  startDate: string;
  endDate: string | null;
  followUpDate: string | null;
  pyramidLevel: number;
  businessDirected: boolean;
  schedule: WeeklySchedule | null;
  subGoalIds: string[];
}

export interface SubGoalFact {
  id: string;
  title: string;
  /** The next follow-up (YYYY-MM-DD), if one is set. */
  followUpDate?: string | null;
  /** Recorded GAS levels, oldest first (follow-ups). */
  gasHistory: number[];
}

export interface PathwayFact {
  templateCode: string;
  startDate: string;
  /** The first day a non-coordination intervention (not merely planned) ran within the pathway. */
  firstStartedOn: string | null;
  /**
   * Its template version's "no intervention started" months (decision 0019); null when the
   * template has no such rule; absent when unknown (the municipality's setting holds).
   */
  monthsToFirstIntervention?: number | null;
}

/** A running pathway's stage with a deadline, whose template flags it when overdue (decision 0019). */
export interface PathwayStageFact {
  pathwayId: string;
  pathwayName: { da: string; en: string };
  stageCode: string;
  stageName: { da: string; en: string };
  since: string;
  dueDate: string;
}

export interface ReferralFact {
  id: string;
  fromUnitId: string;
  fromProfessionalId: string;
  toUnitId: string | null;
  toName: string;
  answerDue: string;
}

export interface CitizenFacts {
  citizenId: string;
  hasOwnGoal: boolean;
  coordinatorId: string | null;
  /** Relatives, network or civil society are on the team: lower pyramid levels are in play. */
  hasNetworkSupport: boolean;
  /** Interventions not ended, in a stable order (start date, then id). */
  interventions: InterventionFact[];
  /** Active sub-goals. */
  subGoals: SubGoalFact[];
  /** The open pathway that started first, if any. */
  pathway: PathwayFact | null;
  /** Referrals still waiting for an answer. */
  pendingReferrals: ReferralFact[];
  /** Running pathways' stages that have a deadline and are flagged when it passes. */
  dueStages?: PathwayStageFact[];
}

/** Sorts facts into their canonical order, so rules see the same input however it was loaded. */
export function normaliseFacts(facts: CitizenFacts): CitizenFacts {
  const byStartThenId = (a: InterventionFact, b: InterventionFact): number =>
    a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id);
  return {
    ...facts,
    interventions: facts.interventions
      .map((item) => ({ ...item, subGoalIds: [...item.subGoalIds].sort() }))
      .sort(byStartThenId),
    subGoals: [...facts.subGoals].sort((a, b) => a.id.localeCompare(b.id)),
    pendingReferrals: [...facts.pendingReferrals].sort((a, b) => a.id.localeCompare(b.id)),
    ...(facts.dueStages
      ? { dueStages: [...facts.dueStages].sort((a, b) => a.pathwayId.localeCompare(b.pathwayId)) }
      : {}),
  };
}
