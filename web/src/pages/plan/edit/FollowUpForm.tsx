import { type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/form/Fields.js';
import { dateError } from '../../../components/form/form-errors.js';
import { formatDate } from '../../../i18n/format.js';
import { danishToday } from '../../../../../src/domain/calendar.js';
import { useLanguage } from '../../../i18n/useLanguage.js';
import { usePlanContext } from '../PlanContext.js';
import { EditPanel } from './EditPanel.js';
import { usePlanForm } from './usePlanForm.js';

/**
 * Records a follow-up of an intervention (the owning unit's): the follow-up was held, and the
 * next one is set. A date before today would leave it overdue, so the form asks for today or later.
 */
export function FollowUpForm({
  interventionId,
  name,
  onDone,
}: {
  interventionId: string;
  name: string;
  onDone: (result: { id: string }) => void;
}): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const { citizenId, etag } = usePlanContext();
  const today = danishToday();
  const [next, setNext] = useState('');
  const label = t('plan.followUp.nextLabel');
  const form = usePlanForm({
    citizenId,
    etag,
    onDone,
    build: () => {
      if (next === '') return { errors: { followUpDate: t('plan.followUp.dateRequired') } };
      const wrong = dateError(next, t, { required: true, min: today });
      if (wrong) return { errors: { followUpDate: wrong } };
      return {
        request: { method: 'PATCH', path: `/interventions/${interventionId}`, body: { followUpDate: next } },
      };
    },
  });
  return (
    <EditPanel
      title={t('plan.followUp.title', { name })}
      form={form}
      targets={{ followUpDate: { id: `${id}-next`, label } }}
      submitLabel={t('plan.followUp.submit')}
      onCancel={() => onDone({ id: '' })}
      conflictRows={() => {
        const current = form.conflict?.plan.sectors
          .flatMap((group) => group.interventions)
          .find((item) => item.id === interventionId);
        const theirs = current && 'followUpDate' in current ? current.followUpDate : null;
        return {
          mine: [{ label, value: next ? formatDate(next, language) : '' }],
          theirs: [{ label, value: theirs ? formatDate(theirs, language) : '' }],
        };
      }}
    >
      <TextField
        id={`${id}-next`}
        label={label}
        hint={t('plan.followUp.nextHint')}
        type="date"
        value={next}
        min={today}
        onChange={setNext}
        error={form.errors.followUpDate}
        required
      />
    </EditPanel>
  );
}
