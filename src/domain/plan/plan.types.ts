import type { LegalBasisCode } from '../organisation/legal-bases.js';
import type { PyramidLevel, Sector } from '../organisation/sectors.js';
import type { InterventionStatus, SubGoalStatus, TeamMemberKind } from './plan.schemas.js';

/** The whole plan of one citizen, as served by the plan overview and stored as its read model. */
export interface PlanOverview {
  citizen: { id: string; givenName: string; familyName: string; cprMasked: string };
  version: number;
  updatedAt: string;
  goal: { ownWords: string; professionalWording: string | null } | null;
  subGoals: SubGoalView[];
  sectors: { sector: Sector; interventions: InterventionView[] }[];
  team: TeamMemberView[];
  gaps: PlanGaps;
}

export interface SubGoalView {
  id: string;
  title: string;
  measure: string | null;
  targetDate: string | null;
  gasLevel: number | null;
  status: SubGoalStatus;
  endReason: string | null;
  interventionIds: string[];
}

export interface InterventionView {
  id: string;
  type: { id: string; code: string; name: string; category: string };
  sector: Sector;
  unit: { id: string; name: string };
  responsible: ContactView | null;
  legalBasis: LegalBasisCode;
  purpose: string | null;
  startDate: string;
  endDate: string | null;
  followUpDate: string | null;
  frequency: string | null;
  status: InterventionStatus;
  costOre: number;
  pyramidLevel: PyramidLevel;
  businessDirected: boolean;
  endReason: string | null;
  subGoalIds: string[];
}

export interface ContactView {
  id: string;
  name: string;
  profession: string;
  phone: string | null;
  email: string | null;
}

export interface TeamMemberView {
  id: string;
  kind: TeamMemberKind;
  professionalId: string | null;
  name: string;
  profession: string | null;
  unit: { id: string; name: string; sector: Sector } | null;
  relation: string | null;
  role: string | null;
  isCoordinator: boolean;
  phone: string | null;
  email: string | null;
  startDate: string;
}

/** What is missing in a plan: the places where "one plan" is not yet coherent. */
export interface PlanGaps {
  missingGoal: boolean;
  missingCoordinator: boolean;
  interventionsWithoutSubGoal: string[];
  subGoalsWithoutIntervention: string[];
}
