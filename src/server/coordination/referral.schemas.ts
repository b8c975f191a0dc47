import { z } from 'zod';
import { freeText, isoDate, textLine } from '../../domain/common/text.schemas.js';

/**
 * The HTTP shapes of referrals: a unit asks another unit (or a civil-society actor) to start an
 * intervention. What they answer (and REFERRAL_STATUSES) is in src/domain/coordination/referrals.responses.ts.
 */
export const referralCreateSchema = z
  .strictObject({
    toUnitId: z.uuid({ error: 'must be the id of a unit' }).optional(),
    toCivilSociety: textLine(200)
      .optional()
      .describe('A volunteer organisation or person outside the municipality'),
    subGoalId: z.uuid({ error: 'must be the id of a sub-goal of this plan' }).optional(),
    typeId: z.uuid({ error: 'must be the id of an intervention type' }).optional(),
    reason: freeText(2000).describe('What the receiver is asked to do, and why'),
    answerDue: isoDate.optional().describe('When an answer is expected; default in 10 days'),
  })
  .refine((value) => (value.toUnitId === undefined) !== (value.toCivilSociety === undefined), {
    error: 'give exactly one of toUnitId and toCivilSociety',
    path: ['toUnitId'],
  });
export type ReferralCreate = z.infer<typeof referralCreateSchema>;

export const referralCommentSchema = z.strictObject({ comment: freeText(2000).optional() });
export const referralReasonSchema = z.strictObject({ reason: freeText(2000) });
export const referralStartSchema = z.strictObject({
  interventionId: z.uuid({ error: 'must be the id of an intervention in this plan' }).optional(),
  comment: freeText(2000).optional(),
});
