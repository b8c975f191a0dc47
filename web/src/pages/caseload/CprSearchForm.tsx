import { type FormEvent, type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { normaliseCpr } from '../../domain.js';

interface CprSearchFormProps {
  onSearch: (cpr: string) => void;
  pending: boolean;
}

/**
 * Asks for a CPR number. The field is emptied after each search and the input has no
 * `name`, so the browser neither submits it in a URL nor offers it again as autofill.
 */
export function CprSearchForm({ onSearch, pending }: CprSearchFormProps): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const normalised = normaliseCpr(value.replace(/\s/g, ''));
    setValue('');
    if (!normalised) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    onSearch(`${normalised.slice(0, 6)}-${normalised.slice(6)}`);
  };

  const inputId = `${id}-cpr`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <section aria-labelledby={`${id}-heading`} className="samspil-panel">
      <h2 id={`${id}-heading`} className="h4 samspil-panel-heading">
        {t('cprSearch.title')}
      </h2>
      <form method="post" onSubmit={onSubmit} autoComplete="off" noValidate>
        <div className={invalid ? 'form-group form-error' : 'form-group'}>
          <label className="form-label" htmlFor={inputId}>
            {t('cprSearch.label')}
          </label>
          <span className="form-hint" id={hintId}>
            {t('cprSearch.hint')}
          </span>
          {invalid ? (
            <span className="form-error-message" id={errorId} role="alert">
              {t('cprSearch.invalid')}
            </span>
          ) : null}
          <div className="samspil-inline-form">
            <input
              id={inputId}
              className="form-input samspil-cpr-input"
              type="text"
              inputMode="numeric"
              autoComplete="off"
              spellCheck={false}
              maxLength={11}
              value={value}
              aria-describedby={invalid ? `${hintId} ${errorId}` : hintId}
              aria-invalid={invalid || undefined}
              onChange={(event) => setValue(event.target.value)}
            />
            <button type="submit" className="button button-primary" disabled={pending}>
              {pending ? t('cprSearch.searching') : t('cprSearch.submit')}
            </button>
          </div>
        </div>
      </form>
    </section>
  );
}
