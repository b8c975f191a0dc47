import { z } from 'zod';
import {
  BREAK_GLASS_OUTCOMES,
  BREAK_GLASS_REASONS,
  explanationProblem,
} from '../../domain/access/break-glass.js';
import { freeText } from '../../domain/common/text.schemas.js';
import { idParam } from '../route-params.js';

/** The HTTP shapes of break the glass; what it answers is in src/domain/access/access.responses.ts. */

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

export const breakGlassListQuery = z.strictObject({
  status: z.enum(['unreviewed', 'all']).default('unreviewed'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const reviewBody = z.strictObject({
  outcome: z.enum(BREAK_GLASS_OUTCOMES, { error: 'must be justified or not-justified' }),
  comment: z
    .string()
    .trim()
    .min(5, { error: 'must say what the review found, in at least 5 characters' })
    .max(2000),
});
export type ReviewBody = z.infer<typeof reviewBody>;

export const reviewedSchema = z.null();
