import { z } from 'zod';
import { TEMPLATE_CODE_PATTERN, templateCodeSchema } from './pathway-template.js';
import { PATHWAY_TEMPLATE_CODES } from './pathways.js';
import { pathwayOutcomeSchema } from './pathway-outcome.js';
import { LEGAL_BASIS_CODES } from '../organisation/legal-bases.js';
import { weeklyScheduleSchema } from '../coordination/schedule.js';
import { freeText, isoDate, optionalFreeText, optionalTextLine, textLine } from '../common/text.schemas.js';

/**
 * Input schemas for changing a plan. The API validates with them and the web forms use the
 * same schemas, so a form never accepts what the server would reject.
 */

export const GAS_LEVELS = [-2, -1, 0, 1, 2] as const;
export const gasLevelSchema = z
  .number()
  .int()
  .min(-2, { error: 'must be between -2 and 2' })
  .max(2, { error: 'must be between -2 and 2' });

/** A sub-goal's weight in the GAS T-score: a whole number 1–100; 1 when goals are not weighted. */
export const gasWeightSchema = z
  .number({ error: 'must be a whole number from 1 to 100' })
  .int({ error: 'must be a whole number from 1 to 100' })
  .min(1, { error: 'must be a whole number from 1 to 100' })
  .max(100, { error: 'must be a whole number from 1 to 100' })
  .describe("The sub-goal's weight in the GAS T-score (1 when the goals are not weighted)");

export const INTERVENTION_STATUSES = ['planned', 'active', 'paused', 'ended'] as const;
export type InterventionStatus = (typeof INTERVENTION_STATUSES)[number];
export const SUB_GOAL_STATUSES = ['active', 'achieved', 'ended'] as const;
export type SubGoalStatus = (typeof SUB_GOAL_STATUSES)[number];

export const goalInputSchema = z.strictObject({
  ownWords: freeText(4000).describe("The citizen's overall goal in their own words"),
  professionalWording: optionalFreeText(4000),
});
export type GoalInput = z.infer<typeof goalInputSchema>;

export const subGoalCreateSchema = z.strictObject({
  title: textLine(500),
  measure: optionalFreeText(1000),
  targetDate: isoDate.nullable().optional(),
  gasLevel: gasLevelSchema.nullable().optional(),
  gasWeight: gasWeightSchema.optional(),
  followUpDate: isoDate.nullable().optional().describe('The next follow-up of the sub-goal'),
});
export type SubGoalCreate = z.infer<typeof subGoalCreateSchema>;

export const subGoalUpdateSchema = z
  .strictObject({
    title: textLine(500).optional(),
    measure: optionalFreeText(1000),
    targetDate: isoDate.nullable().optional(),
    gasLevel: gasLevelSchema.nullable().optional(),
    gasWeight: gasWeightSchema.optional(),
    followUpDate: isoDate.nullable().optional().describe('The next follow-up of the sub-goal'),
    status: z.enum(['active', 'achieved']).optional(),
  })
  .refine((value) => Object.keys(value).length > 0, { error: 'nothing to change: give at least one field' });
export type SubGoalUpdate = z.infer<typeof subGoalUpdateSchema>;

export const endSchema = z.strictObject({
  reason: freeText(1000).describe('Why it ends'),
  endDate: isoDate.optional(),
});
export type EndInput = z.infer<typeof endSchema>;

/**
 * A pathway's end: the reason in the caseworker's words and, beside it, the coded outcome the
 * management figures count (decision 0025). The outcome may be left out (the shape of the end
 * before issue 15); such an end counts as "not recorded", and the web form always asks for it.
 */
export const pathwayEndSchema = endSchema.extend({
  outcome: pathwayOutcomeSchema.optional().describe('How the pathway ended (job, education, flex-job, …)'),
});
export type PathwayEndInput = z.infer<typeof pathwayEndSchema>;

export const interventionFields = {
  typeId: z.uuid({ error: 'must be the id of an intervention type in the catalogue' }),
  unitId: z.uuid({ error: 'must be the id of a unit' }),
  responsibleId: z.uuid({ error: 'must be the id of a professional' }).nullable().optional(),
  legalBasis: z.enum(LEGAL_BASIS_CODES, { error: 'must be a known legal basis code' }).optional(),
  purpose: optionalFreeText(1000),
  startDate: isoDate,
  endDate: isoDate.nullable().optional(),
  followUpDate: isoDate.nullable().optional(),
  frequency: optionalTextLine(200),
  status: z.enum(['planned', 'active', 'paused']).optional(),
  costOre: z.number().int().min(0).max(1e13).optional(),
  schedule: weeklyScheduleSchema.nullable().optional(),
  caseReference: optionalTextLine(200),
  subGoalIds: z
    .array(z.uuid({ error: 'must be sub-goal ids' }))
    .max(50)
    .optional(),
};

function datesInOrder(value: { startDate?: string; endDate?: string | null }): boolean {
  return !value.startDate || !value.endDate || value.endDate >= value.startDate;
}

export const interventionCreateSchema = z
  .strictObject(interventionFields)
  .refine(datesInOrder, { error: 'must not be before startDate', path: ['endDate'] });
export type InterventionCreate = z.infer<typeof interventionCreateSchema>;

export const interventionUpdateSchema = z
  .strictObject({
    responsibleId: interventionFields.responsibleId,
    legalBasis: interventionFields.legalBasis,
    purpose: interventionFields.purpose,
    startDate: isoDate.optional(),
    endDate: interventionFields.endDate,
    followUpDate: interventionFields.followUpDate,
    frequency: interventionFields.frequency,
    status: interventionFields.status,
    costOre: interventionFields.costOre,
    schedule: interventionFields.schedule,
    caseReference: interventionFields.caseReference,
    subGoalIds: interventionFields.subGoalIds,
  })
  .refine((value) => Object.keys(value).length > 0, { error: 'nothing to change: give at least one field' })
  .refine(datesInOrder, { error: 'must not be before startDate', path: ['endDate'] });
export type InterventionUpdate = z.infer<typeof interventionUpdateSchema>;

export const TEAM_MEMBER_KINDS = ['professional', 'network', 'civil_society'] as const;
export type TeamMemberKind = (typeof TEAM_MEMBER_KINDS)[number];

export const teamMemberCreateSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('professional'),
    professionalId: z.uuid({ error: 'must be the id of a professional' }),
    role: optionalTextLine(200),
    isCoordinator: z.boolean().optional(),
  }),
  z.strictObject({
    kind: z.enum(['network', 'civil_society']),
    name: textLine(200),
    relation: optionalTextLine(200),
    role: optionalTextLine(200),
    phone: optionalTextLine(50),
    email: z.email({ error: 'must be an e-mail address' }).max(200).nullable().optional(),
  }),
]);
export type TeamMemberCreate = z.infer<typeof teamMemberCreateSchema>;

export const teamMemberUpdateSchema = z
  .strictObject({
    role: optionalTextLine(200),
    relation: optionalTextLine(200),
    phone: optionalTextLine(50),
    email: z.email({ error: 'must be an e-mail address' }).max(200).nullable().optional(),
    isCoordinator: z.boolean().optional(),
  })
  .refine((value) => Object.keys(value).length > 0, { error: 'nothing to change: give at least one field' });
export type TeamMemberUpdate = z.infer<typeof teamMemberUpdateSchema>;

export const pathwayCreateSchema = z.strictObject({
  // The shipped codes (PATHWAY_TEMPLATE_CODES) or one of the municipality's own templates (decision 0019).
  templateCode: z
    .string()
    .regex(TEMPLATE_CODE_PATTERN, { error: 'must be a known pathway template' })
    .describe(`A pathway template code, e.g. ${PATHWAY_TEMPLATE_CODES.join(', ')}`),
  startDate: isoDate.describe('The day the pathway began (the stalled rule counts from here)'),
});
export type PathwayCreate = z.infer<typeof pathwayCreateSchema>;

/** Moves a running pathway to a stage its template version allows next (decision 0019). */
export const pathwayStageMoveSchema = z.strictObject({
  stageCode: templateCodeSchema.describe('The stage to move to: one of the current stage’s next stages'),
  date: isoDate.optional().describe('The day it entered the stage; today by default'),
});
export type PathwayStageMove = z.infer<typeof pathwayStageMoveSchema>;
