import type { PlanEntity } from '../../../src/domain/plan/plan-change.js';
import type { ContactView, InterventionStatus, InterventionView, PlanOverview, Sector } from '../domain.js';

/** A unit (afdeling) as the API shows it next to a person. */
export interface UnitRef {
  id: string;
  name: string;
  sector: Sector;
}

/** The logged-in user, from GET /api/auth/me (and /api/auth/session). */
export interface Me {
  kind: 'professional' | 'citizen';
  id: string;
  name: string;
  role: string;
  unit: UnitRef | null;
  municipality: { code: string; name: string };
  citizenId: string | null;
  /** For a relative with delegated access (fuldmagt): whose plan they act for. */
  actingFor?: { citizenName: string; mayConsent?: boolean } | null;
  /** For a relative: whether they hold delegations from more than one citizen. */
  canSwitchDelegation?: boolean;
}

/** Someone one can log in as in demo mode. */
export interface DemoPersona {
  id: string;
  kind: 'professional' | 'citizen' | 'relative';
  name: string;
  /** Older servers sent one localised title; the app uses titleDa/titleEn. */
  title?: string;
  titleDa: string;
  titleEn: string;
  unit: UnitRef | null;
}

export type CaseloadRelation = 'coordinator' | 'team_member' | 'intervention_responsible' | 'unit';

/** One citizen on a professional's caseload. The CPR number is always masked. */
export interface CaseloadItem {
  id: string;
  givenName: string;
  familyName: string;
  cprMasked: string;
  relation: CaseloadRelation;
  activeInterventions: number;
  sectors: Sector[];
  /** The newest change this viewer may see; the epoch when they may see none (hidden-details.ts). */
  updatedAt: string;
}

/** The day of the newest change the viewer may see, or null when there is none to show. */
export function visibleChangeAt(updatedAt: string): Date | null {
  const at = new Date(updatedAt);
  return at.getTime() > 0 ? at : null;
}

/** A page of results, as every list endpoint returns it. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** RFC 9457 problem details, as every API error is returned. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { field: string; message: string }[];
  /** A policy refusal's stable name (the detail is already in the user's language). */
  code?: string;
}

/** What needs attention in one citizen's plan today (GET /api/my-day). */
export interface Attention {
  followUpsOverdue: number;
  followUpsDueSoon: number;
  nextFollowUp: string | null;
  changedSinceLastVisit: boolean;
  noActiveIntervention: boolean;
  subGoalsPastDate: number;
  gaps: number;
}

/** Attention totals across a caseload: counts of items, or of citizens for the yes/no signals. */
export interface AttentionTotals {
  followUpsOverdue: number;
  followUpsDueSoon: number;
  changedSinceLastVisit: number;
  noActiveIntervention: number;
  subGoalsPastDate: number;
  gaps: number;
}

/** A caseload item with what needs attention, as My day and the unit overview list it. */
export interface AttentionItem extends CaseloadItem {
  attention: Attention;
  score: number;
  lastVisitAt: string | null;
}

/** GET /api/my-day. Items arrive sorted most-attention first. */
export interface MyDay {
  today: string;
  items: AttentionItem[];
  totals: AttentionTotals;
}

/** One professional's workload in a team leader's unit overview. */
export interface UnitProfessional {
  id: string;
  name: string;
  profession: string;
  role: string;
  caseload: number;
  coordinatorFor: number;
  followUpsOverdue: number;
  openFlags: number;
}

export type UnitAttentionKind =
  | 'followUpsOverdue'
  | 'followUpsDueSoon'
  | 'noActiveIntervention'
  | 'subGoalsPastDate'
  | 'gaps';

/** GET /api/units/{unitId}/citizens: the citizens behind a figure of the unit overview. */
export interface UnitCitizens {
  today: string;
  total: number;
  professional: { id: string; name: string } | null;
  limit: number;
  offset: number;
  items: AttentionItem[];
}

/** GET /api/units/{unitId}/overview. */
export interface UnitOverview {
  today: string;
  unit: UnitRef;
  citizens: number;
  totals: AttentionTotals;
  /** How many citizens have each kind of attention: the figures, each with its list behind it. */
  citizensWith: Record<UnitAttentionKind, number>;
  professionals: UnitProfessional[];
  mostFlagged: AttentionItem[];
}

/** What a history entry is about: the domain's plan entities, one source. */
export type HistoryEntity = PlanEntity;

/** One change in a plan's history. */
export interface HistoryEntry {
  id: string;
  at: string;
  planVersion: number;
  actor: { id: string; name: string | null; role: string };
  entity: HistoryEntity;
  entityId: string;
  action: 'create' | 'update' | 'end';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** GET /api/citizens/{id}/plan/history. */
export interface PlanHistory {
  items: HistoryEntry[];
  /** When I looked at this plan before this visit; changes after it are new to me. */
  previousVisitAt: string | null;
}

/** An intervention type from the municipality's catalogue. */
export interface InterventionType {
  id: string;
  code: string;
  name: string;
  sector: Sector;
  category: string;
  legalBasis: string;
  pyramidLevel: number;
  businessDirected: boolean;
  unitCostOre: number;
  costUnit: 'hour' | 'week' | 'month' | 'once';
}

/** A unit of the municipality, as forms choose from. */
export interface Unit extends UnitRef {
  phone: string | null;
  email: string | null;
}

/** A professional, as forms choose from. */
export interface Professional {
  id: string;
  name: string;
  profession: string;
  role: string;
  unitId: string;
  phone: string | null;
  email: string | null;
}

/**
 * Another unit's intervention when the viewer has neither the citizen's consent nor a legal
 * basis to see what it is ("that, not what"): that it exists, where, who, when — not what.
 */
export interface RestrictedInterventionView {
  id: string;
  detailsHidden: true;
  type: { category: string };
  sector: Sector;
  unit: { id: string; name: string };
  responsible: ContactView | null;
  startDate: string;
  endDate: string | null;
  status: InterventionStatus;
  /** Recorded by someone outside the owning unit and not yet confirmed by it. */
  awaitingConfirmation?: boolean;
}

/** An intervention as the viewer receives it: in full, or restricted. */
export type PresentedIntervention = InterventionView | RestrictedInterventionView;

/** The plan as the viewer receives it (GET …/plan and every plan write). */
export interface PresentedPlan extends Omit<PlanOverview, 'sectors'> {
  sectors: { sector: Sector; interventions: PresentedIntervention[] }[];
}
