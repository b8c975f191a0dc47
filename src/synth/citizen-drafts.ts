import type { InformationCategory } from '../domain/consent/consent.js';
import type { ScheduleSlot } from '../domain/coordination/schedule.js';
import type { Sector } from '../domain/organisation/sectors.js';
import type { InterventionStatus, SubGoalStatus, TeamMemberKind } from '../domain/plan/plan.schemas.js';
import type { PathwayOutcome } from '../domain/plan/pathway-outcome.js';
import type { BudgetArea, Category, Frequency, InterventionTypeDefinition } from './catalogue.js';
import type { StaffSource } from './contacts.js';
import type { Sex } from './names.js';
import type { PoolKey, SynthProfessional, UnitKey } from './organisation.js';

/** A consent (or recorded legal basis) as generated, before it is written. */
export interface ConsentDraft {
  id: string;
  granteeUnitId: string;
  categories: readonly InformationCategory[];
  basis: 'consent' | 'legal_provision';
  legalProvision: string | null;
  validFrom: number;
  validUntil: number | null;
  /** The day the citizen withdrew it, if they did. */
  withdrawnDay: number | null;
  recordedById: string;
}

/** What every citizen's generation needs to know about the run. */
export interface CitizenContext {
  seed: number;
  /** Mixed into id randomness so two municipalities from one seed never share ids. */
  idSalt: string;
  today: number;
  /** The millisecond of citizen 0's ids; citizen i uses the next i-th millisecond. */
  firstCitizenMillisecond: number;
  unitId(key: UnitKey): string;
  typeId(code: string): string;
  staff: StaffSource;
  isMultiSector(index: number): boolean;
}

/** One cost entry: an intervention's cost in one calendar year, or a benefit's. */
export interface CostDraft {
  id: string;
  interventionId: string | null;
  sector: Sector;
  budgetArea: BudgetArea;
  from: number;
  to: number;
  /** List-price amount in øre before calibration. */
  natural: number;
  /** Calibrated amount in whole øre. */
  amountOre: number;
}

/** An intervention as generated, before it is written. */
export interface InterventionDraft {
  id: string;
  type: InterventionTypeDefinition;
  typeId: string;
  unitKey: UnitKey;
  unitId: string;
  responsible: SynthProfessional;
  purpose: string;
  start: number;
  end: number | null;
  followUp: number | null;
  frequency: Frequency;
  status: InterventionStatus;
  endReason: string | null;
  costOre: number;
  costs: CostDraft[];
  /** Weekly schedule, for the interventions with a fixed weekly rhythm (see schedules.ts). */
  schedule: ScheduleSlot[] | null;
}

/** A framed course (ressourceforløb, jobafklaringsforløb) the stalled rule measures from. */
export interface PathwayDraft {
  id: string;
  templateCode: string;
  start: number;
  /** An earlier pathway that has ended (pathway-outcomes.ts): the day, its coded outcome, the caseworker's words. */
  end?: number;
  outcome?: PathwayOutcome;
  endReason?: string;
}

/** One recorded GAS follow-up of a sub-goal. */
export interface GasFollowUpDraft {
  id: string;
  subGoalId: string;
  level: number;
  day: number;
  /** Who gave the score; a professional when not told. */
  scorer?: 'citizen' | 'relative' | 'professional' | 'independent-assessor';
}

/** A sub-goal as generated, before it is written. */
export interface SubGoalDraft {
  id: string;
  category: Exclude<Category, 'coordination'>;
  title: string;
  measure: string;
  targetDate: number | null;
  gasLevel: number | null;
  /** The weight in the GAS T-score; 1 when not told. */
  gasWeight?: number;
  status: SubGoalStatus;
  endReason: string | null;
  createdDay: number;
  endedDay: number | null;
}

/** A team member as generated: a professional, a relative or a civil-society actor. */
export interface TeamMemberDraft {
  id: string;
  kind: TeamMemberKind;
  professional: SynthProfessional | null;
  name: string | null;
  relation: string | null;
  role: string | null;
  isCoordinator: boolean;
  phone: string | null;
  email: string | null;
  startDay: number;
}

/** A citizen and their whole plan, as generated, before it is written. */
export interface CitizenDraft {
  index: number;
  id: string;
  archetype: string;
  multiSector: boolean;
  sex: Sex;
  birthDay: number;
  givenName: string;
  familyName: string;
  pathwayStart: number;
  goalOwnWords: string | null;
  goalProfessional: string | null;
  planUpdatedDay: number;
  coordinator: SynthProfessional | null;
  subGoals: SubGoalDraft[];
  interventions: InterventionDraft[];
  links: { interventionId: string; subGoalId: string }[];
  team: TeamMemberDraft[];
  /** Every cost: those of interventions and the citizen's benefits (Forsørgelse). */
  costs: CostDraft[];
  pathways: PathwayDraft[];
  gasFollowUps: GasFollowUpDraft[];
  consents: ConsentDraft[];
  /** Pools the current plan draws on, for sizing the organisation. */
  currentPools: ReadonlySet<PoolKey>;
  /** Every pool the plan draws on, history included. */
  allPools: ReadonlySet<PoolKey>;
}

/** What to add: the type, status and dates; the rest is drawn when not given. */
export interface InterventionSpec {
  code: string;
  status: InterventionStatus;
  start: number;
  end?: number | null;
  followUp?: number | null;
  frequency?: Frequency;
  purpose?: string;
  endReason?: string | null;
  /** The unit holding the case in the sector; general case work is delivered from it. */
  home?: UnitKey;
  /** For paused interventions: the day the pause began. */
  pausedFrom?: number;
}
