import { z } from 'zod';
import { instrumentSchema } from '../../domain/measures/instrument.js';
import { CONTEXT_KINDS, RESPONDENT_KINDS } from '../../domain/measures/measures.responses.js';

/**
 * The request shapes of instruments, scoring and a citizen's measures; what they answer is in
 * src/domain/measures/measures.responses.ts.
 */

export const who5ScoreBody = z
  .strictObject({
    answers: z
      .array(z.number().int().min(0, { error: 'must be 0–5' }).max(5, { error: 'must be 0–5' }))
      .length(5, { error: 'must be the five answers, in item order' }),
  })
  .meta({ id: 'Who5Answers' });

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

export const instrumentLoadBody = instrumentSchema;

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

export const measureImportBody = z.string({ error: 'send the answers as text/csv' });
