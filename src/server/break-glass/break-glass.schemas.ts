import { z } from 'zod';
import {
  BREAK_GLASS_OUTCOMES,
  BREAK_GLASS_REASONS,
  explanationProblem,
} from '../../domain/access/break-glass.js';
import { freeText } from '../../domain/common/text.schemas.js';
import { idParam } from '../route-params.js';

export const glassParams = z.strictObject({
  breakGlassId: idParam('break-the-glass'),
});

export const reasonBody = z.strictObject({
  reason: freeText(1000).min(10, { error: 'must say why, in at least 10 characters' }),
});

export const breakGlassBody = z.strictObject({
  reasonCode: z
    .enum(BREAK_GLASS_REASONS, { error: `must be one of ${BREAK_GLASS_REASONS.join(', ')}` })
    .describe('The kind of emergency, from the list'),
  reason: freeText(1000)
    .superRefine((text, context) => {
      const problem = explanationProblem(text);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    })
    .describe('What the situation is, in at least 20 letters or digits'),
});
export type BreakGlassBody = z.infer<typeof breakGlassBody>;

export const brokenGlassSchema = z.object({ id: z.uuid(), expiresAt: z.string() });

export const activeGlassSchema = z.object({
  active: z.object({ id: z.uuid(), expiresAt: z.string() }).nullable(),
});

export const breakGlassViewSchema = z
  .object({
    id: z.uuid(),
    citizen: z.object({ id: z.uuid(), name: z.string() }),
    professional: z.object({ id: z.uuid(), name: z.string() }),
    unit: z.object({ id: z.uuid(), name: z.string() }),
    reasonCode: z.enum(BREAK_GLASS_REASONS),
    reason: z.string(),
    startedAt: z.string(),
    expiresAt: z.string(),
    reviewedAt: z.string().nullable(),
    review: z
      .object({
        outcome: z.enum(BREAK_GLASS_OUTCOMES),
        comment: z.string().nullable(),
        reviewer: z.object({ id: z.uuid(), name: z.string() }).nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'BreakGlass' });
export type BreakGlassView = z.infer<typeof breakGlassViewSchema>;

export const activitySchema = z.object({
  at: z.string(),
  action: z.string(),
  what: z.string().describe('The kind of resource (plan, plan_history, cpr, …), not its ids'),
  outcome: z.enum(['allowed', 'denied']),
});

export const breakGlassListQuery = z.strictObject({
  status: z.enum(['unreviewed', 'all']).default('unreviewed'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const breakGlassListSchema = z.object({ items: z.array(breakGlassViewSchema) });

export const breakGlassDetailSchema = breakGlassViewSchema.extend({ activity: z.array(activitySchema) });

export const reviewBody = z.strictObject({
  outcome: z.enum(BREAK_GLASS_OUTCOMES, { error: 'must be justified or not-justified' }),
  comment: z
    .string()
    .trim()
    .min(5, { error: 'must say what the review found, in at least 5 characters' })
    .max(2000),
});
export type ReviewBody = z.infer<typeof reviewBody>;

export const revealedCprSchema = z.object({ cpr: z.string().describe('DDMMYY-SSSS') });

export const reviewedSchema = z.null();
