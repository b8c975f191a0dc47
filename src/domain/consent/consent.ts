import { z } from 'zod';
import { isoDate, textLine } from '../common/text.schemas.js';
import { SECTORS, type Sector } from '../organisation/sectors.js';
import { danishToday } from '../calendar.js';

/**
 * Consent as structured data: who (a unit, or every unit of a sector) may see which
 * categories of information about a citizen, for which purpose, on which basis, and when.
 * Pure rules: no I/O, the same in the server, the CLI and tests.
 */

/** Information categories a consent can cover. Plan responses enforce `intervention-details`. */
export const INFORMATION_CATEGORIES = [
  'intervention-details',
  'goals',
  'measures',
  'health',
  'documents',
] as const;
export type InformationCategory = (typeof INFORMATION_CATEGORIES)[number];

/** Why information is shared. Looking at the shared plan is for `coordination`. */
export const CONSENT_PURPOSES = [
  'coordination',
  'case-processing',
  'treatment',
  'rehabilitation-team',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** The purpose under which the shared plan is read. */
export const PLAN_PURPOSE: ConsentPurpose = 'coordination';

/** Named legal provisions that allow sharing without consent (forvaltningsloven § 28 and friends). */
export const LEGAL_PROVISIONS = {
  'FVL-28-2': 'Forvaltningsloven § 28, stk. 2 (oplysninger om rent private forhold, jf. stk. 2)',
  'FVL-28-3': 'Forvaltningsloven § 28, stk. 3 (videregivelse inden for samme myndighed)',
  'FVL-28-4': 'Forvaltningsloven § 28, stk. 4',
  VAERDISPRING: 'Værdispringsreglen (væsentlig hensyn til borgeren eller andre)',
  'SEL-49B': 'Serviceloven § 49 b (tværprofessionelt samarbejde)',
  'LAB-40-3': 'LAB § 40, stk. 3 (helhedsorienteret plan)',
} as const;
export type LegalProvision = keyof typeof LEGAL_PROVISIONS;
export const LEGAL_PROVISION_CODES = Object.keys(LEGAL_PROVISIONS) as [LegalProvision, ...LegalProvision[]];

export type ConsentBasis = 'consent' | 'legal_provision';

/**
 * Whether a consent is in force as the citizen's: `pending` when a professional recorded it
 * without a reference to the signed declaration (it gives no access until the citizen confirms
 * it), `rejected` when the citizen said it is not hers.
 */
export const CONSENT_STATES = ['pending', 'confirmed', 'rejected'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

/** One consent (or recorded legal basis), as the rules need it. */
export interface ConsentRecord {
  id: string;
  citizenId: string;
  grantee: { unitId: string } | { sector: Sector };
  categories: readonly InformationCategory[];
  purpose: ConsentPurpose;
  basis: ConsentBasis;
  legalProvision: LegalProvision | null;
  /**
   * A consent limited to one case (a unit's case or journal number): it covers only the
   * interventions recorded under that case. Null or absent: every case of the grantee's scope.
   */
  caseReference?: string | null;
  validFrom: string;
  validUntil: string | null;
  withdrawnAt: Date | null;
  /** Absent means confirmed (records from before migration 012, and the citizen's own). */
  state?: ConsentState;
}

/** What a citizen gives, or a professional records. Exactly one of unit or sector. */
export const consentInputSchema = z
  .strictObject({
    granteeUnitId: z.uuid({ error: 'must be a unit id (UUID)' }).optional(),
    granteeSector: z.enum(SECTORS).optional(),
    categories: z.array(z.enum(INFORMATION_CATEGORIES)).min(1).max(INFORMATION_CATEGORIES.length),
    purpose: z.enum(CONSENT_PURPOSES),
    caseReference: textLine(200).optional(),
    basis: z.enum(['consent', 'legal_provision']).default('consent'),
    legalProvision: z.enum(LEGAL_PROVISION_CODES).optional(),
    /** The signed declaration a professional registers a consent from (journal or document number). */
    declarationReference: textLine(200).min(3, { error: 'must be at least 3 characters' }).optional(),
    declarationSignedOn: isoDate.optional(),
    validFrom: isoDate.optional(),
    validUntil: isoDate.optional(),
  })
  .superRefine((value, context) => {
    if ((value.granteeUnitId === undefined) === (value.granteeSector === undefined)) {
      context.addIssue({
        code: 'custom',
        path: ['granteeUnitId'],
        message: 'give exactly one of granteeUnitId or granteeSector',
      });
    }
    if (value.basis === 'legal_provision' && !value.legalProvision) {
      context.addIssue({
        code: 'custom',
        path: ['legalProvision'],
        message: 'is required when basis is legal_provision',
      });
    }
    if (value.basis === 'consent' && value.legalProvision) {
      context.addIssue({
        code: 'custom',
        path: ['legalProvision'],
        message: 'only with basis legal_provision',
      });
    }
    if ((value.declarationReference === undefined) !== (value.declarationSignedOn === undefined)) {
      context.addIssue({
        code: 'custom',
        path: [value.declarationReference === undefined ? 'declarationReference' : 'declarationSignedOn'],
        message: 'give both the declaration reference and the date it was signed, or neither',
      });
    }
    if (value.basis === 'legal_provision' && value.declarationReference) {
      context.addIssue({
        code: 'custom',
        path: ['declarationReference'],
        message: 'only with basis consent',
      });
    }
    if (value.validFrom && value.validUntil && value.validUntil < value.validFrom) {
      context.addIssue({ code: 'custom', path: ['validUntil'], message: 'must not be before validFrom' });
    }
  });
export type ConsentInput = z.infer<typeof consentInputSchema>;

/**
 * Dates a consent may be recorded with: it starts today or later (no backdating: a consent
 * cannot open what was shared before it was given), and a declaration was signed by today.
 * Returns the field at fault, or null.
 */
export function consentDateProblem(
  input: { validFrom?: string; declarationSignedOn?: string },
  today: string,
): { field: 'validFrom' | 'declarationSignedOn'; message: string } | null {
  if (input.validFrom !== undefined && input.validFrom < today)
    return {
      field: 'validFrom',
      message: `must be today (${today}) or later; a consent cannot be backdated`,
    };
  if (input.declarationSignedOn !== undefined && input.declarationSignedOn > today)
    return { field: 'declarationSignedOn', message: 'must not be in the future' };
  return null;
}

/** Whether a consent is in force now: confirmed, not withdrawn, and today within its validity dates. */
export function isConsentActive(consent: ConsentRecord, now: Date): boolean {
  if (consent.state !== undefined && consent.state !== 'confirmed') return false;
  if (consent.withdrawnAt && consent.withdrawnAt.getTime() <= now.getTime()) return false;
  const today = danishToday(now); // validity dates are Danish days, not UTC ones
  if (consent.validFrom > today) return false;
  return consent.validUntil === null || consent.validUntil >= today;
}

/** Where a consent stands, as the citizen and professionals are shown it. */
export const CONSENT_STATUSES = [
  'active',
  'withdrawn',
  'expired',
  'not-yet-valid',
  'pending',
  'rejected',
] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

/**
 * Where a consent stands now: withdrawn; pending or rejected (a professional registered it and
 * the citizen has not confirmed it); or, confirmed, active within its dates, not yet valid
 * before them and expired after them (Danish days).
 */
export function consentStatus(consent: ConsentRecord, now: Date): ConsentStatus {
  if (consent.withdrawnAt) return 'withdrawn';
  const state = consent.state ?? 'confirmed';
  if (state !== 'confirmed') return state;
  if (isConsentActive(consent, now)) return 'active';
  return consent.validFrom > danishToday(now) ? 'not-yet-valid' : 'expired';
}

/** Case references compare without regard to case, surrounding or repeated spaces ("Sag 2026-17" = "sag  2026-17"). */
export function normaliseCaseReference(reference: string): string {
  return reference.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Whether a consent's case limit (if any) covers information of the given case. */
export function consentCoversCase(consent: ConsentRecord, caseReference: string | null | undefined): boolean {
  if (!consent.caseReference) return true;
  // Deny by default: information recorded under no case, or another, is not that case.
  if (!caseReference) return false;
  return normaliseCaseReference(consent.caseReference) === normaliseCaseReference(caseReference);
}

/**
 * Whether a consent lets a unit (of a sector) see a category of information for a purpose —
 * and, when the consent is limited to one case, whether the information belongs to that case
 * (`subject.caseReference`; information of no case is outside a case-limited consent).
 */
export function consentCovers(
  consent: ConsentRecord,
  viewer: { unitId: string; sector: Sector | null },
  category: InformationCategory,
  purpose: ConsentPurpose,
  now: Date,
  subject: { caseReference?: string | null } = {},
): boolean {
  if (!isConsentActive(consent, now)) return false;
  if (consent.purpose !== purpose || !consent.categories.includes(category)) return false;
  if (!consentCoversCase(consent, subject.caseReference)) return false;
  return 'unitId' in consent.grantee
    ? consent.grantee.unitId === viewer.unitId
    : viewer.sector !== null && consent.grantee.sector === viewer.sector;
}
