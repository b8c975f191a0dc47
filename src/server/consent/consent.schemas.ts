import { z } from 'zod';
import { isoDate, textLine, token } from '../../domain/common/text.schemas.js';
import { idParam } from '../route-params.js';

/**
 * The HTTP shapes of consent and delegated access (fuldmagt); what they answer is in
 * src/domain/consent/consent.responses.ts.
 */

export const consentParams = z.strictObject({
  citizenId: idParam('citizen'),
  consentId: idParam('consent'),
});

export const delegationParams = z.strictObject({
  citizenId: idParam('citizen'),
  delegationId: idParam('delegation'),
});

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
