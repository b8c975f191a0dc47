import { z } from 'zod';
import { freeText, isoDate, textLine } from '../../domain/common/text.schemas.js';

/** The HTTP shapes of referrals: a unit asks another unit (or a civil-society actor) to start an intervention. */
export const REFERRAL_STATUSES = [
  'requested',
  'accepted',
  'declined',
  'started',
  'completed',
  'withdrawn',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

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

export const referralSchema = z
  .object({
    id: z.uuid(),
    citizenId: z.uuid(),
    citizen: z
      .object({ id: z.uuid(), name: z.string() })
      .nullable()
      .describe(
        'The citizen by name, for those the access policy lets see them (the units involved, through the referral); else null',
      ),
    subGoal: z.object({ id: z.uuid(), title: z.string() }).nullable(),
    from: z.object({
      unit: z.object({ id: z.uuid(), name: z.string() }),
      professional: z.object({ id: z.uuid(), name: z.string() }),
    }),
    to: z.object({
      unit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
      civilSociety: z.string().nullable(),
    }),
    type: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    reason: z.string(),
    status: z.enum(REFERRAL_STATUSES),
    answerDue: z.string(),
    overdue: z.boolean().describe('Still waiting for an answer after the answer date'),
    declineReason: z.string().nullable(),
    interventionId: z.uuid().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    history: z
      .array(
        z.object({
          at: z.string(),
          status: z.string(),
          actor: z.object({ id: z.uuid(), name: z.string() }),
          comment: z.string().nullable(),
        }),
      )
      .optional(),
  })
  .meta({ id: 'Referral' });
export type ReferralView = z.infer<typeof referralSchema>;
