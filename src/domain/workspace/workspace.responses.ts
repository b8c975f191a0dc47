import { z } from 'zod';
import { pageSchema } from '../common/responses.js';
import { PROFESSIONAL_ROLES, SECTORS } from '../organisation/sectors.js';
import { nextStepCountsSchema } from '../plan/next-steps.js';
import { unitRefSchema } from '../auth/auth.responses.js';

/** A professional's workspace: the caseload, My day, the unit overview and the lists behind it. */

export const CASELOAD_RELATIONS = ['coordinator', 'team_member', 'intervention_responsible', 'unit'] as const;
export type CaseloadRelation = (typeof CASELOAD_RELATIONS)[number];

/** How a citizen appears in lists: enough to recognise and choose, never the full CPR number. */
export const caseloadItemSchema = z.object({
  id: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  cprMasked: z.string(),
  relation: z.enum(CASELOAD_RELATIONS),
  activeInterventions: z.number().int(),
  sectors: z.array(z.enum(SECTORS)),
  updatedAt: z
    .string()
    .describe('The newest change this viewer may see; the epoch when they may see none (hidden-details.ts)'),
});
export type CaseloadItem = z.infer<typeof caseloadItemSchema>;

/** GET /api/citizens: the caseload, a page at a time. */
export const caseloadPageSchema = pageSchema(caseloadItemSchema).meta({ id: 'CaseloadPage' });

/** POST /api/citizens/search: the page; `emergencyAccess` when the citizen exists but you have no relationship. */
export const cprSearchPageSchema = caseloadPageSchema.extend({
  emergencyAccess: z
    .object({ citizenId: z.uuid() })
    .nullable()
    .describe(
      'The citizen exists but you have no relationship: the emergency route (break the glass, audited) is open',
    ),
});
export type CprSearchPage = z.infer<typeof cprSearchPageSchema>;

/** The day of the newest change the viewer may see, or null when there is none to show. */
export function visibleChangeAt(updatedAt: string): Date | null {
  const at = new Date(updatedAt);
  return at.getTime() > 0 ? at : null;
}

/** What needs attention in one citizen's plan today. */
export const attentionSchema = z.object({
  followUpsOverdue: z.number().int(),
  followUpsDueSoon: z.number().int(),
  nextFollowUp: z.string().nullable(),
  changedSinceLastVisit: z.boolean(),
  noActiveIntervention: z.boolean(),
  subGoalsPastDate: z.number().int(),
  gaps: z.number().int(),
});
export type Attention = z.infer<typeof attentionSchema>;

/** Attention totals across a caseload: counts of items, or of citizens for the yes/no signals. */
export const attentionTotalsSchema = z.object({
  followUpsOverdue: z.number().int(),
  followUpsDueSoon: z.number().int(),
  changedSinceLastVisit: z.number().int(),
  noActiveIntervention: z.number().int(),
  subGoalsPastDate: z.number().int(),
  gaps: z.number().int(),
});
export type AttentionTotals = z.infer<typeof attentionTotalsSchema>;

/** A caseload item with what needs attention, as My day and the unit overview list it. */
export const attentionItemSchema = caseloadItemSchema.extend({
  attention: attentionSchema,
  score: z.number().int().describe('How much needs attention; higher first'),
  lastVisitAt: z.string().nullable(),
});
export type AttentionItem = z.infer<typeof attentionItemSchema>;

/** GET /api/my-day. Items arrive sorted most-attention first. */
export const myDaySchema = z
  .object({
    today: z.string(),
    items: z.array(
      attentionItemSchema.extend({
        nextSteps: nextStepCountsSchema.describe(
          'The counts of the plan’s "Næste skridt" (GET /api/citizens/{id}/next-steps), from the same query',
        ),
      }),
    ),
    totals: attentionTotalsSchema,
  })
  .meta({ id: 'MyDay' });
export type MyDay = z.infer<typeof myDaySchema>;

/** The kinds of attention the unit overview counts citizens by, each with its list behind it. */
export const UNIT_ATTENTION_KINDS = [
  'followUpsOverdue',
  'followUpsDueSoon',
  'noActiveIntervention',
  'subGoalsPastDate',
  'gaps',
] as const;
export type UnitAttentionKind = (typeof UNIT_ATTENTION_KINDS)[number];

/** One professional's workload in a team leader's unit overview. */
export const unitProfessionalSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  profession: z.string(),
  role: z.enum(PROFESSIONAL_ROLES),
  caseload: z.number().int(),
  coordinatorFor: z.number().int(),
  followUpsOverdue: z.number().int(),
  openFlags: z.number().int(),
});
export type UnitProfessional = z.infer<typeof unitProfessionalSchema>;

/** GET /api/units/{unitId}/overview. */
export const unitOverviewSchema = z
  .object({
    today: z.string(),
    unit: unitRefSchema,
    citizens: z.number().int(),
    totals: attentionTotalsSchema,
    citizensWith: z
      .object({
        followUpsOverdue: z.number().int(),
        followUpsDueSoon: z.number().int(),
        noActiveIntervention: z.number().int(),
        subGoalsPastDate: z.number().int(),
        gaps: z.number().int(),
      } satisfies Record<UnitAttentionKind, z.ZodType>)
      .describe('How many citizens have each kind of attention: the figures the unit list filters by'),
    professionals: z.array(unitProfessionalSchema),
    mostFlagged: z.array(attentionItemSchema),
  })
  .meta({ id: 'UnitOverview' });
export type UnitOverview = z.infer<typeof unitOverviewSchema>;

/** GET /api/units/{unitId}/citizens: the citizens behind a figure of the unit overview. */
export const unitCitizensSchema = z
  .object({
    today: z.string(),
    total: z.number().int().describe('How many citizens match: the figure the list is behind'),
    professional: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    limit: z.number().int(),
    offset: z.number().int(),
    items: z.array(attentionItemSchema),
  })
  .meta({ id: 'UnitCitizens' });
export type UnitCitizens = z.infer<typeof unitCitizensSchema>;
