import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** A CPR number has digits; a name has none. Lists search by name only (CPR search is a POST). */
export function looksLikeCpr(value: string): boolean {
  return /\d/.test(value);
}

interface NameSearchProps {
  /** The id of the input; the hint and the error take it as a prefix. */
  id: string;
  value: string;
  onChange: (value: string) => void;
  /** Shows the hint under the label ("Skriv fornavn eller efternavn …"). */
  withHint?: boolean;
  /** The id of the list the search filters, when there is one to point at. */
  controls?: string;
}

/**
 * The name search above My day and Mine borgere. Digits are refused at the field, in words, so a
 * CPR number never goes into the address or a query string.
 */
export function NameSearch({
  id,
  value,
  onChange,
  withHint = false,
  controls,
}: NameSearchProps): ReactElement {
  const { t } = useTranslation();
  const refused = looksLikeCpr(value);
  const describedBy = [withHint ? `${id}-hint` : null, refused ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <search className="samspil-list-search">
      <div className={refused ? 'form-group form-error' : 'form-group'}>
        <label className="form-label" htmlFor={id}>
          {t('caseload.nameSearchLabel')}
        </label>
        {withHint ? (
          <span className="form-hint samspil-list-hint" id={`${id}-hint`}>
            {t('caseload.nameSearchHint')}
          </span>
        ) : null}
        {refused ? (
          <span className="form-error-message" id={`${id}-error`} role="alert">
            {t('caseload.nameSearchDigits')}
          </span>
        ) : null}
        <input
          id={id}
          className="form-input"
          type="search"
          autoComplete="off"
          value={value}
          aria-describedby={describedBy || undefined}
          aria-invalid={refused || undefined}
          aria-controls={controls}
          onChange={(event) => onChange(event.target.value)}
        />
      </div>
    </search>
  );
}
