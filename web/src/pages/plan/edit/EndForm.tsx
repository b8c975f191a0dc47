import type { PresentedPlan } from '../../../api/plan.js';
import { type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endSchema } from '../../../plan-schemas.js';
import { usePlanContext } from '../PlanContext.js';
import type { ConflictRow } from './ConflictView.js';
import { EditPanel } from './EditPanel.js';
import { TextField } from '../../../components/form/Fields.js';
import { validate } from '../../../components/form/form-errors.js';
import { usePlanForm } from './usePlanForm.js';

interface EndFormProps {
  title: string;
  /** Below the plan, e.g. `/interventions/{id}/end`. */
  path: string;
  withEndDate?: boolean;
  /** The button's word; "Afslut" by default (a declined proposal says "Afvis"). */
  submitLabel?: string;
  /** The item as it is now, for the conflict view. */
  theirs: (plan: PresentedPlan) => ConflictRow[];
  onDone: () => void;
}

/** Ends a sub-goal, intervention or team membership — always with a reason, never a deletion. */
export function EndForm({
  title,
  path,
  withEndDate = false,
  submitLabel,
  theirs,
  onDone,
}: EndFormProps): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const { citizenId, etag } = usePlanContext();
  const [reason, setReason] = useState('');
  const [endDate, setEndDate] = useState('');
  const form = usePlanForm({
    citizenId,
    etag,
    onDone,
    build: () => {
      const input = withEndDate && endDate ? { reason, endDate } : { reason };
      const result = validate(endSchema, input, t);
      return result.ok ? { request: { method: 'POST', path, body: result.value } } : result;
    },
  });
  return (
    <EditPanel
      title={title}
      form={form}
      targets={{
        reason: { id: `${id}-reason`, label: t('form.endReason') },
        endDate: { id: `${id}-end-date`, label: t('form.endDate') },
      }}
      submitLabel={submitLabel ?? t('form.end')}
      onCancel={onDone}
      conflictRows={() => ({
        mine: [{ label: t('form.endReason'), value: reason }],
        theirs: form.conflict ? theirs(form.conflict.plan) : [],
      })}
    >
      <TextField
        id={`${id}-reason`}
        label={t('form.endReason')}
        hint={t('form.endReasonHint')}
        value={reason}
        onChange={setReason}
        error={form.errors.reason}
        multiline
        required
      />
      {withEndDate ? (
        <TextField
          id={`${id}-end-date`}
          label={t('form.endDate')}
          hint={t('form.endDateHint')}
          type="date"
          value={endDate}
          onChange={setEndDate}
          error={form.errors.endDate}
        />
      ) : null}
    </EditPanel>
  );
}
