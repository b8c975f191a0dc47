import { type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { interventionUpdateSchema } from '../../../plan-schemas.js';
import { SelectField, TextField } from '../../../components/form/Fields.js';
import { validate } from '../../../components/form/form-errors.js';
import { usePlanContext } from '../PlanContext.js';
import { EditPanel } from './EditPanel.js';
import { usePlanForm } from './usePlanForm.js';

interface ProposalFormProps {
  interventionId: string;
  /** The unit that owns the intervention and will answer. */
  ownerName: string;
  onDone: () => void;
}

/**
 * Proposes a change to another unit's intervention: the proposal goes to that unit's inbox,
 * which accepts (and so makes the change) or declines it. Only what is filled in is proposed.
 */
export function ProposalForm({ interventionId, ownerName, onDone }: ProposalFormProps): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const { citizenId, etag } = usePlanContext();
  const [values, setValues] = useState({ status: '', followUpDate: '', endDate: '', frequency: '' });
  const [comment, setComment] = useState('');
  const set = (field: keyof typeof values) => (value: string) =>
    setValues((previous) => ({ ...previous, [field]: value }));
  const form = usePlanForm({
    citizenId,
    etag,
    onDone,
    build: () => {
      const change = Object.fromEntries(Object.entries(values).filter(([, value]) => value.trim() !== ''));
      if (Object.keys(change).length === 0) return { errors: { status: t('ownership.nothingProposed') } };
      const result = validate(interventionUpdateSchema, change, t);
      if (!result.ok) return result;
      const body = comment.trim()
        ? { change: result.value, comment: comment.trim() }
        : { change: result.value };
      return {
        request: { method: 'POST', path: `/interventions/${interventionId}/proposals`, body },
      };
    },
  });
  return (
    <EditPanel
      title={t('ownership.proposeTitle', { unit: ownerName })}
      form={form}
      targets={{
        status: { id: `${id}-status`, label: t('plan.interventions.status') },
        followUpDate: { id: `${id}-follow-up`, label: t('plan.interventions.followUp') },
        endDate: { id: `${id}-end`, label: t('form.endDate') },
        frequency: { id: `${id}-frequency`, label: t('plan.interventions.frequency') },
        comment: { id: `${id}-comment`, label: t('ownership.comment') },
      }}
      submitLabel={t('ownership.proposeSubmit')}
      onCancel={onDone}
    >
      <p className="samspil-small">{t('ownership.proposeIntro', { unit: ownerName })}</p>
      <div className="samspil-form-row">
        <SelectField
          id={`${id}-status`}
          label={t('plan.interventions.status')}
          value={values.status}
          onChange={set('status')}
          emptyLabel={t('ownership.unchanged')}
          error={form.errors.status}
          options={(['planned', 'active', 'paused'] as const).map((status) => ({
            value: status,
            label: t(`plan.interventionStatus.${status}`),
          }))}
        />
        <TextField
          id={`${id}-follow-up`}
          label={t('plan.interventions.followUp')}
          type="date"
          value={values.followUpDate}
          onChange={set('followUpDate')}
          error={form.errors.followUpDate}
        />
        <TextField
          id={`${id}-end`}
          label={t('form.endDate')}
          type="date"
          value={values.endDate}
          onChange={set('endDate')}
          error={form.errors.endDate}
        />
      </div>
      <TextField
        id={`${id}-frequency`}
        label={t('plan.interventions.frequency')}
        value={values.frequency}
        onChange={set('frequency')}
        error={form.errors.frequency}
      />
      <TextField
        id={`${id}-comment`}
        label={t('ownership.comment')}
        hint={t('ownership.commentHint')}
        value={comment}
        onChange={setComment}
        error={form.errors.comment}
        multiline
      />
    </EditPanel>
  );
}
