import { type FormEvent, type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnits } from '../../api/catalogue.js';
import { useCreateReferral } from '../../api/referrals.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { ErrorSummary } from '../../components/form/ErrorSummary.js';
import { FormActions, SelectField, TextField } from '../../components/form/Fields.js';
import type { FieldErrors } from '../../components/form/form-errors.js';
import { useFormErrors } from '../../components/form/useFormErrors.js';
import { useFocusOnOpen } from '../../components/form/useFocusOnOpen.js';
import { useShowSuccess } from '../../components/SuccessAlert.js';
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
  const fieldErrors = useFormErrors();
  const showSuccess = useShowSuccess();
  const labels = {
    toUnitId: t('referrals.new.unit'),
    subGoalId: t('referrals.new.subGoal'),
    reason: t('referrals.new.message'),
  };

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const problems: FieldErrors = {};
    if (unitId === '') problems.toUnitId = t('referrals.new.unitMissing');
    if (reason.trim() === '') problems.reason = t('coordination.common.reasonRequired');
    if (fieldErrors.check(problems)) return;
    create.mutate(
      { toUnitId: unitId, reason: reason.trim(), ...(subGoalId ? { subGoalId } : {}) },
      {
        onSuccess: () => {
          showSuccess(t('referrals.new.sent'));
          onDone();
        },
        onError: (error) => fieldErrors.fromServer(error),
      },
    );
  };
  const errors = fieldErrors.errors;

  return (
    <form className="samspil-edit-panel" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className="h4 samspil-edit-heading" ref={heading} tabIndex={-1}>
        {t('referrals.new.heading')}
      </h3>
      <ErrorSummary
        errors={errors}
        attempt={fieldErrors.attempt}
        targets={{
          toUnitId: { id: `${id}-unit`, label: labels.toUnitId },
          subGoalId: { id: `${id}-sub-goal`, label: labels.subGoalId },
          reason: { id: `${id}-reason`, label: labels.reason },
        }}
      />
      <SelectField
        id={`${id}-unit`}
        label={labels.toUnitId}
        error={errors.toUnitId}
        required
        value={unitId}
        onChange={setUnitId}
        emptyLabel={t('referrals.new.chooseUnit')}
        options={(units.data ?? [])
          .filter((unit) => unit.id !== myUnitId)
          .map((unit) => ({ value: unit.id, label: unit.name }))}
      />
      <SelectField
        id={`${id}-sub-goal`}
        label={labels.subGoalId}
        error={errors.subGoalId}
        value={subGoalId}
        onChange={setSubGoalId}
        emptyLabel={t('referrals.new.noSubGoal')}
        options={subGoals.map((subGoal) => ({ value: subGoal.id, label: subGoal.title }))}
      />
      <TextField
        id={`${id}-reason`}
        label={labels.reason}
        hint={t('referrals.new.messageHint')}
        error={errors.reason}
        required
        multiline
        rows={4}
        maxLength={2000}
        value={reason}
        onChange={setReason}
      />
      {create.error && Object.keys(errors).length === 0 ? <ErrorAlert error={create.error} /> : null}
      <FormActions submitLabel={t('referrals.new.submit')} pending={create.isPending} onCancel={onDone} />
    </form>
  );
}
