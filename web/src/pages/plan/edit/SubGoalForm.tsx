import { type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubGoalView } from '../../../domain.js';
import { formatDate } from '../../../i18n/format.js';
import { useLanguage } from '../../../i18n/useLanguage.js';
import { GAS_LEVELS, subGoalCreateSchema, subGoalUpdateSchema } from '../../../plan-schemas.js';
import { gasLabel } from '../GasScale.js';
import { usePlanContext } from '../PlanContext.js';
import type { ConflictRow } from './ConflictView.js';
import { EditPanel } from './EditPanel.js';
import { SelectField, TextField } from '../../../components/form/Fields.js';
import { orNull, validate } from '../../../components/form/form-errors.js';
import { usePlanForm } from './usePlanForm.js';

/** Adds a sub-goal, or changes one (title, measure, target date, GAS level and weight, achieved). */
export function SubGoalForm({
  subGoal,
  onDone,
}: {
  subGoal?: SubGoalView;
  onDone: (result: { id: string }) => void;
}): ReactElement {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const { citizenId, etag } = usePlanContext();
  const [title, setTitle] = useState(subGoal?.title ?? '');
  const [measure, setMeasure] = useState(subGoal?.measure ?? '');
  const [targetDate, setTargetDate] = useState(subGoal?.targetDate ?? '');
  const [gas, setGas] = useState(subGoal?.gasLevel === null || !subGoal ? '' : String(subGoal.gasLevel));
  const [weight, setWeight] = useState(String(subGoal?.gasWeight ?? 1));
  const [status, setStatus] = useState<'active' | 'achieved'>(
    subGoal?.status === 'achieved' ? 'achieved' : 'active',
  );
  const form = usePlanForm({
    citizenId,
    etag,
    onDone,
    build: () => {
      // A weight is a whole number 1–100 (gasWeightSchema); said here in the form's own words.
      const gasWeight = /^\d{1,3}$/.test(weight.trim()) ? Number(weight.trim()) : Number.NaN;
      if (!(gasWeight >= 1 && gasWeight <= 100))
        return { errors: { gasWeight: t('measures.weight.invalid') } };
      const fields = {
        title,
        measure: orNull(measure),
        targetDate: orNull(targetDate),
        gasLevel: gas === '' ? null : Number(gas),
        gasWeight,
      };
      if (!subGoal) {
        const result = validate(subGoalCreateSchema, fields, t);
        return result.ok ? { request: { method: 'POST', path: '/sub-goals', body: result.value } } : result;
      }
      const result = validate(subGoalUpdateSchema, { ...fields, status }, t);
      return result.ok
        ? { request: { method: 'PATCH', path: `/sub-goals/${subGoal.id}`, body: result.value } }
        : result;
    },
  });
  const labels = {
    title: t('plan.subGoals.titleLabel'),
    measure: t('plan.subGoals.measure'),
    targetDate: t('plan.subGoals.targetDate'),
    gas: t('plan.subGoals.gas'),
    weight: t('measures.weight.label'),
  };
  const describe = (value: {
    title: string;
    measure: string | null;
    targetDate: string | null;
    gasLevel: number | null;
  }): ConflictRow[] => [
    { label: labels.title, value: value.title },
    { label: labels.measure, value: value.measure ?? '' },
    { label: labels.targetDate, value: value.targetDate ? formatDate(value.targetDate, language) : '' },
    { label: labels.gas, value: value.gasLevel === null ? '' : gasLabel(value.gasLevel) },
  ];
  return (
    <EditPanel
      title={subGoal ? t('plan.subGoals.edit', { title: subGoal.title }) : t('plan.subGoals.add')}
      form={form}
      targets={{
        title: { id: `${id}-title`, label: labels.title },
        measure: { id: `${id}-measure`, label: labels.measure },
        targetDate: { id: `${id}-target`, label: labels.targetDate },
        gasLevel: { id: `${id}-gas`, label: labels.gas },
        gasWeight: { id: `${id}-weight`, label: labels.weight },
        status: { id: `${id}-status`, label: t('plan.subGoals.status') },
      }}
      submitLabel={subGoal ? t('form.save') : t('plan.subGoals.addSubmit')}
      onCancel={() => onDone({ id: '' })}
      conflictRows={() => {
        const current = form.conflict?.plan.subGoals.find((item) => item.id === subGoal?.id);
        return {
          mine: describe({
            title,
            measure: orNull(measure),
            targetDate: orNull(targetDate),
            gasLevel: gas === '' ? null : Number(gas),
          }),
          theirs: current
            ? describe(current)
            : (form.conflict?.plan.subGoals ?? []).map((item) => ({
                label: t('plan.subGoals.heading'),
                value: item.title,
              })),
        };
      }}
    >
      <TextField
        id={`${id}-title`}
        label={labels.title}
        value={title}
        onChange={setTitle}
        error={form.errors.title}
        required
      />
      <TextField
        id={`${id}-measure`}
        label={labels.measure}
        hint={t('plan.subGoals.measureHint')}
        value={measure}
        onChange={setMeasure}
        error={form.errors.measure}
      />
      <div className="samspil-form-row">
        <TextField
          id={`${id}-target`}
          label={labels.targetDate}
          type="date"
          value={targetDate}
          onChange={setTargetDate}
          error={form.errors.targetDate}
        />
        <SelectField
          id={`${id}-gas`}
          label={labels.gas}
          value={gas}
          onChange={setGas}
          emptyLabel={t('plan.gas.notRated')}
          error={form.errors.gasLevel}
          options={GAS_LEVELS.map((level) => ({
            value: String(level),
            label: `${gasLabel(level)}: ${t(`plan.gas.level.${level}`)}`,
          }))}
        />
        <TextField
          id={`${id}-weight`}
          label={labels.weight}
          hint={t('measures.weight.hint')}
          value={weight}
          onChange={setWeight}
          error={form.errors.gasWeight}
          required
        />
        {subGoal ? (
          <SelectField
            id={`${id}-status`}
            label={t('plan.subGoals.status')}
            value={status}
            onChange={(value) => setStatus(value === 'achieved' ? 'achieved' : 'active')}
            error={form.errors.status}
            options={[
              { value: 'active', label: t('plan.subGoalStatus.active') },
              { value: 'achieved', label: t('plan.subGoalStatus.achieved') },
            ]}
          />
        ) : null}
      </div>
    </EditPanel>
  );
}
