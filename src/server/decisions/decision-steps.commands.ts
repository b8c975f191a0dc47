import type { FastifyRequest } from 'fastify';
import type { Selectable, Transaction } from 'kysely';
import { type Actor, type DecisionAct, decideDecisionAct } from '../../domain/access/policy.js';
import { danishToday } from '../../domain/calendar.js';
import type { TeamCaseReturnedData } from '../../domain/coordination/notifications.js';
import {
  appealBlocker,
  appealResultBlocker,
  type DecisionRecord,
  FINALISE_BLOCKER_TEXT,
  finaliseBlockers,
  reconsiderationBlocker,
  reconsiderationDue,
} from '../../domain/decisions/decision-checklist.js';
import type { DecisionView } from '../../domain/decisions/decision.schemas.js';
import type {
  DecisionFinalInput,
  InformalContactInput,
  ReconsiderationInput,
} from '../../domain/decisions/decision-steps.schemas.js';
import {
  appealForUpdate,
  decisionForUpdate,
  decisionUnit,
  insertAppeal,
  responseCount,
  updateAppeal,
  updateDecision,
} from '../../db/queries/decision.queries.js';
import { insertNotifications } from '../../db/queries/notification.queries.js';
import { teamCaseForUpdate, updateTeamCase } from '../../db/queries/team-cases.queries.js';
import type { DB, DecisionTable } from '../../db/schema.js';
import { auditInTransaction } from '../audit/audit-writer.js';
import { auditOrigin } from '../audit/visit.js';
import { authorizeCitizen } from '../auth/citizen-access.js';
import type { AppContext } from '../context.js';
import { Problem, problems } from '../problem.js';
import { decisionRecord } from './decision.presenter.js';
import { checkHearingUntil, listDecisions, remindOfHearing } from './decisions.commands.js';

/**
 * The steps of a decision after its draft (issue 14, item 4), each one transaction: the row is
 * locked, the checklist's rules (src/domain/decisions/decision-checklist.ts) say whether the step
 * may be taken now, the step is written and audited. A rule broken is a 409 naming it (`code`).
 */

/** A 409 that names the rule broken, so the web can say it in the user's language. */
export function ruleProblem(code: string, detail: string): Problem {
  const problem = new Problem(409, 'Conflict', detail);
  problem.extensions = { code };
  return problem;
}

interface StepContext {
  trx: Transaction<DB>;
  row: Selectable<DecisionTable>;
  record: DecisionRecord;
  today: string;
}

interface StepCall {
  context: AppContext;
  request: FastifyRequest;
  actor: Actor;
  citizenId: string;
  decisionId: string;
  now?: Date;
}

/** Authorise the act by the deciding unit, run the step on the locked row, audit it, answer the view. */
async function onDecision(
  call: StepCall,
  act: DecisionAct,
  step: (step: StepContext) => Promise<Record<string, unknown> | undefined>,
): Promise<DecisionView> {
  const { context, request, actor, citizenId, decisionId, now = new Date() } = call;
  const db = context.database.db;
  const resource = `decision:${decisionId}`;
  const unitId = await decisionUnit(db, actor.municipalityId, citizenId, decisionId);
  const { granted } = await authorizeCitizen(
    context,
    request,
    actor,
    citizenId,
    { action: 'update', resource },
    // An unknown decision: let the unit's own staff through to a 404; others are refused as ever.
    (a, access) => decideDecisionAct(a, act, access, unitId ?? (a.kind === 'professional' ? a.unitId : '')),
  );
  const today = danishToday(now);
  await db.transaction().execute(async (trx) => {
    const row = await decisionForUpdate(trx, actor.municipalityId, citizenId, decisionId);
    if (!row) throw problems.notFound('The decision');
    const appeal = await appealForUpdate(trx, actor.municipalityId, decisionId);
    const record = decisionRecord(
      row,
      await responseCount(trx, actor.municipalityId, decisionId),
      appeal ?? null,
    );
    const details = await step({ trx, row, record, today });
    await auditInTransaction(trx, {
      actor,
      citizenId,
      action: 'update',
      resource,
      outcome: 'allowed',
      ...auditOrigin(request),
      details: { step: act, ...details },
    });
  });
  const [decision] = await listDecisions(context, actor, granted.basis, citizenId, now, decisionId);
  if (!decision) throw problems.notFound('The decision');
  return decision;
}

function notFinal(record: DecisionRecord): void {
  if (record.status === 'final')
    throw ruleProblem('decision.already-final', FINALISE_BLOCKER_TEXT['decision.already-final']);
}

function notAfter(field: string, day: string, today: string): void {
  if (day > today) throw problems.field(field, 'must not be in the future');
}

/** The informal contact: planned (a call or a meeting, a day), then held, with its outcome. */
export function recordInformalContact(call: StepCall, input: InformalContactInput): Promise<DecisionView> {
  return onDecision(call, 'record-informal-contact', async ({ trx, row, record, today }) => {
    notFinal(record);
    const outcome = input.outcome?.trim() ? input.outcome : null;
    if (input.heldOn && !outcome) throw problems.field('outcome', 'must say what came of it');
    const heldOn = outcome ? (input.heldOn ?? today) : null;
    if (heldOn) notAfter('heldOn', heldOn, today);
    await updateDecision(trx, row.municipality_id, row.id, {
      informal_contact_kind: input.kind,
      informal_contact_planned_on: input.plannedOn,
      informal_contact_held_on: heldOn,
      informal_contact_outcome: outcome,
    });
    return { contact: input.kind, held: heldOn !== null };
  });
}

/** A draft goes to hearing with her last day to answer. */
export function sendDraftToHearing(call: StepCall, hearingUntil: string): Promise<DecisionView> {
  return onDecision(call, 'send-to-hearing', async ({ trx, row, record, today }) => {
    notFinal(record);
    if (record.status !== 'draft')
      throw ruleProblem('decision.hearing-sent', 'The decision is already in hearing.');
    checkHearingUntil(hearingUntil, today);
    const sentAt = new Date();
    await updateDecision(trx, row.municipality_id, row.id, {
      status: 'hearing',
      hearing_until: hearingUntil,
      hearing_sent_at: sentAt,
    });
    await remindOfHearing(trx, row.municipality_id, row.id, hearingUntil, sentAt);
    return { hearingUntil };
  });
}

/**
 * The final decision. Refused while a rule of the checklist blocks it (a negative decision with
 * no hearing and no reason why none was needed; a hearing still open; the hearing's effect not
 * said). A decision linked to a team case says whether it follows the recommendation; one that
 * departs says why and sends the case back to the team, which hears of it in the inbox.
 */
export function finaliseDecision(call: StepCall, input: DecisionFinalInput): Promise<DecisionView> {
  return onDecision(call, 'finalise', async ({ trx, row, record, today }) => {
    const noHearingReason = input.noHearingReason?.trim() ? input.noHearingReason : null;
    if (record.hearingSent && noHearingReason)
      throw problems.field('noHearingReason', 'is only for a decision made without a hearing');
    const blockers = finaliseBlockers({ ...record, noHearingReason }, today, input.hearingChanges ?? null);
    const [blocker] = blockers;
    if (blocker) throw ruleProblem(blocker, FINALISE_BLOCKER_TEXT[blocker]);
    const departs = await answerTeamCase(call, trx, row, input);
    await updateDecision(trx, row.municipality_id, row.id, {
      status: 'final',
      decided_on: today,
      finalised_by: call.actor.id,
      no_hearing_reason: noHearingReason,
      changed_by_hearing: record.hearingSent ? (input.changedByHearing ?? false) : null,
      hearing_changes: record.hearingSent ? (input.hearingChanges ?? null) : null,
      decision_text: input.decision?.trim() ? input.decision : null,
      reasons_rules: input.reasons.rules,
      reasons_considerations: input.reasons.considerations,
      reasons_facts: input.reasons.facts,
      appeal_body: input.appeal.body,
      appeal_how: input.appeal.how,
      appeal_weeks: input.appeal.weeks,
      departure_reason: departs,
    });
    return {
      hearing: record.hearingSent,
      changedByHearing: input.changedByHearing ?? false,
      departsFromRecommendation: departs !== null,
    };
  });
}

/** The team case's part of a final decision: the departure's reason (the case goes back), or null. */
async function answerTeamCase(
  call: StepCall,
  trx: Transaction<DB>,
  row: Selectable<DecisionTable>,
  input: DecisionFinalInput,
): Promise<string | null> {
  const reason = input.departureReason?.trim() ? input.departureReason : null;
  if (!row.team_case_id) {
    if (input.followsRecommendation !== undefined || reason)
      throw problems.field('followsRecommendation', 'is only for a decision on a team case');
    return null;
  }
  if (input.followsRecommendation === undefined)
    throw problems.field(
      'followsRecommendation',
      'must say whether the decision follows the team’s recommendation',
    );
  const teamCase = await teamCaseForUpdate(trx, row.municipality_id, row.team_case_id);
  if (!teamCase?.recommendation)
    throw ruleProblem('team.no-recommendation', 'The team has not given its recommendation on the case yet.');
  if (input.followsRecommendation) {
    if (reason)
      throw problems.field('departureReason', 'is only for a decision that departs from the recommendation');
    return null;
  }
  if (!reason)
    throw problems.field('departureReason', 'must say why the decision departs from the recommendation');
  await updateTeamCase(trx, row.municipality_id, teamCase.id, {
    status: 'returned',
    returned_reason: reason,
    returned_decision_id: row.id,
    returned_at: new Date(),
  });
  // The team hears of it: who put the case on the list, who recommended, who holds the meeting.
  const recipients = new Set(
    [teamCase.created_by, teamCase.recommended_by, teamCase.meeting_created_by].filter(
      (id): id is string => id !== null && id !== call.actor.id,
    ),
  );
  await insertNotifications(trx, { municipalityId: row.municipality_id, id: call.actor.id }, recipients, {
    citizenId: row.citizen_id,
    kind: 'team-case-returned',
    subjectId: teamCase.team_meeting_id,
    payload: JSON.stringify({
      teamMeetingId: teamCase.team_meeting_id,
      teamCaseId: teamCase.id,
      meeting: teamCase.title,
    } satisfies TeamCaseReturnedData),
  });
  return reason;
}

/** An appeal of a final decision, received on a day; its reconsideration is due 4 weeks later. */
export function recordAppeal(call: StepCall, receivedOn: string): Promise<DecisionView> {
  return onDecision(call, 'record-appeal', async ({ trx, row, record, today }) => {
    const blocker = appealBlocker(record);
    if (blocker === 'decision.not-final')
      throw ruleProblem(blocker, 'Only a final decision can be appealed.');
    if (blocker) throw ruleProblem(blocker, 'The appeal of this decision is recorded already.');
    notAfter('receivedOn', receivedOn, today);
    if (row.decided_on && receivedOn < row.decided_on)
      throw problems.field('receivedOn', 'must not be before the decision was made');
    const due = reconsiderationDue(receivedOn);
    await insertAppeal(trx, {
      municipality_id: row.municipality_id,
      decision_id: row.id,
      citizen_id: row.citizen_id,
      received_on: receivedOn,
      reconsideration_due: due,
      created_by: call.actor.id,
    });
    return { receivedOn, reconsiderationDue: due };
  });
}

/** The municipality's reconsideration: upheld (and forwarded to the appeal body) or changed in her favour. */
export function recordReconsideration(call: StepCall, input: ReconsiderationInput): Promise<DecisionView> {
  return onDecision(call, 'record-reconsideration', async ({ trx, row, record, today }) => {
    const blocker = reconsiderationBlocker(record);
    if (blocker === 'decision.no-appeal')
      throw ruleProblem(blocker, 'No appeal of this decision is recorded.');
    if (blocker) throw ruleProblem(blocker, 'The appeal is reconsidered already.');
    const appeal = record.appeal as NonNullable<DecisionRecord['appeal']>;
    notAfter('reconsideredOn', input.reconsideredOn, today);
    if (input.reconsideredOn < appeal.receivedOn)
      throw problems.field('reconsideredOn', 'must not be before the appeal was received');
    const forwardedOn = input.forwardedOn ?? null;
    if (input.outcome === 'upheld' && !forwardedOn)
      throw problems.field('forwardedOn', 'must give the day the case went to the appeal body');
    if (input.outcome === 'changed' && forwardedOn)
      throw problems.field('forwardedOn', 'is only for a decision upheld and forwarded');
    if (forwardedOn) {
      notAfter('forwardedOn', forwardedOn, today);
      if (forwardedOn < input.reconsideredOn)
        throw problems.field('forwardedOn', 'must not be before the reconsideration');
    }
    await updateAppeal(trx, row.municipality_id, row.id, {
      reconsidered_on: input.reconsideredOn,
      reconsideration_outcome: input.outcome,
      reconsideration_note: input.note?.trim() ? input.note : null,
      forwarded_on: forwardedOn,
    });
    return { outcome: input.outcome, late: input.reconsideredOn > appeal.reconsiderationDue };
  });
}

/** The appeal body's result: upheld, changed, remitted (sent back) or rejected (not tried). */
export function recordAppealResult(
  call: StepCall,
  input: { result: 'upheld' | 'changed' | 'remitted' | 'rejected'; resultOn: string },
): Promise<DecisionView> {
  return onDecision(call, 'record-appeal-result', async ({ trx, row, record, today }) => {
    const blocker = appealResultBlocker(record);
    if (blocker === 'decision.not-forwarded')
      throw ruleProblem(blocker, 'The appeal has not been forwarded to the appeal body.');
    if (blocker) throw ruleProblem(blocker, 'The appeal body’s result is recorded already.');
    notAfter('resultOn', input.resultOn, today);
    const forwardedOn = record.appeal?.forwardedOn as string;
    if (input.resultOn < forwardedOn)
      throw problems.field('resultOn', 'must not be before the case was forwarded');
    await updateAppeal(trx, row.municipality_id, row.id, { result: input.result, result_on: input.resultOn });
    return { result: input.result };
  });
}
