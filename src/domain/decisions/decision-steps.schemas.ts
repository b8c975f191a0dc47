import { z } from 'zod';
import { freeText, isoDate, optionalFreeText, textLine } from '../common/text.schemas.js';
import { APPEAL_BODY, APPEAL_WEEKS, STEP_KEYS } from './decision-checklist.js';

/**
 * The steps of a decision after the draft (issue 14, item 4): the informal contact, sending a
 * draft to hearing, the final decision with its reasons and appeal guidance, and the appeal.
 * Requests and the parts of the decision's view they fill.
 */

export const INFORMAL_CONTACT_KINDS = ['call', 'meeting'] as const;
export const RECONSIDERATION_OUTCOMES = ['upheld', 'changed'] as const;
export const APPEAL_RESULTS = ['upheld', 'changed', 'remitted', 'rejected'] as const;
export const NEXT_STEPS = [
  'informal-contact',
  'informal-outcome',
  'hearing',
  'await-hearing',
  'finalise',
  'reconsider',
  'appeal-result',
] as const;
export const STEP_STATES = ['done', 'open', 'waiting', 'not-needed', 'overdue', 'later', 'none'] as const;

/** The informal contact: planned (kind and day), then held with its outcome. */
export const informalContactSchema = z
  .strictObject({
    kind: z.enum(INFORMAL_CONTACT_KINDS, { error: 'must be "call" or "meeting"' }),
    plannedOn: isoDate.describe('The day of the call or meeting'),
    heldOn: isoDate.nullable().optional().describe('The day it took place, with its outcome'),
    outcome: optionalFreeText(4000).describe('What came of it, in a few words'),
  })
  .meta({ id: 'DecisionInformalContact' });
export type InformalContactInput = z.infer<typeof informalContactSchema>;

/** A draft sent to hearing, with her last day to answer. */
export const hearingSendSchema = z
  .strictObject({ hearingUntil: isoDate.describe('The last day she can answer (a Danish calendar day)') })
  .meta({ id: 'DecisionHearingSend' });

/** The final decision: what the hearing changed, the reasons (§§ 22–24) and the appeal guidance (§ 25). */
export const decisionFinalSchema = z
  .strictObject({
    noHearingReason: optionalFreeText(2000).describe(
      'Why no hearing was needed (e.g. she gets everything she asked for); only without a hearing',
    ),
    changedByHearing: z.boolean().optional().describe('Whether the hearing changed the decision'),
    hearingChanges: optionalFreeText(4000).describe('What the hearing changed, or why it changed nothing'),
    decision: optionalFreeText(4000).describe('The decision as made, if it differs from the proposal'),
    reasons: z.strictObject({
      rules: freeText(4000).describe('The rules applied (§ 24, stk. 1)'),
      considerations: freeText(4000).describe('The main considerations where there was discretion'),
      facts: freeText(4000).describe('The facts given weight (§ 24, stk. 2)'),
    }),
    appeal: z
      .strictObject({
        body: textLine(200).default(APPEAL_BODY).describe('Who decides an appeal'),
        how: freeText(2000).describe('How she appeals, in plain words'),
        weeks: z.number().int().min(1).max(52).default(APPEAL_WEEKS).describe('The deadline in weeks'),
      })
      .describe('Appeal guidance (§ 25): the appeal body, how, and the deadline'),
    followsRecommendation: z
      .boolean()
      .optional()
      .describe('With a team case: whether the decision follows the team’s recommendation'),
    departureReason: optionalFreeText(2000).describe(
      'Why the decision departs from the team’s recommendation (sends the case back to the team)',
    ),
  })
  .meta({ id: 'DecisionFinal' });
export type DecisionFinalInput = z.infer<typeof decisionFinalSchema>;

export const appealCreateSchema = z
  .strictObject({ receivedOn: isoDate.describe('The day the appeal was received') })
  .meta({ id: 'DecisionAppealCreate' });

export const reconsiderationSchema = z
  .strictObject({
    reconsideredOn: isoDate,
    outcome: z.enum(RECONSIDERATION_OUTCOMES, { error: 'must be "upheld" or "changed"' }),
    note: optionalFreeText(4000),
    forwardedOn: isoDate.nullable().optional().describe('Upheld: the day the case went to the appeal body'),
  })
  .meta({ id: 'DecisionReconsideration' });
export type ReconsiderationInput = z.infer<typeof reconsiderationSchema>;

export const appealResultSchema = z
  .strictObject({
    result: z.enum(APPEAL_RESULTS, { error: 'must be upheld, changed, remitted or rejected' }),
    resultOn: isoDate,
  })
  .meta({ id: 'DecisionAppealResult' });

/** The checklist's part of a decision's view. */
export const decisionStepsSchema = z.object({
  steps: z.array(z.object({ key: z.enum(STEP_KEYS), state: z.enum(STEP_STATES) })),
  nextStep: z.enum(NEXT_STEPS).nullable(),
  informalContact: z
    .object({
      kind: z.enum(INFORMAL_CONTACT_KINDS),
      plannedOn: z.string().nullable(),
      heldOn: z.string().nullable(),
      outcome: z.string().nullable(),
    })
    .nullable(),
  noHearingReason: z.string().nullable(),
  final: z
    .object({
      decidedOn: z.string(),
      text: z.string().describe('The decision as made'),
      changedByHearing: z.boolean().nullable(),
      hearingChanges: z.string().nullable(),
      reasons: z.object({ rules: z.string(), considerations: z.string(), facts: z.string() }),
      appeal: z.object({ body: z.string(), how: z.string(), weeks: z.number().int(), until: z.string() }),
    })
    .nullable(),
  appeal: z
    .object({
      receivedOn: z.string(),
      reconsiderationDue: z.string(),
      overdue: z.boolean(),
      reconsideredOn: z.string().nullable(),
      reconsiderationOutcome: z.enum(RECONSIDERATION_OUTCOMES).nullable(),
      reconsiderationNote: z.string().nullable(),
      forwardedOn: z.string().nullable(),
      result: z.enum(APPEAL_RESULTS).nullable(),
      resultOn: z.string().nullable(),
    })
    .nullable(),
  teamCase: z
    .object({
      id: z.uuid(),
      meetingId: z.uuid(),
      recommendation: z.string().nullable(),
      departs: z.boolean(),
      departureReason: z.string().nullable(),
    })
    .nullable()
    .describe('The team case whose recommendation the decision follows or departs from'),
});
