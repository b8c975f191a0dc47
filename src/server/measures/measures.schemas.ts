import { z } from 'zod';
import { instrumentSchema } from '../../domain/measures/instrument.js';

/** The HTTP shapes of instruments, scoring and a citizen's measures. */

export const who5ScoreBody = z
  .strictObject({
    answers: z
      .array(z.number().int().min(0, { error: 'must be 0–5' }).max(5, { error: 'must be 0–5' }))
      .length(5, { error: 'must be the five answers, in item order' }),
  })
  .meta({ id: 'Who5Answers' });

export const who5ScoreSchema = z
  .object({ raw: z.number(), score: z.number(), band: z.enum(['good', 'poor', 'screen-for-depression']) })
  .meta({ id: 'Who5Score' });

export const gasScoreBody = z
  .strictObject({
    goals: z
      .array(
        z.strictObject({
          level: z
            .number()
            .int()
            .min(-2, { error: 'must be −2 to +2' })
            .max(2, { error: 'must be −2 to +2' }),
          weight: z.number().positive({ error: 'must be a positive number' }).max(100).optional(),
        }),
      )
      .min(1, { error: 'needs at least one goal' })
      .max(50),
  })
  .meta({ id: 'GasGoals' });

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

export const instrumentLoadBody = instrumentSchema;

export const RESPONDENT_KINDS = ['citizen', 'relative', 'professional', 'independent-assessor'] as const;
export const CONTEXT_KINDS = ['meeting', 'follow-up', 'survey-round', 'sub-goal', 'other'] as const;

export const measureRecordBody = z
  .strictObject({
    instrument: z.string().regex(/^[a-z0-9-]{1,40}$/, { error: 'must be an instrument code' }),
    version: z.string().max(20).optional().describe('The newest version when left out'),
    respondent: z.enum(RESPONDENT_KINDS),
    answers: z.record(z.string().max(40), z.string().max(20)).describe('The chosen code per item linkId'),
    answeredAt: z.iso
      .datetime({ offset: true, error: 'must be a date-time with a time zone' })
      .optional()
      .describe('When it was answered, for answers given on paper; now when left out'),
    context: z
      .strictObject({ kind: z.enum(CONTEXT_KINDS), id: z.uuid().nullable().optional() })
      .default({ kind: 'other' }),
  })
  .meta({ id: 'MeasureRecord' });

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

export const measureImportBody = z.string({ error: 'send the answers as text/csv' });

export const measureImportSchema = z
  .object({ imported: z.number().int(), responses: z.array(measureResponseSchema) })
  .meta({ id: 'MeasureImport' });
