import { z } from 'zod';
import { OUTCOME_COLUMNS } from './pathway-outcomes.js';

/** What GET /api/analytics/pathway-outcomes answers (null: hidden for privacy). */
const hiddenSchema = z.enum(['small', 'complementary']).nullable();

export const pathwayOutcomesSchema = z
  .strictObject({
    year: z.number().int(),
    referenceDay: z.string().describe('The last day counted: 31 December, or today in the current year'),
    pathwayType: z.string().nullable(),
    definition: z.strictObject({ id: z.string(), version: z.number().int() }),
    columns: z
      .array(z.enum(OUTCOME_COLUMNS))
      .describe('The coded outcomes, an end without a code, and the pathways still running'),
    rows: z.array(
      z.strictObject({
        year: z.number().int().describe('The year of ending'),
        periodEnd: z.string().describe('The day "still in pathway" is counted on'),
        cells: z.array(
          z.strictObject({
            pathways: z.number().int().nullable(),
            share: z.number().nullable().describe("Of the row's pathways"),
            hidden: hiddenSchema,
          }),
        ),
        total: z.strictObject({
          pathways: z.number().int().nullable().describe('Pathways under way some day of the year'),
          hidden: hiddenSchema,
        }),
      }),
    ),
  })
  .meta({ id: 'PathwayOutcomes' });
export type PathwayOutcomes = z.infer<typeof pathwayOutcomesSchema>;
