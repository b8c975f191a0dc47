import { type ReactElement, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../Icon.js';
import { errorSummaryItems, type SummaryTarget } from './error-summary.js';
import type { FieldErrors } from './form-errors.js';

interface ErrorSummaryProps {
  errors: FieldErrors;
  /** Field name → the control its link moves focus to, and the field's label. */
  targets: Readonly<Record<string, SummaryTarget>>;
  /** Counts failed submits: each one moves focus to the summary again. */
  attempt: number;
}

/**
 * The DKFDS error summary ("Fejlopsummering") at the top of a form: after a failed submit focus
 * moves here, so the person hears what is wrong and can follow each link to its field.
 */
export function ErrorSummary({ errors, targets, attempt }: ErrorSummaryProps): ReactElement | null {
  const { t } = useTranslation();
  const headingId = useId();
  const summary = useRef<HTMLDivElement>(null);
  const items = errorSummaryItems(errors, targets);
  const shown = items.length > 0;
  useEffect(() => {
    if (attempt > 0 && shown) summary.current?.focus();
  }, [attempt, shown]);
  if (!shown) return null;
  return (
    <div
      className="alert alert-error samspil-error-summary"
      role="alert"
      aria-labelledby={headingId}
      tabIndex={-1}
      ref={summary}
    >
      <Icon name="error" className="alert-icon" />
      <div className="alert-body">
        <p className="alert-heading" id={headingId}>
          {t('form.summary.heading', { count: items.length })}
        </p>
        <ul className="alert-text nobullet-list">
          {items.map((item) => (
            <li key={`${item.target}:${item.text}`}>
              {item.target ? (
                <a
                  href={`#${item.target}`}
                  className="function-link"
                  onClick={(event) => {
                    // Focus the control itself (the hash alone would only scroll to it) and keep
                    // the address free of the form's ids.
                    event.preventDefault();
                    const control = document.getElementById(item.target ?? '');
                    control?.focus();
                    control?.scrollIntoView({ block: 'center' });
                  }}
                >
                  {item.text}
                </a>
              ) : (
                item.text
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
