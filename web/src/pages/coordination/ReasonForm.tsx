import { type FormEvent, type ReactElement, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../../src/domain/calendar.js';
import { DateField } from '../../components/form/DateField.js';
import { ErrorSummary } from '../../components/form/ErrorSummary.js';
import { dateError } from '../../components/form/form-errors.js';
import { FormActions } from '../../components/form/Fields.js';
import { useFormErrors } from '../../components/form/useFormErrors.js';

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
  const [date, setDate] = useState('');
  const fieldErrors = useFormErrors();
  const missing = fieldErrors.errors.text;
  const field = useRef<HTMLTextAreaElement>(null);
  // The form opens on a button press; keyboard users continue in the field it asks them to fill.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the form opens
  useEffect(() => {
    if (focusOnOpen) field.current?.focus();
  }, []);

  const submit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const empty = required && text.trim() === '';
    // The date must come after `min` (a dismissal returns on a later day, never today).
    const badDate = dateField
      ? dateError(date, t, { required: true, min: addDays(dateField.min, 1) })
      : undefined;
    const errors = {
      ...(empty ? { text: t('coordination.common.reasonRequired') } : {}),
      ...(badDate ? { date: badDate } : {}),
    };
    if (fieldErrors.check(errors)) return;
    onSubmit(text, date);
  };

  const describedBy = [hint ? `${id}-hint` : '', missing ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <form className="samspil-reason-form" onSubmit={submit} noValidate>
      <ErrorSummary
        errors={fieldErrors.errors}
        attempt={fieldErrors.attempt}
        targets={{
          text: { id: `${id}-text`, label },
          ...(dateField ? { date: { id: `${id}-date`, label: dateField.label } } : {}),
        }}
      />
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
          <span className="form-error-message" id={`${id}-error`}>
            {missing}
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
          aria-invalid={missing ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      {dateField ? (
        <DateField
          id={`${id}-date`}
          label={dateField.label}
          hint={dateField.hint}
          value={date}
          onChange={setDate}
          error={fieldErrors.errors.date}
          required
        />
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
