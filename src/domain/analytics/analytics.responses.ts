import { z } from 'zod';
import { GAS_CHANGE_BANDS, GAS_SCORE_BANDS } from './gas-distribution.js';
import { WITHIN } from './pathway-kpis.js';

/**
 * What the management figures answer (GET /api/analytics/…): the route's response schemas, the
 * OpenAPI components and the web's types. Null wherever privacy hides a figure (see docs/security.md).
 */

const share = z.number().min(0).max(1).nullable();

/** The integration shape of issue 15; null where privacy hides a figure (see docs/security.md). */
export const costConcentrationSchema = z
  .strictObject({
    citizens: z.number().int().describe('Citizens with cost in the year (under the filter)'),
    total: z.number().int().nullable().describe('Attributable cost in øre'),
    shares: z.strictObject({ top1: share, top5: share, top10: share, top20: share }),
    gini: z.number().nullable(),
    lorenz: z
      .array(z.tuple([z.number(), z.number()]))
      .describe('[population share, cost share], cheapest first, in steps of at least five citizens'),
  })
  .meta({ id: 'CostConcentration' });

export const topGroupsSchema = z
  .strictObject({
    definition: z.strictObject({ id: z.string(), version: z.number().int() }),
    year: z.number().int(),
    referenceDay: z.string().describe('The day "interventions at once" are counted on'),
    citizens: z.number().int(),
    groups: z.array(
      z.strictObject({
        key: z.enum(['top1', 'top5', 'top10', 'top20']),
        citizens: z.number().int(),
        multiSector: z.number().int().nullable(),
        simultaneousMean: z.number().nullable(),
        simultaneousMedian: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'CostTopGroups' });

const shownCellSchema = z.strictObject({
  citizens: z.number().int().nullable(),
  amount: z.number().int().nullable().describe('øre'),
  hidden: z.enum(['small', 'dominance', 'complementary']).nullable().describe('Why the cell is hidden'),
});

export const costTableSchema = z
  .strictObject({
    definition: z.strictObject({ id: z.string(), version: z.number().int() }),
    year: z.number().int(),
    citizens: z.number().int(),
    bands: z.array(z.string()),
    rows: z.array(
      z.strictObject({ budgetArea: z.string(), cells: z.array(shownCellSchema), total: shownCellSchema }),
    ),
    totals: z.strictObject({ cells: z.array(shownCellSchema), total: shownCellSchema }),
  })
  .meta({ id: 'CostTable' });

const definitionSchema = z.strictObject({ id: z.string(), version: z.number().int() });
const distributionSchema = z.strictObject({
  definition: definitionSchema,
  pathways: z.number().int(),
  withOffer: z
    .number()
    .int()
    .nullable()
    .describe('Null when it or noOffer is 1–4 (either gives the other away)'),
  noOffer: z
    .number()
    .int()
    .nullable()
    .describe('Pathways with no offer yet: counted apart, never dropped; null when it or withOffer is 1–4'),
  within: z.strictObject(
    Object.fromEntries(WITHIN.map((limit) => [limit, z.number().nullable()])) as Record<
      (typeof WITHIN)[number],
      z.ZodNullable<z.ZodNumber>
    >,
  ),
  meanWeeks: z.number().nullable(),
});
const shown = z.number().int().nullable();

export const pathwayKpisSchema = z
  .strictObject({
    year: z.number().int(),
    pathwayType: z.string().nullable(),
    timeToFirstIntervention: distributionSchema,
    timeToFirstBusinessDirected: distributionSchema,
    pyramid: z.strictObject({
      definition: definitionSchema,
      day: z.string(),
      interventions: shown,
      levels: z.array(
        z.strictObject({
          level: z.number().int(),
          interventions: shown,
          citizens: shown,
          share: z.number().nullable(),
        }),
      ),
    }),
    flow: z.strictObject({
      definition: definitionSchema,
      months: z.array(z.strictObject({ month: z.number().int(), inflow: shown, outflow: shown })),
      inflow: shown,
      outflow: shown,
    }),
  })
  .meta({ id: 'PathwayKpis' });

export const costByMonthSchema = z
  .strictObject({
    definition: z.strictObject({ id: z.string(), version: z.number().int() }),
    year: z.number().int(),
    months: z.array(z.number().int()),
    rows: z.array(
      z.strictObject({ budgetArea: z.string(), cells: z.array(shownCellSchema), total: shownCellSchema }),
    ),
    totals: z.strictObject({ cells: z.array(shownCellSchema), total: shownCellSchema }),
  })
  .meta({ id: 'CostByMonth' });

const countCellSchema = z.strictObject({
  citizens: z.number().int().nullable().describe('Citizens in the cell; null when hidden'),
  hidden: z.enum(['small', 'dominance', 'complementary']).nullable().describe('Why the cell is hidden'),
});
const countTableSchema = z.strictObject({
  rows: z.array(
    z.strictObject({
      unit: z
        .strictObject({ id: z.uuid(), name: z.string() })
        .nullable()
        .describe("The coordinator's unit; null for citizens without a coordinator"),
      cells: z.array(countCellSchema),
      total: countCellSchema,
    }),
  ),
  totals: z
    .strictObject({ cells: z.array(countCellSchema), total: countCellSchema })
    .describe('Every unit together: the overall distribution'),
});

/** Distributions only: never a row, a column or a figure per professional. */
export const gasDistributionSchema = z
  .strictObject({
    definition: z.strictObject({ id: z.string(), version: z.number().int() }),
    year: z.number().int(),
    scoreBands: z
      .array(z.enum(GAS_SCORE_BANDS))
      .describe('T-score bands: below 40, 40 to below 50, 50 to below 60, 60 and above'),
    changeBands: z
      .array(z.enum(GAS_CHANGE_BANDS))
      .describe('Change from the baseline in T-points: below 0, 0 to below 5, 5 to below 10, 10 and above'),
    scores: countTableSchema.describe("Citizens by their latest T-score in the year, per coordinator's unit"),
    changes: countTableSchema.describe(
      'Citizens followed up after their baseline, by the change of their latest T-score from it',
    ),
  })
  .meta({ id: 'GasDistribution' });

export type CostConcentration = z.infer<typeof costConcentrationSchema>;
export type CostTopGroups = z.infer<typeof topGroupsSchema>;
export type CostTable = z.infer<typeof costTableSchema>;
export type CostByMonth = z.infer<typeof costByMonthSchema>;
export type PathwayKpis = z.infer<typeof pathwayKpisSchema>;
export type OfferDistribution = PathwayKpis['timeToFirstIntervention'];
export type GasDistribution = z.infer<typeof gasDistributionSchema>;
/** A cell the server may hide (fewer than 5 citizens, or to protect another hidden cell). */
export type ShownCell = CostTable['totals']['total'];
/** A budget area's cells (one per column) and its total, small and dominated cells hidden. */
export type SuppressedRow = CostTable['rows'][number];
export type SuppressedTotals = CostTable['totals'];
export type CountTable = GasDistribution['scores'];
export type CountCell = CountTable['totals']['total'];
