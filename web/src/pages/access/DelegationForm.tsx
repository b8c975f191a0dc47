import { type FormEvent, type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGrantDelegation } from '../../api/delegations.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Checkbox } from '../../components/form/Choices.js';
import { ErrorSummary } from '../../components/form/ErrorSummary.js';
import { CprInput, Field, FormActions, TextField } from '../../components/form/Fields.js';
import { dateError, type FieldErrors } from '../../components/form/form-errors.js';
import { useFocusOnOpen } from '../../components/form/useFocusOnOpen.js';
import { useFormErrors } from '../../components/form/useFormErrors.js';
import { useShowSuccess } from '../../components/SuccessAlert.js';
import { danishToday } from '../../../../src/domain/calendar.js';
import { normaliseCpr } from '../../domain.js';

/**
 * The citizen gives a relative access (fuldmagt). The relative's CPR number goes in the POST
 * body only; the field has no `name` and is emptied after sending, so it is kept nowhere.
 */
export function DelegationForm({
  citizenId,
  onDone,
}: {
  citizenId: string;
  onDone: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const heading = useFocusOnOpen<HTMLHeadingElement>();
  const { grant, pending, error } = useGrantDelegation(citizenId);
  const [cpr, setCpr] = useState('');
  const [name, setName] = useState('');
  const [validUntil, setValidUntil] = useState('');
  // Consent is not included unless the citizen says so.
  const [includesConsent, setIncludesConsent] = useState(false);
  const fieldErrors = useFormErrors();
  const errors = fieldErrors.errors;
  const showSuccess = useShowSuccess();

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const normalised = normaliseCpr(cpr.replace(/\s/g, ''));
    const problems: FieldErrors = {};
    if (name.trim() === '') problems.granteeName = t('delegations.form.nameMissing');
    if (!normalised) problems.granteeCpr = t('cprSearch.invalid');
    const until = dateError(validUntil, t, { min: danishToday() });
    if (until) problems.validUntil = until;
    setCpr('');
    if (fieldErrors.check(problems) || !normalised) return;
    void grant({
      granteeCpr: `${normalised.slice(0, 6)}-${normalised.slice(6)}`,
      granteeName: name.trim(),
      ...(validUntil ? { validUntil } : {}),
      includesConsent,
    }).then((ok) => {
      if (!ok) return;
      showSuccess(t('delegations.form.granted'));
      onDone();
    });
  };

  return (
    <form
      className="samspil-edit-panel"
      onSubmit={submit}
      noValidate
      autoComplete="off"
      aria-labelledby={`${id}-heading`}
    >
      <h2 id={`${id}-heading`} className="h3 samspil-edit-heading" ref={heading} tabIndex={-1}>
        {t('delegations.form.heading')}
      </h2>
      <ErrorSummary
        errors={errors}
        attempt={fieldErrors.attempt}
        targets={{
          granteeName: { id: `${id}-name`, label: t('delegations.form.name') },
          granteeCpr: { id: `${id}-cpr`, label: t('delegations.form.cpr') },
          validUntil: { id: `${id}-until`, label: t('delegations.form.validUntil') },
        }}
      />
      <TextField
        id={`${id}-name`}
        label={t('delegations.form.name')}
        error={errors.granteeName}
        required
        maxLength={200}
        value={name}
        onChange={setName}
      />
      <Field
        id={`${id}-cpr`}
        label={t('delegations.form.cpr')}
        hint={t('delegations.form.cprHint')}
        error={errors.granteeCpr}
      >
        {(describedBy, isInvalid) => (
          <CprInput
            id={`${id}-cpr`}
            value={cpr}
            onChange={setCpr}
            describedBy={describedBy}
            invalid={isInvalid}
          />
        )}
      </Field>
      <TextField
        id={`${id}-until`}
        label={t('delegations.form.validUntil')}
        type="date"
        error={errors.validUntil}
        value={validUntil}
        onChange={setValidUntil}
      />
      <Checkbox
        id={`${id}-consent`}
        label={t('delegations.includesConsent')}
        checked={includesConsent}
        onChange={setIncludesConsent}
      />
      {error ? <ErrorAlert error={error} /> : null}
      <FormActions submitLabel={t('delegations.form.submit')} pending={pending} onCancel={onDone} />
    </form>
  );
}
