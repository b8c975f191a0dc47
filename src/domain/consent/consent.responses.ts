import { z } from 'zod';
import { namedRefSchema } from '../common/responses.js';
import { SECTORS } from '../organisation/sectors.js';
import {
  CONSENT_PURPOSES,
  CONSENT_STATES,
  CONSENT_STATUSES,
  type consentInputSchema,
  INFORMATION_CATEGORIES,
  LEGAL_PROVISION_CODES,
} from './consent.js';

/** What consent answers: the citizen's consents and the delegations (fuldmagter) she has given. */

export const consentSchema = z
  .object({
    id: z.uuid(),
    granteeUnit: namedRefSchema.nullable(),
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
export type Consent = z.infer<typeof consentSchema>;
export const consentListSchema = z.object({ items: z.array(consentSchema) });

/** A consent as the form sends it (the request schema's input: basis may be left out). */
export type NewConsent = z.input<typeof consentInputSchema>;

export const delegationSchema = z
  .object({
    id: z.uuid(),
    granteeName: z.string(),
    includesConsent: z.boolean().describe('Whether the relative may give and withdraw consent'),
    validFrom: z.string(),
    validUntil: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'Delegation' });
export type Delegation = z.infer<typeof delegationSchema>;
export const delegationListSchema = z.object({ items: z.array(delegationSchema) });
