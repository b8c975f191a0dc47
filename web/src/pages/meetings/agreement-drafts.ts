import type { Agreement, AgreementKind } from '../../../../src/domain/meetings/network-meeting.schemas.js';
import type { PresentedPlan } from '../../api/plan.js';

/** An agreement as the record form holds it while it is being written. */
export interface AgreementDraft {
  kind: Exclude<AgreementKind, 'new_intervention'>;
  text: string;
  /** A new sub-goal's title. */
  title: string;
  subGoalId: string;
  interventionId: string;
  /** A sub-goal's new target date, or an intervention's follow-up date. */
  date: string;
  /** An intervention's new frequency. */
  frequency: string;
}

export const EMPTY_DRAFT: AgreementDraft = {
  kind: 'new_sub_goal',
  text: '',
  title: '',
  subGoalId: '',
  interventionId: '',
  date: '',
  frequency: '',
};

/** A draft as the API takes it; null while it lacks what its kind needs. */
export function agreementOf(draft: AgreementDraft): Agreement | null {
  const text = draft.text.trim();
  if (!text) return null;
  switch (draft.kind) {
    case 'new_sub_goal':
      return draft.title.trim()
        ? {
            kind: 'new_sub_goal',
            text,
            subGoal: { title: draft.title.trim(), ...(draft.date ? { targetDate: draft.date } : {}) },
          }
        : null;
    case 'change_sub_goal':
      return draft.subGoalId && draft.date
        ? { kind: 'change_sub_goal', text, subGoalId: draft.subGoalId, change: { targetDate: draft.date } }
        : null;
    case 'change_intervention':
      return draft.interventionId && draft.frequency.trim()
        ? {
            kind: 'change_intervention',
            text,
            interventionId: draft.interventionId,
            change: { frequency: draft.frequency.trim() },
          }
        : null;
    case 'follow_up':
      return draft.interventionId && draft.date
        ? { kind: 'follow_up', text, interventionId: draft.interventionId, followUpDate: draft.date }
        : null;
  }
}

/** The plan's running interventions as choices: what they are (if the viewer may see it) and whose. */
export function interventionChoices(plan: PresentedPlan): { value: string; label: string }[] {
  return plan.sectors
    .flatMap((group) => group.interventions)
    .filter((item) => item.status !== 'ended')
    .map((item) => ({
      value: item.id,
      label: `${'name' in item.type ? item.type.name : item.type.category} (${item.unit.name})`,
    }));
}
