import { z } from 'zod';
import { PERIOD_MEASURES, SPELL_BANDS } from './steering-kpis.js';

/** What GET /api/analytics/steering and GET /api/analytics/definitions answer (null: hidden for privacy). */
const definitionSchema = z.strictObject({ id: z.string(), version: z.number().int() });
const shown = z.number().int().nullable();
const weeks = z.number().nullable();

export const steeringSchema = z
  .strictObject({
    year: z.number().int(),
    referenceDay: z.string().describe('The last day counted: 31 December, or today in the current year'),
    pathwayType: z.string().nullable(),
    activation: z.strictObject({
      definition: definitionSchema,
      citizens: shown.describe('Citizens with a pathway under way some day of the year'),
      activated: shown.describe('Of them, those with activation days'),
      activationRate: z.number().nullable(),
      businessDirectedShare: z
        .number()
        .nullable()
        .describe('Share of activation days that are business-directed'),
    }),
    spells: z.strictObject({
      definition: definitionSchema,
      referenceDay: z.string(),
      bands: z.array(z.enum(SPELL_BANDS)),
      rows: z.array(
        z.strictObject({
          kind: z.enum(['ended', 'open']),
          cells: z.array(shown),
          total: shown,
          meanWeeks: weeks,
          medianWeeks: weeks,
        }),
      ),
      total: shown,
    }),
    periodCounts: z.strictObject({
      definition: definitionSchema,
      years: z.array(z.number().int()),
      measures: z.array(
        z.strictObject({
          measure: z.enum(PERIOD_MEASURES),
          years: z.array(
            z.strictObject({
              year: z.number().int(),
              count: shown,
              change: shown.describe('From the year before'),
              changePercent: z.number().nullable(),
            }),
          ),
          latest: z
            .strictObject({
              year: z.number().int(),
              count: shown,
              change: shown,
              changePercent: z.number().nullable(),
            })
            .nullable()
            .describe("The chosen year's count and its change from the year before"),
        }),
      ),
    }),
  })
  .meta({ id: 'SteeringKpis' });

export const definitionsSchema = z
  .strictObject({
    definitions: z.array(z.strictObject({ id: z.string(), version: z.number().int(), text: z.string() })),
  })
  .describe('Every definition a management figure has been made by, every version, oldest first')
  .meta({ id: 'FigureDefinitions' });

export type SteeringKpis = z.infer<typeof steeringSchema>;
export type FigureDefinitions = z.infer<typeof definitionsSchema>;
