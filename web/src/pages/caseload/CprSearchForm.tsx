import { type FormEvent, type ReactElement, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/form/ErrorSummary.js';
import { CprInput, Field } from '../../components/form/Fields.js';
import { useFormErrors } from '../../components/form/useFormErrors.js';
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
  const fieldErrors = useFormErrors();
  const error = fieldErrors.errors.cpr;

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const normalised = normaliseCpr(value.replace(/\s/g, ''));
    setValue('');
    if (fieldErrors.check(normalised ? {} : { cpr: t('cprSearch.invalid') }) || !normalised) return;
    onSearch(`${normalised.slice(0, 6)}-${normalised.slice(6)}`);
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="samspil-panel">
      <h2 id={`${id}-heading`} className="h4 samspil-panel-heading">
        {t('cprSearch.title')}
      </h2>
      <form method="post" onSubmit={onSubmit} autoComplete="off" noValidate>
        <ErrorSummary
          errors={fieldErrors.errors}
          attempt={fieldErrors.attempt}
          targets={{ cpr: { id: `${id}-cpr`, label: t('cprSearch.label') } }}
        />
        <Field id={`${id}-cpr`} label={t('cprSearch.label')} hint={t('cprSearch.hint')} error={error}>
          {(describedBy) => (
            <div className="samspil-inline-form">
              <CprInput
                id={`${id}-cpr`}
                value={value}
                onChange={setValue}
                describedBy={describedBy}
                invalid={Boolean(error)}
              />
              <button type="submit" className="button button-primary" disabled={pending}>
                {pending ? t('cprSearch.searching') : t('cprSearch.submit')}
              </button>
            </div>
          )}
        </Field>
      </form>
    </section>
  );
}
