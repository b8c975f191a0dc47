import { type FormEvent, type ReactElement, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnits } from '../../api/useCatalogue.js';
import { useCreateReferral } from '../../api/useCreateReferral.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
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
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened by a button: move focus to the form's heading so keyboard and screen-reader users start there.
  useEffect(() => heading.current?.focus(), []);
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
      <div className={invalid.unit ? 'form-group form-error' : 'form-group'}>
        <label className="form-label" htmlFor={`${id}-unit`}>
          {t('referrals.new.unit')}
        </label>
        {invalid.unit ? (
          <span className="form-error-message" id={`${id}-unit-error`} role="alert">
            {t('referrals.new.unitMissing')}
          </span>
        ) : null}
        <select
          id={`${id}-unit`}
          className="form-select"
          value={unitId}
          aria-invalid={invalid.unit || undefined}
          aria-describedby={invalid.unit ? `${id}-unit-error` : undefined}
          onChange={(event) => setUnitId(event.target.value)}
        >
          <option value="">{t('referrals.new.chooseUnit')}</option>
          {(units.data ?? [])
            .filter((unit) => unit.id !== myUnitId)
            .map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
        </select>
      </div>
      <div className="form-group">
        <label className="form-label" htmlFor={`${id}-sub-goal`}>
          {t('referrals.new.subGoal')}
        </label>
        <select
          id={`${id}-sub-goal`}
          className="form-select"
          value={subGoalId}
          onChange={(event) => setSubGoalId(event.target.value)}
        >
          <option value="">{t('referrals.new.noSubGoal')}</option>
          {subGoals.map((subGoal) => (
            <option key={subGoal.id} value={subGoal.id}>
              {subGoal.title}
            </option>
          ))}
        </select>
      </div>
      <div className={invalid.reason ? 'form-group form-error' : 'form-group'}>
        <label className="form-label" htmlFor={`${id}-reason`}>
          {t('referrals.new.message')}
        </label>
        <span className="form-hint" id={`${id}-reason-hint`}>
          {t('referrals.new.messageHint')}
        </span>
        {invalid.reason ? (
          <span className="form-error-message" id={`${id}-reason-error`} role="alert">
            {t('coordination.common.reasonRequired')}
          </span>
        ) : null}
        <textarea
          id={`${id}-reason`}
          className="form-input samspil-textarea"
          rows={4}
          maxLength={2000}
          value={reason}
          aria-required
          aria-invalid={invalid.reason || undefined}
          aria-describedby={invalid.reason ? `${id}-reason-hint ${id}-reason-error` : `${id}-reason-hint`}
          onChange={(event) => setReason(event.target.value)}
        />
      </div>
      {create.error ? <ErrorAlert error={create.error} /> : null}
      <div className="samspil-form-actions">
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {t('referrals.new.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t('coordination.common.cancel')}
        </button>
      </div>
    </form>
  );
}
