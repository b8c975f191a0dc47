import { type ReactElement, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DateParts, joinDateParts, splitDateValue } from './date-parts.js';

interface DateFieldProps {
  /** The day input's id; the month and year inputs add `-month` and `-year`. */
  id: string;
  label: string;
  /** `YYYY-MM-DD`, `''`, or a half-typed date as `joinDateParts` carries it. */
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
  required?: boolean;
}

const PARTS = ['day', 'month', 'year'] as const;

/**
 * The DKFDS date pattern ("Datofelt"): day, month and year in three narrow text fields in a
 * fieldset named by the label. Typing is never blocked or reformatted; the form's validation
 * says what is wrong (`parseDateParts`), so a person can type "5 3 2026" their own way.
 */
export function DateField({
  id,
  label,
  value,
  onChange,
  hint,
  error,
  required = false,
}: DateFieldProps): ReactElement {
  const { t } = useTranslation();
  const [typed, setTyped] = useState<DateParts>(() => splitDateValue(value));
  // Follow the form when it sets the value itself (a reset, another person's version).
  const parts = joinDateParts(typed) === value ? typed : splitDateValue(value);
  const hintText = hint ?? t('form.date.hint');
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  const change = (part: keyof DateParts, text: string): void => {
    const next = { ...parts, [part]: text };
    setTyped(next);
    onChange(joinDateParts(next));
  };
  return (
    <div className={error ? 'form-group form-error' : 'form-group'}>
      <fieldset aria-describedby={describedBy}>
        <legend className="form-label">{label}</legend>
        <span className="form-hint" id={`${id}-hint`}>
          {hintText}
        </span>
        {error ? (
          <span className="form-error-message" id={`${id}-error`}>
            {error}
          </span>
        ) : null}
        <div className="date-group">
          {PARTS.map((part) => {
            const inputId = part === 'day' ? id : `${id}-${part}`;
            return (
              <div className={`form-group form-group-${part}`} key={part}>
                <label className="form-label" htmlFor={inputId}>
                  {t(`form.date.${part}`)}
                </label>
                <input
                  id={inputId}
                  className="form-input"
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  maxLength={part === 'year' ? 4 : 2}
                  value={parts[part]}
                  aria-invalid={error ? true : undefined}
                  aria-required={required || undefined}
                  onChange={(event) => change(part, event.target.value)}
                />
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
