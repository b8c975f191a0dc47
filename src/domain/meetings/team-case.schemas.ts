import { z } from 'zod';
import { freeText, isoDateTime, optionalTextLine, textLine } from '../common/text.schemas.js';

/**
 * Team meetings (e.g. the rehabilitation team) and their case lists (issue 14, item 3): each case
 * one citizen's, with the caseworker's summary, the citizen's own preparation where she gave it,
 * whether she attends and her support person (bisidder), and the team's recommendation
 * (indstilling) with reasons. A case a final decision departed from is back on the list as
 * returned, with why.
 */

export const TEAM_CASE_STATUSES = ['listed', 'recommended', 'returned'] as const;

export const teamMeetingCreateSchema = z
  .strictObject({
    title: textLine(200).describe('E.g. "Rehabiliteringsteamet, december"'),
    startsAt: isoDateTime.describe('When the team meets'),
  })
  .meta({ id: 'TeamMeetingCreate' });

export const teamCaseCreateSchema = z
  .strictObject({
    citizenId: z.uuid(),
    summary: freeText(8000).describe('The caseworker’s summary of the case for the team'),
    citizenMeetingId: z
      .uuid()
      .nullable()
      .optional()
      .describe('Her meeting of kind "team" (her invitation), whose preparation the team reads'),
    citizenAttends: z.boolean().default(false),
    supportPerson: optionalTextLine(200).describe('Her support person (bisidder), if she brings one'),
  })
  .meta({ id: 'TeamCaseCreate' });
export type TeamCaseCreate = z.infer<typeof teamCaseCreateSchema>;

export const teamRecommendationSchema = z
  .strictObject({
    recommendation: freeText(4000).describe('The team’s recommendation (indstilling)'),
    reasons: freeText(4000).describe('Why the team recommends it'),
    citizenAttends: z.boolean().optional(),
    supportPerson: optionalTextLine(200),
  })
  .meta({ id: 'TeamRecommendation' });
export type TeamRecommendation = z.infer<typeof teamRecommendationSchema>;

const visibleCase = z.object({
  id: z.uuid(),
  status: z.enum(TEAM_CASE_STATUSES),
  detailsHidden: z.literal(false),
  citizen: z.object({ id: z.uuid(), name: z.string() }),
  summary: z.string(),
  preparation: z
    .object({
      matters: z.string().nullable(),
      works: z.string().nullable(),
      talkAbout: z.string().nullable(),
    })
    .nullable()
    .describe('Her own preparation, where she gave it'),
  citizenAttends: z.boolean(),
  supportPerson: z.string().nullable(),
  recommendation: z.string().nullable(),
  reasons: z.string().nullable(),
  recommendedAt: z.string().nullable(),
  returnedReason: z.string().nullable().describe('Why a final decision departed from the recommendation'),
  returnedAt: z.string().nullable(),
});
const hiddenCase = z.object({
  id: z.uuid(),
  status: z.enum(TEAM_CASE_STATUSES),
  detailsHidden: z.literal(true),
});
export const teamCaseViewSchema = z.discriminatedUnion('detailsHidden', [visibleCase, hiddenCase]).meta({
  id: 'TeamCase',
});
export type TeamCaseView = z.infer<typeof teamCaseViewSchema>;

export const teamMeetingSummarySchema = z.object({
  id: z.uuid(),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  title: z.string(),
  startsAt: z.string(),
  cases: z.number().int(),
  returned: z.number().int(),
});
export const teamMeetingListSchema = z
  .object({ items: z.array(teamMeetingSummarySchema) })
  .meta({ id: 'TeamMeetingList' });

export const teamMeetingViewSchema = z
  .object({
    id: z.uuid(),
    unit: z.object({ id: z.uuid(), name: z.string() }),
    title: z.string(),
    startsAt: z.string(),
    cases: z.array(teamCaseViewSchema),
  })
  .meta({ id: 'TeamMeeting' });
export type TeamMeetingView = z.infer<typeof teamMeetingViewSchema>;
