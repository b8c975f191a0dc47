import { type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { goalInputSchema } from '../../../plan-schemas.js';
import { usePlanContext } from '../PlanContext.js';
import { EditPanel } from './EditPanel.js';
import { TextField } from '../../../components/form/Fields.js';
import { orNull, validate } from '../../../components/form/form-errors.js';
import { usePlanForm } from './usePlanForm.js';

/** Writes the citizen's own goal in their own words, and the professional wording. */
export function GoalForm({ onDone }: { onDone: () => void }): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const { citizenId, plan, etag } = usePlanContext();
  const [ownWords, setOwnWords] = useState(plan.goal?.ownWords ?? '');
  const [professional, setProfessional] = useState(plan.goal?.professionalWording ?? '');
  const form = usePlanForm({
    citizenId,
    etag,
    onDone,
    build: () => {
      const result = validate(goalInputSchema, { ownWords, professionalWording: orNull(professional) }, t);
      return result.ok ? { request: { method: 'PUT', path: '/goal', body: result.value } } : result;
    },
  });
  const labels = { own: t('plan.goal.ownWordsLabel'), professional: t('plan.goal.professionalWording') };
  return (
    <EditPanel
      title={t('plan.goal.edit')}
      form={form}
      targets={{
        ownWords: { id: `${id}-own`, label: labels.own },
        professionalWording: { id: `${id}-professional`, label: labels.professional },
      }}
      submitLabel={t('form.save')}
      onCancel={onDone}
      conflictRows={() => ({
        mine: [
          { label: labels.own, value: ownWords },
          { label: labels.professional, value: professional },
        ],
        theirs: [
          { label: labels.own, value: form.conflict?.plan.goal?.ownWords ?? '' },
          { label: labels.professional, value: form.conflict?.plan.goal?.professionalWording ?? '' },
        ],
      })}
    >
      <TextField
        id={`${id}-own`}
        label={labels.own}
        hint={t('plan.goal.ownWordsHint')}
        value={ownWords}
        onChange={setOwnWords}
        error={form.errors.ownWords}
        multiline
        required
      />
      <TextField
        id={`${id}-professional`}
        label={labels.professional}
        value={professional}
        onChange={setProfessional}
        error={form.errors.professionalWording}
        multiline
      />
    </EditPanel>
  );
}
