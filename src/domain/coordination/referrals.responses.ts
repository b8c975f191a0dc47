import { z } from 'zod';
import { namedRefSchema } from '../common/responses.js';

/** What referrals answer: a unit asks another unit (or a civil-society actor) to start an intervention. */

export const REFERRAL_STATUSES = [
  'requested',
  'accepted',
  'declined',
  'started',
  'completed',
  'withdrawn',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** What the receiver (or, for withdraw, the sender) does with a referral. */
export const REFERRAL_ACTIONS = ['accept', 'decline', 'start', 'complete', 'withdraw'] as const;
export type ReferralAction = (typeof REFERRAL_ACTIONS)[number];

export const referralSchema = z
  .object({
    id: z.uuid(),
    citizenId: z.uuid(),
    citizen: namedRefSchema
      .nullable()
      .describe(
        'The citizen by name, for those the access policy lets see them (the units involved, through the referral); else null',
      ),
    subGoal: z.object({ id: z.uuid(), title: z.string() }).nullable(),
    from: z.object({ unit: namedRefSchema, professional: namedRefSchema }),
    to: z.object({ unit: namedRefSchema.nullable(), civilSociety: z.string().nullable() }),
    type: namedRefSchema.nullable(),
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
          actor: namedRefSchema,
          comment: z.string().nullable(),
        }),
      )
      .optional(),
  })
  .meta({ id: 'Referral' });
export type Referral = z.infer<typeof referralSchema>;
export const referralListSchema = z.object({ items: z.array(referralSchema) }).meta({ id: 'ReferralList' });

/** GET /api/referrals/unanswered-count: the navigation's badge. */
export const unansweredReferralsSchema = z
  .object({ count: z.number().int() })
  .meta({ id: 'UnansweredReferrals' });
