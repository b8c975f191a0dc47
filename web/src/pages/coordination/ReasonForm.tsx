import { type FormEvent, type ReactElement, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/form/Fields.js';

interface ReasonFormProps {
  label: string;
  hint?: string;
  submitLabel: string;
  /** A reason must be given (dismiss, decline, break the glass); a comment may be left out. */
  required: boolean;
  pending: boolean;
  onSubmit: (text: string, date: string) => void;
  /** A date to give as well (a dismissal's return date): required, after `min`. */
  dateField?: { label: string; hint: string; min: string };
  onCancel?: () => void;
  maxLength?: number;
  /** Opened by a button press, the form takes focus; one that is simply on the page does not. */
  focusOnOpen?: boolean;
}

/** A short form asking for a comment or a reason, with one submit and an optional cancel. */
export function ReasonForm({
  label,
  hint,
  submitLabel,
  required,
  pending,
  onSubmit,
  onCancel,
  maxLength = 2000,
  focusOnOpen = true,
  dateField,
}: ReasonFormProps): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [missing, setMissing] = useState(false);
  const [date, setDate] = useState('');
  const [dateError, setDateError] = useState<string | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  // The form opens on a button press; keyboard users continue in the field it asks them to fill.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the form opens
  useEffect(() => {
    if (focusOnOpen) field.current?.focus();
  }, []);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const noText = required && text.trim() === '';
    const badDate = dateField
      ? date === ''
        ? t('coordination.common.dateRequired')
        : date <= dateField.min
          ? t('coordination.common.dateAfterToday')
          : null
      : null;
    setMissing(noText);
    setDateError(badDate);
    if (noText || badDate) return;
    onSubmit(text, date);
  };

  const describedBy = [hint ? `${id}-hint` : '', missing ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <form className="samspil-reason-form" onSubmit={submit} noValidate>
      <div className={missing ? 'form-group form-error' : 'form-group'}>
        <label className="form-label" htmlFor={`${id}-text`}>
          {label}
          {required ? null : <span className="samspil-muted"> {t('coordination.common.optional')}</span>}
        </label>
        {hint ? (
          <span className="form-hint" id={`${id}-hint`}>
            {hint}
          </span>
        ) : null}
        {missing ? (
          <span className="form-error-message" id={`${id}-error`} role="alert">
            {t('coordination.common.reasonRequired')}
          </span>
        ) : null}
        <textarea
          id={`${id}-text`}
          ref={field}
          className="form-input samspil-textarea"
          rows={3}
          maxLength={maxLength}
          value={text}
          aria-required={required || undefined}
          aria-invalid={missing || undefined}
          aria-describedby={describedBy || undefined}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      {dateField ? (
        <div className={dateError ? 'form-group form-error' : 'form-group'}>
          <label className="form-label" htmlFor={`${id}-date`}>
            {dateField.label}
          </label>
          <span className="form-hint" id={`${id}-date-hint`}>
            {dateField.hint}
          </span>
          {dateError ? (
            <span className="form-error-message" id={`${id}-date-error`} role="alert">
              {dateError}
            </span>
          ) : null}
          <input
            id={`${id}-date`}
            type="date"
            className="form-input"
            value={date}
            min={dateField.min}
            required
            aria-invalid={dateError ? true : undefined}
            aria-describedby={[`${id}-date-hint`, dateError ? `${id}-date-error` : '']
              .filter(Boolean)
              .join(' ')}
            onChange={(event) => setDate(event.target.value)}
          />
        </div>
      ) : null}
      <FormActions
        submitLabel={submitLabel}
        pending={pending}
        onCancel={onCancel}
        cancelLabel={t('coordination.common.cancel')}
      />
    </form>
  );
}
