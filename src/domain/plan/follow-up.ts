import { z } from 'zod';
import { freeText, isoDate, optionalFreeText, textLine } from '../common/text.schemas.js';
import { RESPONDENT_KINDS } from '../measures/measures.responses.js';
import { gasLevelSchema, gasWeightSchema, interventionFields } from './plan.schemas.js';

/**
 * Follow-up (opfølgning): a dated review of an intervention or a sub-goal that ends in one of
 * the FSIII follow-up codes. The rules of which fields each code needs live here, once: the API
 * validates with these schemas, the web form uses the same, and migration 035 holds the same
 * rules as CHECK constraints.
 */
export const FOLLOW_UP_CODES = ['continue', 'change', 'end', 'reassess'] as const;
export type FollowUpCode = (typeof FOLLOW_UP_CODES)[number];

/** What is followed up: an intervention or a sub-goal of the plan. */
export const FOLLOW_UP_ITEM_KINDS = ['intervention', 'sub_goal'] as const;
export type FollowUpItemKind = (typeof FOLLOW_UP_ITEM_KINDS)[number];
export interface FollowUpItem {
  kind: FollowUpItemKind;
  id: string;
}

/** Whether the code needs its reasons written: everything but "continue" departs from the plan. */
export function needsReasons(code: FollowUpCode): boolean {
  return code !== 'continue';
}

/** Whether the code needs the next follow-up date: the item goes on (continue, change). */
export function needsNextDate(code: FollowUpCode): boolean {
  return code === 'continue' || code === 'change';
}

/** The fields a follow-up's code rules look at. */
export interface FollowUpFields {
  code: FollowUpCode;
  heldOn: string;
  reasons?: string | null;
  nextDate?: string | null;
  change?: Record<string, unknown> | null;
}

export interface FollowUpIssue {
  field: 'reasons' | 'nextDate' | 'change';
  /** Which rule, for a form to say it in the user's language. */
  rule:
    | 'reasons-required'
    | 'next-date-required'
    | 'next-date-ended'
    | 'next-date-after'
    | 'change-required'
    | 'change-only';
  message: string;
}

/**
 * What is wrong with a follow-up by the code rules: reasons required for change, end and
 * re-assess; the next date required for continue and change, and after the day it was held; an
 * ended item has no next date; a change names what changes, and only "change" changes.
 */
export function followUpIssues(fields: FollowUpFields): FollowUpIssue[] {
  const issues: FollowUpIssue[] = [];
  const { code } = fields;
  if (needsReasons(code) && !fields.reasons?.trim()) {
    issues.push({ field: 'reasons', rule: 'reasons-required', message: 'give the reasons for this outcome' });
  }
  if (needsNextDate(code) && !fields.nextDate) {
    issues.push({
      field: 'nextDate',
      rule: 'next-date-required',
      message: 'give the date of the next follow-up',
    });
  } else if (code === 'end' && fields.nextDate) {
    issues.push({
      field: 'nextDate',
      rule: 'next-date-ended',
      message: 'an ended item has no next follow-up',
    });
  } else if (fields.nextDate && fields.nextDate <= fields.heldOn) {
    issues.push({
      field: 'nextDate',
      rule: 'next-date-after',
      message: 'must be after the day of the follow-up',
    });
  }
  const changes = fields.change ? Object.keys(fields.change).length : 0;
  if (code === 'change' && changes === 0) {
    issues.push({ field: 'change', rule: 'change-required', message: 'say what changes within the frame' });
  } else if (code !== 'change' && changes > 0) {
    issues.push({
      field: 'change',
      rule: 'change-only',
      message: 'only a change within the frame changes the item',
    });
  }
  return issues;
}

/** A measure taken at the follow-up: recorded through the measures code, linked to the follow-up. */
export const followUpMeasureSchema = z.strictObject({
  instrument: z.string().regex(/^[a-z0-9-]{1,40}$/, { error: 'must be an instrument code' }),
  version: z.string().max(20).optional().describe('The newest version when left out'),
  respondent: z.enum(RESPONDENT_KINDS),
  answers: z.record(z.string().max(40), z.string().max(20)).describe('The chosen code per item linkId'),
});
export type FollowUpMeasure = z.infer<typeof followUpMeasureSchema>;

const baseFields = {
  code: z.enum(FOLLOW_UP_CODES, { error: 'must be continue, change, end or reassess' }),
  heldOn: isoDate.optional().describe('The day it was held; today when left out'),
  reasons: freeText(2000).nullable().optional().describe('Required for change, end and reassess'),
  nextDate: isoDate.nullable().optional().describe('The next follow-up; required for continue and change'),
  measures: z.array(followUpMeasureSchema).max(5).optional().describe('WHO-5, function levels, …'),
};

/** Checks the code rules on a parsed body; a body without heldOn is held today, so any next date is checked later. */
function checkCodeRules(value: FollowUpShape, context: z.core.$RefinementCtx<FollowUpShape>): void {
  for (const issue of followUpIssues({ ...value, heldOn: value.heldOn ?? '0000-00-00' })) {
    context.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
  }
}

/** What may change within the frame of an intervention (its next date is `nextDate`). */
export const interventionFollowUpChangeSchema = z.strictObject({
  responsibleId: interventionFields.responsibleId,
  purpose: interventionFields.purpose,
  endDate: interventionFields.endDate,
  frequency: interventionFields.frequency,
  status: interventionFields.status,
  costOre: interventionFields.costOre,
  schedule: interventionFields.schedule,
});

export const interventionFollowUpSchema = z
  .strictObject({ ...baseFields, change: interventionFollowUpChangeSchema.optional() })
  .superRefine(checkCodeRules)
  .meta({ id: 'InterventionFollowUp' });
export type InterventionFollowUpInput = z.infer<typeof interventionFollowUpSchema>;

/** What may change within the frame of a sub-goal (its GAS level is scored, not changed). */
export const subGoalFollowUpChangeSchema = z.strictObject({
  title: textLine(500).optional(),
  measure: optionalFreeText(1000),
  targetDate: isoDate.nullable().optional(),
  gasWeight: gasWeightSchema.optional(),
});

export const subGoalFollowUpSchema = z
  .strictObject({
    ...baseFields,
    gasLevel: gasLevelSchema.optional().describe('The GAS level scored at the follow-up'),
    change: subGoalFollowUpChangeSchema.optional(),
  })
  .superRefine(checkCodeRules)
  .meta({ id: 'SubGoalFollowUp' });
export type SubGoalFollowUpInput = z.infer<typeof subGoalFollowUpSchema>;

interface FollowUpShape {
  code: FollowUpCode;
  heldOn?: string | undefined;
  reasons?: string | null | undefined;
  nextDate?: string | null | undefined;
  change?: Record<string, unknown> | undefined;
}
