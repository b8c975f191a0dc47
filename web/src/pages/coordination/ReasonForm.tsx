import { type FormEvent, type ReactElement, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/form/ErrorSummary.js';
import { FormActions } from '../../components/form/Fields.js';
import { useFormErrors } from '../../components/form/useFormErrors.js';

interface ReasonFormProps {
  label: string;
  hint?: string;
  submitLabel: string;
  /** A reason must be given (dismiss, decline, break the glass); a comment may be left out. */
  required: boolean;
  pending: boolean;
  onSubmit: (text: string) => void;
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
}: ReasonFormProps): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
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
    if (fieldErrors.check(empty ? { text: t('coordination.common.reasonRequired') } : {})) return;
    onSubmit(text);
  };

  const describedBy = [hint ? `${id}-hint` : '', missing ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <form className="samspil-reason-form" onSubmit={submit} noValidate>
      <ErrorSummary
        errors={fieldErrors.errors}
        attempt={fieldErrors.attempt}
        targets={{ text: { id: `${id}-text`, label } }}
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
      <FormActions
        submitLabel={submitLabel}
        pending={pending}
        onCancel={onCancel}
        cancelLabel={t('coordination.common.cancel')}
      />
    </form>
  );
}
