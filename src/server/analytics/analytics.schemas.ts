import { z } from 'zod';
import { AGE_GROUPS } from '../../domain/analytics/citizen-groups.js';
import { BUDGET_AREAS } from '../../domain/organisation/budget-areas.js';
import { SECTORS } from '../../domain/organisation/sectors.js';
import { PATHWAY_TEMPLATE_CODES } from '../../domain/plan/pathways.js';

/**
 * The query strings of the management figures (GET /api/analytics/…); what they answer is in
 * src/domain/analytics/analytics.responses.ts.
 */

/** The citizens a figure is narrowed to (src/domain/analytics/citizen-groups.ts): every figure takes them. */
const citizenGroupShape = {
  unit: z.uuid({ error: 'must be a unit id' }).optional().describe("The citizens' coordinating unit"),
  ageGroup: z
    .enum(AGE_GROUPS, { error: `must be one of ${AGE_GROUPS.join(', ')}` })
    .optional()
    .describe('The age the citizens reach in the year'),
};

export const costFilterQuerySchema = z.strictObject({
  year: z.coerce
    .number({ error: 'must be a year, e.g. 2026' })
    .int({ error: 'must be a year, e.g. 2026' })
    .min(2000, { error: 'must be 2000 or later' })
    .max(2100, { error: 'must be 2100 or earlier' }),
  sector: z.enum(SECTORS, { error: `must be one of ${SECTORS.join(', ')}` }).optional(),
  budgetArea: z.enum(BUDGET_AREAS, { error: `must be one of ${BUDGET_AREAS.join(', ')}` }).optional(),
  ...citizenGroupShape,
});
export type CostFilterQuery = z.infer<typeof costFilterQuerySchema>;

export const pathwayQuerySchema = z.strictObject({
  year: costFilterQuerySchema.shape.year,
  pathwayType: z
    .enum(PATHWAY_TEMPLATE_CODES, { error: `must be one of ${PATHWAY_TEMPLATE_CODES.join(', ')}` })
    .optional(),
  ...citizenGroupShape,
});
export type PathwayQuery = z.infer<typeof pathwayQuerySchema>;

export const gasDistributionQuerySchema = z.strictObject({
  year: costFilterQuerySchema.shape.year,
  ...citizenGroupShape,
});
export type GasDistributionQuery = z.infer<typeof gasDistributionQuerySchema>;

/** The collaboration and quality figures: every survey, or one unit's (the survey's unit). */
export const collaborationQuerySchema = z.strictObject({
  unit: z.uuid({ error: 'must be a unit id' }).optional().describe("The surveys' unit"),
});
export type CollaborationQuery = z.infer<typeof collaborationQuerySchema>;
