import { type FormEvent, type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnits } from '../../api/useCatalogue.js';
import { useCreateReferral } from '../../api/useCreateReferral.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { FormActions, SelectField, TextField } from '../../components/form/Fields.js';
import { useFocusOnOpen } from '../../components/form/useFocusOnOpen.js';
import type { SubGoalView } from '../../domain.js';

interface NewReferralFormProps {
  citizenId: string;
  subGoals: readonly SubGoalView[];
  myUnitId: string | null;
  onDone: () => void;
}

/** Asks another unit to start an intervention for one of the citizen's sub-goals. */
export function NewReferralForm({
  citizenId,
  subGoals,
  myUnitId,
  onDone,
}: NewReferralFormProps): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const heading = useFocusOnOpen<HTMLHeadingElement>();
  const units = useUnits();
  const create = useCreateReferral(citizenId);
  const [unitId, setUnitId] = useState('');
  const [subGoalId, setSubGoalId] = useState('');
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState<{ unit: boolean; reason: boolean }>({ unit: false, reason: false });

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const problems = { unit: unitId === '', reason: reason.trim() === '' };
    setInvalid(problems);
    if (problems.unit || problems.reason) return;
    create.mutate(
      { toUnitId: unitId, reason: reason.trim(), ...(subGoalId ? { subGoalId } : {}) },
      { onSuccess: onDone },
    );
  };

  return (
    <form className="samspil-edit-panel" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="h4 samspil-edit-heading" ref={heading} tabIndex={-1}>
        {t('referrals.new.heading')}
      </h3>
      <SelectField
        id={`${id}-unit`}
        label={t('referrals.new.unit')}
        error={invalid.unit ? t('referrals.new.unitMissing') : undefined}
        alert
        value={unitId}
        onChange={setUnitId}
        emptyLabel={t('referrals.new.chooseUnit')}
        options={(units.data ?? [])
          .filter((unit) => unit.id !== myUnitId)
          .map((unit) => ({ value: unit.id, label: unit.name }))}
      />
      <SelectField
        id={`${id}-sub-goal`}
        label={t('referrals.new.subGoal')}
        value={subGoalId}
        onChange={setSubGoalId}
        emptyLabel={t('referrals.new.noSubGoal')}
        options={subGoals.map((subGoal) => ({ value: subGoal.id, label: subGoal.title }))}
      />
      <TextField
        id={`${id}-reason`}
        label={t('referrals.new.message')}
        hint={t('referrals.new.messageHint')}
        error={invalid.reason ? t('coordination.common.reasonRequired') : undefined}
        alert
        required
        multiline
        rows={4}
        maxLength={2000}
        value={reason}
        onChange={setReason}
      />
      {create.error ? <ErrorAlert error={create.error} /> : null}
      <FormActions submitLabel={t('referrals.new.submit')} pending={create.isPending} onCancel={onDone} />
    </form>
  );
}
