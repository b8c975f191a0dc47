import { z } from 'zod';
import { RULE_IDS } from '../coordination/rule.js';
import { RC_DIMENSIONS } from '../measures/relational-coordination.js';
import { REFERRAL_ANSWERS, REFERRAL_STATES } from './coordination-figures.js';

/**
 * What GET /api/analytics/coordination and GET /api/analytics/collaboration answer: the route's
 * response schemas, the OpenAPI components and the web's types. Null wherever privacy hides a figure.
 */
const definitionSchema = z.strictObject({ id: z.string(), version: z.number().int() });
const hiddenSchema = z
  .enum(['small', 'dominance', 'complementary'])
  .nullable()
  .describe('Why the figure is hidden');

const countCellSchema = z.strictObject({
  count: z.number().int().nullable().describe('Flags (referrals) in the cell; null when hidden'),
  citizens: z.number().int().nullable().describe('Distinct citizens they concern; null when hidden'),
  hidden: hiddenSchema,
});

const kindTableSchema = z.strictObject({
  rows: z.array(
    z.strictObject({ kind: z.enum(RULE_IDS), cells: z.array(countCellSchema), total: countCellSchema }),
  ),
  totals: z.strictObject({ cells: z.array(countCellSchema), total: countCellSchema }),
});

export const coordinationFiguresSchema = z
  .strictObject({
    year: z.number().int(),
    referenceDay: z.string().describe('The last day counted: 31 December, or today in the current year'),
    pathwayType: z.string().nullable(),
    flags: z.strictObject({
      definition: definitionSchema,
      kinds: z.array(z.enum(RULE_IDS)),
      raised: kindTableSchema.describe('Flags opened per rule and month (columns: January … December)'),
      resolved: kindTableSchema.describe('Flags closed because their cause is gone, per rule and month'),
      openAtMonthEnd: z.array(
        z.strictObject({
          month: z.number().int(),
          day: z.string(),
          cells: z.array(countCellSchema).describe('One a rule, in the order of kinds'),
          total: countCellSchema,
        }),
      ),
      medianDaysToResolution: z.array(
        z.strictObject({ kind: z.enum([...RULE_IDS, 'all']), medianDays: z.number().nullable() }),
      ),
    }),
    multiSector: z.strictObject({
      definition: definitionSchema,
      citizens: z
        .number()
        .int()
        .nullable()
        .describe('Citizens with interventions of 2+ sectors on the reference day'),
      withOpenFlag: z.number().int().nullable(),
      share: z.number().nullable(),
    }),
    referrals: z.strictObject({
      definition: definitionSchema,
      openAfterDays: z.number().int(),
      states: z.array(z.enum(REFERRAL_STATES)),
      rows: z.array(
        z.strictObject({ month: z.number().int(), cells: z.array(countCellSchema), total: countCellSchema }),
      ),
      totals: z.strictObject({ cells: z.array(countCellSchema), total: countCellSchema }),
      answerStates: z.array(z.enum(REFERRAL_ANSWERS)),
      answered: z.array(countCellSchema).describe('One an answer state, of the referrals sent in the year'),
      medianDaysToAnswer: z.number().nullable(),
      medianDaysToClose: z.number().nullable(),
    }),
  })
  .meta({ id: 'CoordinationFigures' });

const tieSchema = z.strictObject({
  index: z.number().nullable().describe('Σ answers / (7 · answers), two decimals; null when hidden or empty'),
  respondents: z.number().int(),
  hidden: hiddenSchema,
});
const qualityCellSchema = z.strictObject({
  mean: z.number().nullable(),
  respondents: z.number().int(),
  hidden: hiddenSchema,
});
const surveyScopeShape = {
  id: z.uuid(),
  title: z.string(),
  unit: z.strictObject({ id: z.uuid(), name: z.string() }),
  project: z.string().nullable(),
};

export const collaborationFiguresSchema = z
  .strictObject({
    collaboration: z.strictObject({
      definition: definitionSchema,
      surveys: z.array(
        z.strictObject({
          ...surveyScopeShape,
          groups: z.array(z.string()),
          rounds: z.array(
            z.strictObject({
              round: z.string(),
              respondents: z.number().int(),
              rows: z.array(
                z.strictObject({
                  group: z.string().describe('The rating group'),
                  cells: z.array(tieSchema).describe('Its ties to each group, in the order of groups'),
                  total: tieSchema,
                }),
              ),
              totals: z.strictObject({ cells: z.array(tieSchema), total: tieSchema }),
              dimensions: z.array(
                z.strictObject({
                  dimension: z.enum(RC_DIMENSIONS.map((dimension) => dimension.key) as [string, ...string[]]),
                  mean: z.number().nullable(),
                }),
              ),
            }),
          ),
        }),
      ),
    }),
    quality: z.strictObject({
      definition: definitionSchema,
      surveys: z.array(
        z.strictObject({
          ...surveyScopeShape,
          items: z.array(
            z.strictObject({
              code: z.string(),
              text: z.string(),
              baseline: qualityCellSchema,
              end: qualityCellSchema,
              changePercent: z.number().nullable(),
            }),
          ),
          overall: z.strictObject({
            baseline: qualityCellSchema,
            end: qualityCellSchema,
            changePercent: z.number().nullable(),
          }),
        }),
      ),
    }),
  })
  .meta({ id: 'CollaborationFigures' });

export type CoordinationFigures = z.infer<typeof coordinationFiguresSchema>;
export type CollaborationFigures = z.infer<typeof collaborationFiguresSchema>;
export type CoordinationCountCell = z.infer<typeof countCellSchema>;
