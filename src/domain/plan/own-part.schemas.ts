import { z } from 'zod';
import { ISSUE_MARKS } from '../common/input-marks.js';
import { freeText, optionalFreeText, textLine } from '../common/text.schemas.js';

/**
 * The citizen's own part of the plan (issue 11): her goal in her own words, her own steps, her
 * comments and her approval. The API validates with these and Mit forløb's forms use the same.
 */

export const ownGoalInputSchema = z.strictObject({
  ownWords: freeText(4000).describe('Your goal, in your own words (the professional wording stays apart)'),
});
export type OwnGoalInput = z.infer<typeof ownGoalInputSchema>;

/** Who does a step: the citizen herself (activity-pyramid level 1) or her network (level 2). */
export const OWN_STEP_DOERS = ['me', 'network'] as const;
export type OwnStepDoer = (typeof OWN_STEP_DOERS)[number];

export const ownStepCreateSchema = z.strictObject({
  title: textLine(300).describe('What you will do, or what your family, friends or network do'),
  doer: z.enum(OWN_STEP_DOERS, { error: 'must be "me" or "network"' }),
});
export type OwnStepCreate = z.infer<typeof ownStepCreateSchema>;

export const ownStepUpdateSchema = z.strictObject({
  done: z.boolean({ error: 'must be true or false' }).describe('Whether the step is done'),
});
export type OwnStepUpdate = z.infer<typeof ownStepUpdateSchema>;

/** A comment on the plan; `approve` makes it the citizen's approval of the plan as it is now. */
export const planCommentInputSchema = z
  .strictObject({
    text: optionalFreeText(2000).describe('Your comment (may be left out when you approve)'),
    approve: z.boolean({ error: 'must be true or false' }).default(false),
  })
  .superRefine((value, context) => {
    if (!value.approve && !value.text?.trim())
      context.addIssue({
        code: 'custom',
        path: ['text'],
        message: 'must not be empty unless you approve',
        params: { samspil: ISSUE_MARKS.requiredUnless },
      });
  });
export type PlanCommentInput = z.infer<typeof planCommentInputSchema>;

/** The citizen's own part as the plan shows it to everyone who may read the plan. */
export const ownStepViewSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  doer: z.enum(OWN_STEP_DOERS),
  /** Activity-pyramid level: 1 the citizen herself, 2 her network. */
  pyramidLevel: z.union([z.literal(1), z.literal(2)]),
  doneAt: z.string().nullable(),
  createdAt: z.string(),
});
export type OwnStepView = z.infer<typeof ownStepViewSchema>;

export const planCommentViewSchema = z.object({
  id: z.uuid(),
  text: z.string().nullable(),
  approves: z.boolean(),
  planVersion: z.number().int().describe('The plan version written on; an approval approves exactly it'),
  at: z.string(),
});
export type PlanCommentView = z.infer<typeof planCommentViewSchema>;
