import { z } from 'zod';

/**
 * The citizen's objection to her data in management figures (decision 0025): what
 * GET/PUT /api/citizens/{citizenId}/reporting-objection answer and what PUT takes.
 */
const recorder = z
  .object({ kind: z.enum(['citizen', 'professional']), name: z.string().nullable() })
  .describe('Who recorded it: the citizen (or her relative) herself, or a named professional for her');

export const reportingObjectionSchema = z
  .object({
    objects: z.boolean().describe('Whether she objects now: then no management figure counts her'),
    since: z.string().nullable().describe('When the objection in force was recorded'),
    recordedBy: recorder.nullable().describe('Who recorded the objection in force'),
    history: z
      .array(
        z.object({
          id: z.uuid(),
          objectedAt: z.string(),
          recordedBy: recorder,
          withdrawnAt: z.string().nullable(),
          withdrawnBy: recorder.nullable(),
        }),
      )
      .describe('Every objection, newest first, and when it was taken back'),
  })
  .meta({ id: 'ReportingObjection' });
export type ReportingObjection = z.infer<typeof reportingObjectionSchema>;

export const reportingObjectionInputSchema = z.strictObject({
  objects: z
    .boolean({ error: 'must be true (object) or false (take the objection back)' })
    .describe('true: she objects to her data in management figures; false: she takes it back'),
});
export type ReportingObjectionInput = z.infer<typeof reportingObjectionInputSchema>;
