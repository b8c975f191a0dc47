/** API shapes for coordination (issue 5): flags, the leaders' overview, the inbox and referrals. */

export interface Localised {
  da: string;
  en: string;
}

export interface NamedRef {
  id: string;
  name: string;
}

export type FlagRuleId =
  | 'duplicate'
  | 'collision'
  | 'contradiction'
  | 'gaps'
  | 'stalled'
  | 'pyramid'
  | 'referral-overdue';
export type FlagSeverity = 'low' | 'medium' | 'high';
export type FlagStatus = 'open' | 'acknowledged' | 'resolved' | 'dismissed';

export interface FlagHistoryEntry {
  at: string;
  action:
    | 'opened'
    | 'acknowledged'
    | 'resolved'
    | 'dismissed'
    | 'reopened'
    | 'auto_resolved'
    | 'owner_changed';
  actor: NamedRef | null;
  comment: string | null;
}

export interface Flag {
  id: string;
  citizenId: string;
  ruleId: FlagRuleId;
  rule: { title: Localised; description: Localised };
  severity: FlagSeverity;
  status: FlagStatus;
  /** The interventions and sub-goals the flag concerns. */
  subjectIds: string[];
  unitIds: string[];
  sectors: string[];
  explanation: Localised & { data: Record<string, unknown> };
  /** Another unit's details are hidden from this viewer ("that, not what"). */
  detailsHidden: boolean;
  owner: NamedRef | null;
  statusComment: string | null;
  /** Dismissed until this day: it opens again then if its cause remains (ADR 0014). */
  dismissedUntil?: string | null;
  statusAt: string;
  createdAt: string;
  history?: FlagHistoryEntry[];
}

export interface MyDayFlagCount {
  citizenId: string;
  open: number;
  high: number;
  ownedByMe: number;
}

export interface PairCount {
  a: NamedRef;
  b: NamedRef;
  open: number;
  byRule: Record<string, number>;
}

export interface CoordinationOverview {
  /** The latest batch scan; null when none has run. */
  lastScan: {
    day: string;
    trigger: 'nightly' | 'manual' | 'demo';
    finishedAt: string;
    created: number | null;
    resolved: number | null;
    failed: boolean;
  } | null;
  totals: {
    open: number;
    acknowledged: number;
    resolved: number;
    dismissed: number;
    citizensWithOpenFlags: number;
  };
  byRule: {
    ruleId: FlagRuleId;
    title: Localised;
    open: number;
    acknowledged: number;
    resolved: number;
    dismissed: number;
  }[];
  byUnitPair: PairCount[];
  /** Between two different sectors. */
  bySectorPair: PairCount[];
  /** Within one sector (its own units or interventions). */
  withinSector: { sector: NamedRef; open: number; byRule: Record<string, number> }[];
  mostCollidingUnitPairs: PairCount[];
}

/** The filter of the flag list behind a figure of the overview, as in its address. */
export interface LeaderFlagFilter {
  status: FlagStatus | 'active';
  ruleId?: FlagRuleId;
  unitA?: string;
  unitB?: string;
  sectorA?: string;
  sectorB?: string;
  sector?: string;
}

/** GET /api/coordination/flags. */
export interface LeaderFlagList {
  total: number;
  citizens: number;
  limit: number;
  offset: number;
  items: {
    id: string;
    ruleId: FlagRuleId;
    title: Localised;
    severity: FlagSeverity;
    status: FlagStatus;
    units: NamedRef[];
    sectors: string[];
    createdAt: string;
    statusAt: string;
    /** Only when the leader may see the citizen. */
    citizen: NamedRef | null;
  }[];
}

/** GET /api/coordination/trends. */
export interface CoordinationTrend {
  weeks: { start: string; year: number; week: number; open: number; raised: number }[];
}

export interface InboxItem {
  id: string;
  kind: string;
  citizenId: string | null;
  subjectId: string | null;
  payload: Record<string, unknown>;
  actor: NamedRef | null;
  createdAt: string;
  readAt: string | null;
}

export type ReferralStatus = 'requested' | 'accepted' | 'declined' | 'started' | 'completed' | 'withdrawn';

export interface Referral {
  id: string;
  citizenId: string;
  /** The citizen by name, when the viewer may see them (the receiving unit may, through the referral). */
  citizen: NamedRef | null;
  subGoal: { id: string; title: string } | null;
  from: { unit: NamedRef; professional: NamedRef };
  to: { unit: NamedRef | null; civilSociety: string | null };
  type: NamedRef | null;
  reason: string;
  status: ReferralStatus;
  answerDue: string;
  overdue: boolean;
  declineReason: string | null;
  interventionId: string | null;
  createdAt: string;
  updatedAt: string;
  history?: { at: string; status: string; actor: NamedRef; comment: string | null }[];
}

export type ReferralAction = 'accept' | 'decline' | 'start' | 'complete' | 'withdraw';

export interface ItemList<T> {
  items: T[];
}

export interface CoordinationRule {
  id: FlagRuleId;
  title: Localised;
  description: Localised;
  severity: FlagSeverity;
  enabled: boolean;
  settings: Record<string, unknown>;
  defaults: Record<string, unknown>;
}
