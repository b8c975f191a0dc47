import { z } from 'zod';

/**
 * What the measure endpoints answer (scores, instruments, a citizen's measures): the route's
 * response schemas, the OpenAPI components and the web's types.
 */

export const RESPONDENT_KINDS = ['citizen', 'relative', 'professional', 'independent-assessor'] as const;
export const CONTEXT_KINDS = ['meeting', 'follow-up', 'survey-round', 'sub-goal', 'other'] as const;

export const who5ScoreSchema = z
  .object({ raw: z.number(), score: z.number(), band: z.enum(['good', 'poor', 'screen-for-depression']) })
  .meta({ id: 'Who5Score' });

export const gasScoreSchema = z.object({ tScore: z.number() }).meta({ id: 'GasScore' });

export const instrumentListSchema = z
  .object({
    items: z.array(
      z
        .object({ source: z.enum(['builtin', 'loaded']), definition: z.unknown() })
        .meta({ id: 'InstrumentEntry' }),
    ),
  })
  .meta({ id: 'InstrumentList' });

export const measureResponseSchema = z
  .object({
    id: z.uuid(),
    instrument: z.object({ code: z.string(), version: z.string() }),
    respondent: z.enum(RESPONDENT_KINDS),
    answeredAt: z.string(),
    context: z.object({ kind: z.enum(CONTEXT_KINDS), id: z.string().nullable() }),
    answers: z.array(z.object({ linkId: z.string(), code: z.string() })),
    raw: z.number().nullable(),
    score: z.number().nullable(),
    band: z.string().nullable(),
  })
  .meta({ id: 'MeasureResponse' });

export const citizenMeasuresSchema = z
  .object({
    responses: z.array(measureResponseSchema),
    gas: z.object({
      /** The T-score after each follow-up; the first is the baseline. */
      points: z.array(
        z.object({
          at: z.string(),
          tScore: z.number(),
          goals: z.number().int(),
          change: z.number().describe("The T-score minus the baseline's (the first point)"),
        }),
      ),
      goals: z.array(
        z.object({
          subGoalId: z.uuid(),
          title: z.string(),
          levels: z.array(
            z.object({
              at: z.string(),
              level: z.number().int(),
              weight: z.number().int().describe('The weight in force when the level was recorded'),
              scorer: z
                .enum(RESPONDENT_KINDS)
                .nullable()
                .describe('Who gave the score; null for follow-ups recorded before it was asked'),
              recordedBy: z
                .object({ name: z.string(), profession: z.string() })
                .nullable()
                .describe('The professional who recorded it'),
            }),
          ),
        }),
      ),
    }),
  })
  .meta({ id: 'CitizenMeasures' });

export const measureImportSchema = z
  .object({ imported: z.number().int(), responses: z.array(measureResponseSchema) })
  .meta({ id: 'MeasureImport' });

export type MeasureResponse = z.infer<typeof measureResponseSchema>;
export type CitizenMeasures = z.infer<typeof citizenMeasuresSchema>;
/** One recorded GAS level: the weight it was recorded under, who scored it, who recorded it. */
export type GasLevelView = CitizenMeasures['gas']['goals'][number]['levels'][number];
