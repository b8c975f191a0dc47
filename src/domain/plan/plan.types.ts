import { z } from 'zod';
import { LEGAL_BASIS_CODES } from '../organisation/legal-bases.js';
import { SECTORS } from '../organisation/sectors.js';
import { weeklyScheduleSchema } from '../coordination/schedule.js';
import { ownStepViewSchema, planCommentViewSchema } from './own-part.schemas.js';
import { INTERVENTION_STATUSES, SUB_GOAL_STATUSES, TEAM_MEMBER_KINDS } from './plan.schemas.js';
import { PATHWAY_OUTCOMES } from './pathway-outcome.js';

/**
 * The plan as it leaves the server. The schemas document the API (OpenAPI) and the types
 * are inferred from them, so the two cannot drift.
 */
const sector = z.enum(SECTORS);
const isoDate = z.string().describe('YYYY-MM-DD');

export const contactViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  profession: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type ContactView = z.infer<typeof contactViewSchema>;

export const subGoalViewSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  measure: z.string().nullable(),
  targetDate: isoDate.nullable(),
  followUpDate: isoDate
    .nullable()
    .optional()
    .describe("The sub-goal's next follow-up (plans stored before it was kept have none)"),
  gasLevel: z.number().int().min(-2).max(2).nullable(),
  gasWeight: z.number().int().min(1).optional().describe('The weight in the GAS T-score; 1 when left out'),
  status: z.enum(SUB_GOAL_STATUSES),
  endReason: z.string().nullable(),
  interventionIds: z.array(z.uuid()),
});
export type SubGoalView = z.infer<typeof subGoalViewSchema>;

export const interventionViewSchema = z.object({
  id: z.uuid(),
  type: z.object({ id: z.uuid(), code: z.string(), name: z.string(), category: z.string() }),
  sector,
  unit: z.object({ id: z.uuid(), name: z.string() }),
  responsible: contactViewSchema.nullable(),
  legalBasis: z.enum(LEGAL_BASIS_CODES),
  purpose: z.string().nullable(),
  startDate: isoDate,
  endDate: isoDate.nullable(),
  followUpDate: isoDate.nullable(),
  frequency: z.string().nullable(),
  status: z.enum(INTERVENTION_STATUSES),
  costOre: z.number().int(),
  pyramidLevel: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
  businessDirected: z.boolean(),
  endReason: z.string().nullable(),
  schedule: weeklyScheduleSchema.nullable().optional().describe('When in the week it takes place'),
  caseReference: z
    .string()
    .nullable()
    .optional()
    .describe('The unit’s own case reference: a consent limited to one case covers only its interventions'),
  subGoalIds: z.array(z.uuid()),
  awaitingConfirmation: z
    .boolean()
    .optional()
    .describe('Recorded by someone outside the owning unit; the unit has not confirmed it yet'),
  recordedBy: z
    .uuid()
    .nullable()
    .optional()
    .describe('Who recorded it for the owning unit, while it awaits confirmation'),
});
export type InterventionView = z.infer<typeof interventionViewSchema>;

export const teamMemberViewSchema = z.object({
  id: z.uuid(),
  kind: z.enum(TEAM_MEMBER_KINDS),
  professionalId: z.uuid().nullable(),
  name: z.string(),
  profession: z.string().nullable(),
  unit: z.object({ id: z.uuid(), name: z.string(), sector }).nullable(),
  relation: z.string().nullable(),
  role: z.string().nullable(),
  isCoordinator: z.boolean(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  startDate: isoDate,
});
export type TeamMemberView = z.infer<typeof teamMemberViewSchema>;

const stageName = z.object({ da: z.string(), en: z.string() });

/** A running pathway's stage: since when, what is due, where it may go next (its version's transitions). */
export const pathwayStageViewSchema = z.object({
  code: z.string(),
  name: stageName,
  roles: z.array(z.string()).describe('Who is involved in the stage'),
  since: isoDate.describe('The day the pathway entered the stage'),
  dueDate: isoDate.nullable().describe('The stage deadline; overdue when before today (the Danish day)'),
  flagWhenOverdue: z
    .boolean()
    .describe('The template raises a coordination flag once the deadline has passed'),
  next: z.array(z.object({ code: z.string(), name: stageName })).describe('The stages it may move to'),
});

export const pathwayViewSchema = z.object({
  id: z.uuid(),
  templateCode: z.string(),
  name: z.object({ da: z.string(), en: z.string() }),
  startDate: isoDate,
  endDate: isoDate.nullable(),
  endReason: z.string().nullable(),
  outcome: z
    .enum(PATHWAY_OUTCOMES)
    .nullable()
    .optional()
    .describe('How an ended pathway ended (decision 0025); null while it runs or when not recorded'),
  // Decision 0019: beside the fields above, the template version it runs on and its stage.
  templateVersion: z
    .object({ id: z.uuid(), version: z.number().int() })
    .optional()
    .describe('The template version the pathway started on; it keeps it for life'),
  stage: pathwayStageViewSchema
    .nullable()
    .optional()
    .describe('Where a running pathway stands; null once it has ended'),
  firstInterventionWithinMonths: z
    .number()
    .int()
    .nullable()
    .optional()
    .describe("The template's rule: an intervention must start within this many months of the start"),
});
export type PathwayView = z.infer<typeof pathwayViewSchema>;

/** What is missing in a plan: the places where "one plan" is not yet coherent. */
export const planGapsSchema = z.object({
  missingGoal: z.boolean(),
  missingCoordinator: z.boolean(),
  interventionsWithoutSubGoal: z.array(z.uuid()),
  subGoalsWithoutIntervention: z.array(z.uuid()),
});
export type PlanGaps = z.infer<typeof planGapsSchema>;

/** The whole plan of one citizen, as served by the plan overview and stored as its read model. */
export const planOverviewSchema = z
  .object({
    citizen: z.object({
      id: z.uuid(),
      givenName: z.string(),
      familyName: z.string(),
      cprMasked: z.string().describe('DDMMYY-xxxx: the CPR number is never sent in full here'),
    }),
    version: z.number().int().describe('The plan version; also the ETag'),
    updatedAt: z.string(),
    updatedBy: z.object({ id: z.uuid(), name: z.string() }).nullable().describe('Who made the latest change'),
    goal: z.object({ ownWords: z.string(), professionalWording: z.string().nullable() }).nullable(),
    subGoals: z.array(subGoalViewSchema),
    sectors: z.array(z.object({ sector, interventions: z.array(interventionViewSchema) })),
    team: z.array(teamMemberViewSchema),
    pathways: z
      .array(pathwayViewSchema)
      .describe('The framed courses (forløb) the plan runs in, newest first'),
    ownSteps: z
      .array(ownStepViewSchema)
      .describe("The citizen's own steps and what her network does (activity-pyramid levels 1–2)"),
    comments: z
      .array(planCommentViewSchema)
      .describe("The citizen's comments on the plan, newest first; an approval approves its planVersion"),
    gaps: planGapsSchema,
  })
  .meta({ id: 'PlanOverview' });
export type PlanOverview = z.infer<typeof planOverviewSchema>;
