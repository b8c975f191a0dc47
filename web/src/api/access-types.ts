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
  status: 'active' | 'withdrawn' | 'expired' | 'not-yet-valid';
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
  validUntil?: string;
}

export interface Delegation {
  id: string;
  granteeName: string;
  validFrom: string;
  validUntil: string | null;
  revokedAt: string | null;
}

export interface BreakGlassAccess {
  id: string;
  citizen: NamedRef;
  professional: NamedRef;
  unit: NamedRef;
  reason: string;
  startedAt: string;
  expiresAt: string;
  reviewedAt: string | null;
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
