/** API shapes for the citizen's access (issue 4): access log, consents, delegations, break the glass, audit. */
import type { NamedRef } from './coordination-types.js';

export interface AccessLogEntry {
  at: string;
  action: string;
  what: string;
  /** Everything one page visit looked at, once each. */
  parts: string[];
  /** The citizen appeared in a list of citizens the professional saw. */
  inList: boolean;
  description: { da: string; en: string };
  who: { role: string; unit: string | null; name: string | null };
  why: string | null;
  breakGlass: boolean;
  /** For a break-the-glass, once reviewed: the outcome and the reviewer's comment. */
  review?: { outcome: BreakGlassOutcome; comment: string | null; at: string } | null;
  outcome: 'allowed' | 'denied';
}

export interface AccessLog {
  items: AccessLogEntry[];
  /** Whether the municipality shows professionals' names to citizens. */
  showsNames: boolean;
}

export const CONSENT_CATEGORIES = [
  'intervention-details',
  'goals',
  'measures',
  'health',
  'documents',
] as const;
export type ConsentCategory = (typeof CONSENT_CATEGORIES)[number];
export const CONSENT_PURPOSES = [
  'coordination',
  'case-processing',
  'treatment',
  'rehabilitation-team',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export interface Consent {
  id: string;
  granteeUnit: NamedRef | null;
  granteeSector: string | null;
  categories: ConsentCategory[];
  purpose: ConsentPurpose;
  caseReference: string | null;
  basis: 'consent' | 'legal_provision';
  legalProvision: string | null;
  validFrom: string;
  validUntil: string | null;
  status: 'active' | 'withdrawn' | 'expired' | 'not-yet-valid' | 'pending' | 'rejected';
  /** pending: registered by a professional, waiting for the citizen to confirm it. */
  state: 'pending' | 'confirmed' | 'rejected';
  declaration: { reference: string; signedOn: string } | null;
  recordedBy: { kind: 'citizen' | 'professional'; name: string | null };
  recordedAt: string;
  withdrawnAt: string | null;
}

export interface NewConsent {
  granteeUnitId?: string;
  granteeSector?: string;
  categories: ConsentCategory[];
  purpose: ConsentPurpose;
  /** Only information of this case (the unit's case number). */
  caseReference?: string;
  validFrom?: string;
  validUntil?: string;
  basis?: 'consent' | 'legal_provision';
  legalProvision?: string;
  /** The signed declaration a professional registers the consent from. */
  declarationReference?: string;
  declarationSignedOn?: string;
}

/** Legal provisions a team leader may record instead of consent (the server's list). */
export const LEGAL_PROVISIONS = [
  'FVL-28-2',
  'FVL-28-3',
  'FVL-28-4',
  'VAERDISPRING',
  'SEL-49B',
  'LAB-40-3',
] as const;

export interface Delegation {
  id: string;
  granteeName: string;
  includesConsent: boolean;
  validFrom: string;
  validUntil: string | null;
  revokedAt: string | null;
}

export interface BreakGlassAccess {
  id: string;
  citizen: NamedRef;
  professional: NamedRef;
  unit: NamedRef;
  reasonCode: BreakGlassReason;
  reason: string;
  startedAt: string;
  expiresAt: string;
  reviewedAt: string | null;
  review: { outcome: BreakGlassOutcome; comment: string | null; reviewer: NamedRef | null } | null;
}

export const BREAK_GLASS_REASONS = ['life-or-health', 'harm-to-others', 'urgent-decision', 'other'] as const;
export type BreakGlassReason = (typeof BREAK_GLASS_REASONS)[number];
export const BREAK_GLASS_OUTCOMES = ['justified', 'not-justified'] as const;
export type BreakGlassOutcome = (typeof BREAK_GLASS_OUTCOMES)[number];

/** One break-the-glass access with what was read and done under it. */
export interface BreakGlassDetail extends BreakGlassAccess {
  activity: { at: string; action: string; what: string; outcome: 'allowed' | 'denied' }[];
}

export interface AuditEvent {
  id: string;
  seq: number | null;
  at: string;
  actor: { kind: string; id: string; role: string; name: string | null; unitId: string | null };
  onBehalfOf: string | null;
  citizenId: string | null;
  action: string;
  resource: string;
  outcome: string;
  purpose: string | null;
  clientIp: string | null;
  details: Record<string, unknown> | null;
}

export interface AuditFilter {
  citizenId?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** One page visit in the audit search (GET /api/audit/visits): its records together, in words. */
export interface AuditVisit {
  key: string;
  from: string;
  to: string;
  actor: {
    kind: string;
    id: string;
    role: string;
    name: string | null;
    unit: { id: string; name: string } | null;
  };
  /** The name only where the viewer may see it; never a CPR number. */
  citizen: { id: string; name: string | null } | null;
  inList: boolean;
  action: string;
  outcome: 'allowed' | 'denied';
  purpose: string | null;
  basis: string | null;
  description: { da: string; en: string };
  parts: { kind: string; text: { da: string; en: string } }[];
  entries: AuditEvent[];
}
