import { addDays, type Day } from '../calendar.js';

/**
 * A decision as a checklist of the legal steps (issue 14, item 4), as pure rules: which step each
 * part of the record is in, which step is next, and what blocks finalising. The errors that make
 * appeals succeed — a negative decision without a hearing, reasons missing, no appeal guidance —
 * are refused here, before anything is written, with a code that names the rule.
 */

/** Reconsideration (genvurdering) after an appeal: 4 weeks, in Danish calendar days. */
export const RECONSIDERATION_DAYS = 28;
/** The appeal deadline in social and employment cases (4 weeks from receiving the decision). */
export const APPEAL_WEEKS = 4;
/** The appeal body in social and employment cases. */
export const APPEAL_BODY = 'Ankestyrelsen';

export const STEP_KEYS = ['draft', 'informal-contact', 'hearing', 'final', 'appeal'] as const;
export type StepKey = (typeof STEP_KEYS)[number];

/**
 * The state of one step: `done`; `open` (to do now); `waiting` (on the citizen or the appeal
 * body); `not-needed` (the record says why); `overdue` (a deadline has passed); `later` (comes
 * after an earlier step); `none` (an optional step not taken, e.g. no appeal).
 */
export type StepState = 'done' | 'open' | 'waiting' | 'not-needed' | 'overdue' | 'later' | 'none';

export type AppealResult = 'upheld' | 'changed' | 'remitted' | 'rejected';
export type ReconsiderationOutcome = 'upheld' | 'changed';

/** What the rules read of a decision: the record, nothing presented. */
export interface DecisionRecord {
  status: 'draft' | 'hearing' | 'final';
  negative: boolean;
  facts: string;
  legalBasis: string;
  informalContact: {
    kind: 'call' | 'meeting';
    plannedOn: Day | null;
    heldOn: Day | null;
    outcome: string | null;
  } | null;
  hearingUntil: Day | null;
  hearingSent: boolean;
  noHearingReason: string | null;
  /** How many answers she gave in the hearing. */
  responses: number;
  appeal: {
    receivedOn: Day;
    reconsiderationDue: Day;
    reconsideredOn: Day | null;
    reconsiderationOutcome: ReconsiderationOutcome | null;
    forwardedOn: Day | null;
    result: AppealResult | null;
  } | null;
}

export interface ChecklistStep {
  key: StepKey;
  state: StepState;
}

/** Why a decision cannot be finalised: codes the API answers with and the web says in words. */
export const FINALISE_BLOCKERS = [
  'decision.already-final',
  'decision.hearing-required',
  'decision.hearing-open',
  'decision.hearing-changes-required',
] as const;
export type FinaliseBlocker = (typeof FINALISE_BLOCKERS)[number];

/** The same blockers in words (English; the problem's detail), for the API. */
export const FINALISE_BLOCKER_TEXT: Record<FinaliseBlocker, string> = {
  'decision.already-final': 'The decision is final and cannot change.',
  'decision.hearing-required':
    'A decision with negative consequences needs a hearing (forvaltningsloven § 19) before it is made, unless the record says why none is needed.',
  'decision.hearing-open': 'The hearing is open: wait for the citizen’s answer or for its last day to pass.',
  'decision.hearing-changes-required':
    'Say what the hearing changed (or that it changed nothing, and why) before the decision is made.',
};

/** Whether the hearing has ended on `today`: its last day has passed, or she has answered. */
export function hearingDone(record: DecisionRecord, today: Day): boolean {
  if (!record.hearingSent || record.hearingUntil === null) return false;
  return today > record.hearingUntil || record.responses > 0;
}

/** The last day of the reconsideration of an appeal received on `receivedOn`. */
export function reconsiderationDue(receivedOn: Day): Day {
  return addDays(receivedOn, RECONSIDERATION_DAYS);
}

/** Whether the reconsideration is overdue on `today`: not made and past its last day. */
export function reconsiderationOverdue(appeal: DecisionRecord['appeal'], today: Day): boolean {
  return appeal !== null && appeal.reconsideredOn === null && today > appeal.reconsiderationDue;
}

/**
 * What blocks finalising the decision now, given what the final decision says about the hearing
 * (`hearingChanges`: what changed because of it, or why nothing did). Empty: it may be finalised.
 */
export function finaliseBlockers(
  record: DecisionRecord,
  today: Day,
  hearingChanges: string | null = null,
): FinaliseBlocker[] {
  if (record.status === 'final') return ['decision.already-final'];
  const blockers: FinaliseBlocker[] = [];
  if (!record.hearingSent) {
    if (record.negative && !record.noHearingReason?.trim()) blockers.push('decision.hearing-required');
    return blockers;
  }
  if (!hearingDone(record, today)) blockers.push('decision.hearing-open');
  if (!hearingChanges?.trim()) blockers.push('decision.hearing-changes-required');
  return blockers;
}

function informalState(record: DecisionRecord): StepState {
  const contact = record.informalContact;
  if (contact?.outcome) return 'done';
  if (contact) return 'waiting';
  return record.status === 'draft' ? 'open' : 'none';
}

function hearingState(record: DecisionRecord, today: Day): StepState {
  if (!record.hearingSent) {
    if (record.noHearingReason?.trim()) return 'not-needed';
    if (record.status === 'final') return 'not-needed';
    return 'open';
  }
  return record.status === 'final' || hearingDone(record, today) ? 'done' : 'waiting';
}

function appealState(record: DecisionRecord, today: Day): StepState {
  if (record.status !== 'final') return 'later';
  const appeal = record.appeal;
  if (!appeal) return 'none';
  if (appeal.reconsideredOn === null) return reconsiderationOverdue(appeal, today) ? 'overdue' : 'open';
  if (appeal.reconsiderationOutcome === 'changed' || appeal.result !== null) return 'done';
  return 'waiting';
}

function finalState(record: DecisionRecord, today: Day): StepState {
  if (record.status === 'final') return 'done';
  // What the hearing changed is written with the final decision itself: not a blocker here.
  return finaliseBlockers(record, today, 'given with the decision').length === 0 ? 'open' : 'later';
}

/** Each step's state, in the order of the law. */
export function checklist(record: DecisionRecord, today: Day): ChecklistStep[] {
  return [
    { key: 'draft', state: record.facts.trim() && record.legalBasis ? 'done' : 'open' },
    { key: 'informal-contact', state: informalState(record) },
    { key: 'hearing', state: hearingState(record, today) },
    { key: 'final', state: finalState(record, today) },
    { key: 'appeal', state: appealState(record, today) },
  ];
}

/**
 * The next thing to do on the record, or null when nothing is due (final with no open appeal):
 * - a draft: the informal contact until one is planned, then the hearing (or why none is needed),
 *   then the final decision;
 * - in hearing: the hearing (waiting for her) until it is done, then the final decision;
 * - final: the appeal's reconsideration, then the appeal body's result.
 */
export type NextStep =
  | 'informal-contact'
  | 'informal-outcome'
  | 'hearing'
  | 'await-hearing'
  | 'finalise'
  | 'reconsider'
  | 'appeal-result'
  | null;

export function nextStep(record: DecisionRecord, today: Day): NextStep {
  if (record.status === 'final') {
    const appeal = record.appeal;
    if (!appeal) return null;
    if (appeal.reconsideredOn === null) return 'reconsider';
    if (appeal.reconsiderationOutcome === 'upheld' && appeal.result === null) return 'appeal-result';
    return null;
  }
  if (record.status === 'hearing') return hearingDone(record, today) ? 'finalise' : 'await-hearing';
  if (!record.informalContact) return 'informal-contact';
  if (!record.informalContact.outcome) return 'informal-outcome';
  if (record.negative && !record.noHearingReason?.trim()) return 'hearing';
  return 'finalise';
}

/** Whether an appeal may be recorded: on a final decision, once. */
export function appealBlocker(
  record: DecisionRecord,
): 'decision.not-final' | 'decision.appeal-exists' | null {
  if (record.status !== 'final') return 'decision.not-final';
  return record.appeal ? 'decision.appeal-exists' : null;
}

/** What blocks recording the reconsideration: an appeal received and not yet reconsidered. */
export function reconsiderationBlocker(
  record: DecisionRecord,
): 'decision.no-appeal' | 'decision.already-reconsidered' | null {
  if (!record.appeal) return 'decision.no-appeal';
  return record.appeal.reconsideredOn ? 'decision.already-reconsidered' : null;
}

/** What blocks recording the appeal body's result: the appeal forwarded (upheld), no result yet. */
export function appealResultBlocker(
  record: DecisionRecord,
): 'decision.not-forwarded' | 'decision.result-exists' | null {
  if (!record.appeal?.forwardedOn) return 'decision.not-forwarded';
  return record.appeal.result ? 'decision.result-exists' : null;
}
