import { z } from 'zod';
import {
  CONSENT_PURPOSES,
  CONSENT_STATES,
  CONSENT_STATUSES,
  INFORMATION_CATEGORIES,
  LEGAL_PROVISION_CODES,
} from '../../domain/consent/consent.js';
import { isoDate, textLine, token } from '../../domain/common/text.schemas.js';
import { SECTORS } from '../../domain/organisation/sectors.js';
import { idParam } from '../route-params.js';

/** The HTTP shapes of consent and delegated access (fuldmagt). */

export const consentParams = z.strictObject({
  citizenId: idParam('citizen'),
  consentId: idParam('consent'),
});

export const delegationParams = z.strictObject({
  citizenId: idParam('citizen'),
  delegationId: idParam('delegation'),
});

export const consentViewSchema = z
  .object({
    id: z.uuid(),
    granteeUnit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    granteeSector: z.enum(SECTORS).nullable(),
    categories: z.array(z.enum(INFORMATION_CATEGORIES)),
    purpose: z.enum(CONSENT_PURPOSES),
    caseReference: z.string().nullable(),
    basis: z.enum(['consent', 'legal_provision']),
    legalProvision: z.enum(LEGAL_PROVISION_CODES).nullable(),
    validFrom: z.string(),
    validUntil: z.string().nullable(),
    status: z.enum(CONSENT_STATUSES),
    state: z
      .enum(CONSENT_STATES)
      .describe('pending: registered by a professional, waits for the citizen to confirm it (no access)'),
    declaration: z
      .object({ reference: z.string(), signedOn: z.string() })
      .nullable()
      .describe('The signed declaration a professional registered the consent from'),
    recordedBy: z.object({ kind: z.enum(['citizen', 'professional']), name: z.string().nullable() }),
    recordedAt: z.string(),
    withdrawnAt: z.string().nullable(),
  })
  .meta({ id: 'Consent' });
export type ConsentView = z.infer<typeof consentViewSchema>;

export const consentListSchema = z.object({ items: z.array(consentViewSchema) });

export const delegationViewSchema = z
  .object({
    id: z.uuid(),
    granteeName: z.string(),
    includesConsent: z.boolean().describe('Whether the relative may give and withdraw consent'),
    validFrom: z.string(),
    validUntil: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'Delegation' });
export type DelegationView = z.infer<typeof delegationViewSchema>;

export const delegationListSchema = z.object({ items: z.array(delegationViewSchema) });

export const delegationGrantBody = z.strictObject({
  granteeCpr: token(20).describe('The relative’s CPR number, DDMMYY-SSSS'),
  granteeName: textLine(200),
  validUntil: isoDate.optional(),
  includesConsent: z
    .boolean()
    .default(false)
    .describe('Whether the relative may also give and withdraw consent for the citizen'),
});
export type DelegationGrant = z.infer<typeof delegationGrantBody>;
