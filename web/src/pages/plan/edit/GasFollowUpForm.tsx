import { type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeasureResponse } from '../../../api/measures.js';
import { SelectField, TextField } from '../../../components/form/Fields.js';
import type { FieldErrors } from '../../../components/form/form-errors.js';
import { GAS_LEVELS } from '../../../plan-schemas.js';
import { gasLabel } from '../GasScale.js';
import { usePlanContext } from '../PlanContext.js';
import { EditPanel } from './EditPanel.js';
import { type PlanRequest, usePlanForm } from './usePlanForm.js';

const SCORERS: readonly MeasureResponse['respondent'][] = [
  'professional',
  'citizen',
  'relative',
  'independent-assessor',
];

/**
 * Records a GAS follow-up of an active sub-goal: its level now (also when it has not moved) and
 * who gave the score, as a plan change (POST …/sub-goals/{id}/gas-follow-ups).
 */
export function GasFollowUpForm({ onDone }: { onDone: (result: { id: string }) => void }): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const { citizenId, etag, plan } = usePlanContext();
  const active = plan.subGoals.filter((goal) => goal.status === 'active');
  const [subGoalId, setSubGoalId] = useState(active[0]?.id ?? '');
  const [level, setLevel] = useState('');
  const [scorer, setScorer] = useState<string>('professional');
  const [note, setNote] = useState('');
  const labels = {
    subGoalId: t('measures.followUp.subGoal'),
    gasLevel: t('measures.followUp.level'),
    scorer: t('measures.column.scorer'),
    note: t('measures.followUp.note'),
  };
  const form = usePlanForm({
    citizenId,
    etag,
    onDone,
    build: (): { request: PlanRequest } | { errors: FieldErrors } => {
      const errors: FieldErrors = {};
      if (subGoalId === '') errors.subGoalId = t('form.errors.required');
      if (level === '') errors.gasLevel = t('form.errors.required');
      if (Object.keys(errors).length > 0) return { errors };
      return {
        request: {
          method: 'POST',
          path: `/sub-goals/${subGoalId}/gas-follow-ups`,
          body: { gasLevel: Number(level), scorer, ...(note.trim() ? { note: note.trim() } : {}) },
        },
      };
    },
  });
  return (
    <EditPanel
      title={t('measures.followUp.title')}
      form={form}
      targets={{
        subGoalId: { id: `${id}-goal`, label: labels.subGoalId },
        gasLevel: { id: `${id}-level`, label: labels.gasLevel },
        scorer: { id: `${id}-scorer`, label: labels.scorer },
        note: { id: `${id}-note`, label: labels.note },
      }}
      submitLabel={t('measures.followUp.submit')}
      onCancel={() => onDone({ id: '' })}
    >
      <SelectField
        id={`${id}-goal`}
        label={labels.subGoalId}
        value={subGoalId}
        onChange={setSubGoalId}
        error={form.errors.subGoalId}
        options={active.map((goal) => ({ value: goal.id, label: goal.title }))}
      />
      <div className="samspil-form-row">
        <SelectField
          id={`${id}-level`}
          label={labels.gasLevel}
          value={level}
          onChange={setLevel}
          emptyLabel={t('measures.followUp.chooseLevel')}
          error={form.errors.gasLevel}
          options={GAS_LEVELS.map((value) => ({
            value: String(value),
            label: `${gasLabel(value)}: ${t(`plan.gas.level.${value}`)}`,
          }))}
        />
        <SelectField
          id={`${id}-scorer`}
          label={labels.scorer}
          value={scorer}
          onChange={setScorer}
          error={form.errors.scorer}
          options={SCORERS.map((kind) => ({ value: kind, label: t(`measures.scorer.${kind}`) }))}
        />
      </div>
      <TextField
        id={`${id}-note`}
        label={labels.note}
        value={note}
        onChange={setNote}
        error={form.errors.note}
        multiline
      />
    </EditPanel>
  );
}
