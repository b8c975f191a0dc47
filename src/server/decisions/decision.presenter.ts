import { addDays } from '../../domain/calendar.js';
import {
  checklist,
  type DecisionRecord,
  nextStep,
  reconsiderationOverdue,
} from '../../domain/decisions/decision-checklist.js';
import { type DecisionView, hearingOpen } from '../../domain/decisions/decision.schemas.js';
import type { LegalBasisCode } from '../../domain/organisation/legal-bases.js';
import type { DecisionRow } from '../../db/queries/decision.queries.js';
import type { DecisionTable } from '../../db/schema.js';
import type { Selectable } from 'kysely';

type DecisionTableRow = Pick<
  Selectable<DecisionTable>,
  | 'status'
  | 'negative'
  | 'facts'
  | 'legal_basis'
  | 'informal_contact_kind'
  | 'informal_contact_planned_on'
  | 'informal_contact_held_on'
  | 'informal_contact_outcome'
  | 'hearing_until'
  | 'hearing_sent_at'
  | 'no_hearing_reason'
>;

type AppealColumns = Pick<
  DecisionRow,
  | 'received_on'
  | 'reconsideration_due'
  | 'reconsidered_on'
  | 'reconsideration_outcome'
  | 'forwarded_on'
  | 'result'
>;

/** What the checklist's rules read of a decision's row (and its appeal's, when joined). */
export function decisionRecord(
  row: DecisionTableRow,
  responses: number,
  appeal: Partial<AppealColumns> | null,
): DecisionRecord {
  return {
    status: row.status,
    negative: row.negative,
    facts: row.facts,
    legalBasis: row.legal_basis,
    informalContact: row.informal_contact_kind
      ? {
          kind: row.informal_contact_kind,
          plannedOn: row.informal_contact_planned_on,
          heldOn: row.informal_contact_held_on,
          outcome: row.informal_contact_outcome,
        }
      : null,
    hearingUntil: row.hearing_until,
    // Rows sent to hearing before migration 030 have a last day and no sending time.
    hearingSent: row.hearing_sent_at !== null || (row.status !== 'draft' && row.hearing_until !== null),
    noHearingReason: row.no_hearing_reason,
    responses,
    appeal:
      appeal?.received_on && appeal.reconsideration_due
        ? {
            receivedOn: appeal.received_on,
            reconsiderationDue: appeal.reconsideration_due,
            reconsideredOn: appeal.reconsidered_on ?? null,
            reconsiderationOutcome: appeal.reconsideration_outcome ?? null,
            forwardedOn: appeal.forwarded_on ?? null,
            result: appeal.result ?? null,
          }
        : null,
  };
}

/** A decision as its reader sees it (the caller has decided that the reader may: canSeeDecisions). */
export function presentDecision(
  row: DecisionRow,
  responses: readonly { id: string; kind: 'comment' | 'correction'; text: string; created_at: Date }[],
  today: string,
): DecisionView {
  const record = decisionRecord(row, responses.length, row);
  const final =
    row.status === 'final' && row.decided_on
      ? {
          decidedOn: row.decided_on,
          text: row.decision_text ?? row.proposal,
          changedByHearing: row.changed_by_hearing,
          hearingChanges: row.hearing_changes,
          reasons: {
            rules: row.reasons_rules ?? '',
            considerations: row.reasons_considerations ?? '',
            facts: row.reasons_facts ?? '',
          },
          appeal: {
            body: row.appeal_body ?? '',
            how: row.appeal_how ?? '',
            weeks: row.appeal_weeks ?? 0,
            // Counted from the day of the decision; her own receipt may be later, never earlier.
            until: addDays(row.decided_on, 7 * (row.appeal_weeks ?? 0)),
          },
        }
      : null;
  return {
    id: row.id,
    unit: { id: row.unit_id, name: row.unit_name },
    title: row.title,
    proposal: row.proposal,
    facts: row.facts,
    legalBasis: row.legal_basis as LegalBasisCode,
    negative: row.negative,
    status: row.status,
    hearingUntil: row.hearing_until,
    hearingOpen: hearingOpen(row.status, row.hearing_until, today),
    responses: responses.map((response) => ({
      id: response.id,
      kind: response.kind,
      text: response.text,
      at: response.created_at.toISOString(),
    })),
    createdAt: row.created_at.toISOString(),
    steps: checklist(record, today),
    nextStep: nextStep(record, today),
    informalContact: record.informalContact,
    noHearingReason: row.no_hearing_reason,
    final,
    appeal: record.appeal
      ? {
          ...record.appeal,
          overdue: reconsiderationOverdue(record.appeal, today),
          reconsiderationNote: row.reconsideration_note,
          resultOn: row.result_on,
        }
      : null,
    teamCase:
      row.team_case_id && row.team_meeting_id
        ? {
            id: row.team_case_id,
            meetingId: row.team_meeting_id,
            recommendation: row.recommendation,
            departs: row.departure_reason !== null,
            departureReason: row.departure_reason,
          }
        : null,
  };
}
