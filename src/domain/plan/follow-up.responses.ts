import { z } from 'zod';
import { isoDate } from '../common/text.schemas.js';
import { FOLLOW_UP_CODES, FOLLOW_UP_ITEM_KINDS } from './follow-up.js';

/** What the follow-up endpoints answer: the routes, OpenAPI and the web use these. */
export const followUpViewSchema = z
  .object({
    id: z.uuid(),
    item: z.object({ kind: z.enum(FOLLOW_UP_ITEM_KINDS), id: z.uuid() }),
    heldOn: isoDate,
    heldBy: z.object({ id: z.uuid(), name: z.string() }),
    code: z.enum(FOLLOW_UP_CODES),
    reasons: z.string().nullable(),
    nextDate: isoDate.nullable(),
    gasLevel: z.number().int().min(-2).max(2).nullable().describe('The GAS level scored at it (sub-goals)'),
    measures: z
      .array(
        z.object({
          id: z.uuid(),
          instrument: z.string(),
          score: z.number().nullable(),
          band: z.string().nullable(),
        }),
      )
      .describe('The measures recorded at it (measure responses with this follow-up as context)'),
  })
  .meta({ id: 'FollowUp' });
export type FollowUpView = z.infer<typeof followUpViewSchema>;

export const followUpListSchema = z
  .object({ items: z.array(followUpViewSchema).describe('The newest first') })
  .meta({ id: 'FollowUpList' });
export type FollowUpList = z.infer<typeof followUpListSchema>;

export const followUpRecordedSchema = z
  .object({ followUp: followUpViewSchema, planVersion: z.number().int() })
  .meta({ id: 'FollowUpRecorded' });
