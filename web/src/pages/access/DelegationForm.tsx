import { type FormEvent, type ReactElement, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGrantDelegation } from '../../api/useGrantDelegation.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
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
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened by a button: move focus to the form's heading so keyboard and screen-reader users start there.
  useEffect(() => heading.current?.focus(), []);
  const { grant, pending, error } = useGrantDelegation(citizenId);
  const [cpr, setCpr] = useState('');
  const [name, setName] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [invalid, setInvalid] = useState({ cpr: false, name: false });

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const normalised = normaliseCpr(cpr.replace(/\s/g, ''));
    const problems = { cpr: !normalised, name: name.trim() === '' };
    setInvalid(problems);
    setCpr('');
    if (!normalised || problems.name) return;
    void grant({
      granteeCpr: `${normalised.slice(0, 6)}-${normalised.slice(6)}`,
      granteeName: name.trim(),
      ...(validUntil ? { validUntil } : {}),
    }).then((ok) => {
      if (ok) onDone();
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
      <div className={invalid.name ? 'form-group form-error' : 'form-group'}>
        <label className="form-label" htmlFor={`${id}-name`}>
          {t('delegations.form.name')}
        </label>
        {invalid.name ? (
          <span className="form-error-message" id={`${id}-name-error`} role="alert">
            {t('delegations.form.nameMissing')}
          </span>
        ) : null}
        <input
          id={`${id}-name`}
          className="form-input"
          type="text"
          maxLength={200}
          value={name}
          aria-invalid={invalid.name || undefined}
          aria-describedby={invalid.name ? `${id}-name-error` : undefined}
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <div className={invalid.cpr ? 'form-group form-error' : 'form-group'}>
        <label className="form-label" htmlFor={`${id}-cpr`}>
          {t('delegations.form.cpr')}
        </label>
        <span className="form-hint" id={`${id}-cpr-hint`}>
          {t('delegations.form.cprHint')}
        </span>
        {invalid.cpr ? (
          <span className="form-error-message" id={`${id}-cpr-error`} role="alert">
            {t('cprSearch.invalid')}
          </span>
        ) : null}
        <input
          id={`${id}-cpr`}
          className="form-input samspil-cpr-input"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          maxLength={11}
          value={cpr}
          aria-invalid={invalid.cpr || undefined}
          aria-describedby={invalid.cpr ? `${id}-cpr-hint ${id}-cpr-error` : `${id}-cpr-hint`}
          onChange={(event) => setCpr(event.target.value)}
        />
      </div>
      <div className="form-group">
        <label className="form-label" htmlFor={`${id}-until`}>
          {t('delegations.form.validUntil')}
        </label>
        <input
          id={`${id}-until`}
          type="date"
          className="form-input"
          value={validUntil}
          onChange={(event) => setValidUntil(event.target.value)}
        />
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      <div className="samspil-form-actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {t('delegations.form.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t('coordination.common.cancel')}
        </button>
      </div>
    </form>
  );
}
