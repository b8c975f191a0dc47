import type { ChangeEvent, ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from './DateField.js';

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /**
   * Announce the error message the moment it appears (role="alert"). For forms without an
   * error summary of their own; the plan's edit panel announces a summary instead.
   */
  alert?: boolean;
  children: (describedBy: string | undefined, invalid: boolean) => ReactNode;
}

/**
 * A DKFDS form group: label, optional hint, error message, and the control described by them.
 * The control gets `aria-describedby` (hint, then error) and whether it is invalid.
 */
export function Field({ id, label, hint, error, alert = false, children }: FieldProps): ReactElement {
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'form-group form-error' : 'form-group'}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <span className="form-hint" id={hintId ?? undefined}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="form-error-message" id={errorId ?? undefined} role={alert ? 'alert' : undefined}>
          {error}
        </span>
      ) : null}
      {children(describedBy, Boolean(error))}
    </div>
  );
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
  alert?: boolean;
  type?: 'text' | 'date' | 'email' | 'tel';
  multiline?: boolean;
  /** Rows of a text area. */
  rows?: number;
  maxLength?: number;
  required?: boolean;
  /** The control's class; by default inputs are full width. */
  className?: string;
  /** For date and time: the earliest and latest moment the field accepts. */
  min?: string;
  max?: string;
}

/**
 * A text, date, e-mail or phone input, or a text area. A date is the DKFDS date
 * pattern (`DateField`: three fields), never the browser's date picker; its bounds are the
 * form's to check (`dateError`).
 */
export function TextField({
  id,
  label,
  value,
  onChange,
  hint,
  error,
  alert,
  type = 'text',
  multiline = false,
  rows = 3,
  maxLength,
  required = false,
  className,
  min,
  max,
}: TextFieldProps): ReactElement {
  if (type === 'date') {
    return (
      <DateField
        id={id}
        label={label}
        hint={hint}
        error={error}
        required={required}
        value={value}
        onChange={onChange}
      />
    );
  }
  return (
    <Field id={id} label={label} hint={hint} error={error} alert={alert}>
      {(describedBy, invalid) => {
        const control = {
          id,
          maxLength,
          value,
          'aria-describedby': describedBy,
          'aria-invalid': invalid || undefined,
          'aria-required': required || undefined,
          onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
            onChange(event.target.value),
        };
        return multiline ? (
          <textarea {...control} className={className ?? 'form-input samspil-textarea'} rows={rows} />
        ) : (
          <input {...control} min={min} max={max} type={type} className={className ?? 'form-input'} />
        );
      }}
    </Field>
  );
}

interface CprInputProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  describedBy: string | undefined;
  invalid: boolean;
}

/**
 * A CPR number input (inside a `Field`). It has no `name` and no autofill, so the browser
 * neither submits the number in a URL nor offers it again; callers empty it after use.
 */
export function CprInput({ id, value, onChange, describedBy, invalid }: CprInputProps): ReactElement {
  return (
    <input
      id={id}
      className="form-input samspil-cpr-input"
      type="text"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      maxLength={11}
      value={value}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

export interface Option {
  value: string;
  label: string;
  group?: string;
}

interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  options: Option[];
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
  alert?: boolean;
  /** The text of the empty choice; without it, a choice must be made. */
  emptyLabel?: string;
  required?: boolean;
}

/** A select; options with a `group` are shown in optgroups in the order they come. */
export function SelectField({
  id,
  label,
  value,
  options,
  onChange,
  hint,
  error,
  alert,
  emptyLabel,
  required = false,
}: SelectFieldProps): ReactElement {
  const groups: { name: string | undefined; options: Option[] }[] = [];
  for (const option of options) {
    const last = groups.at(-1);
    if (last && last.name === option.group) last.options.push(option);
    else groups.push({ name: option.group, options: [option] });
  }
  const render = (option: Option): ReactElement => (
    <option key={option.value} value={option.value}>
      {option.label}
    </option>
  );
  return (
    <Field id={id} label={label} hint={hint} error={error} alert={alert}>
      {(describedBy, invalid) => (
        <select
          id={id}
          className="form-select"
          value={value}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          aria-required={required || undefined}
          onChange={(event) => onChange(event.target.value)}
        >
          {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
          {groups.map((group) =>
            group.name ? (
              <optgroup key={group.name} label={group.name}>
                {group.options.map(render)}
              </optgroup>
            ) : (
              group.options.map(render)
            ),
          )}
        </select>
      )}
    </Field>
  );
}

interface FormActionsProps {
  submitLabel: string;
  /** While sending: the submit button is disabled. */
  pending: boolean;
  /** Without it, there is no cancel button. */
  onCancel?: () => void;
  /** By default "Annullér" / "Cancel". */
  cancelLabel?: string;
}

/** The row under a form: the primary submit and, if the form can be closed, cancel. */
export function FormActions({ submitLabel, pending, onCancel, cancelLabel }: FormActionsProps): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="samspil-form-actions">
      <button type="submit" className="button button-primary" disabled={pending}>
        {submitLabel}
      </button>
      {onCancel ? (
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {cancelLabel ?? t('form.cancel')}
        </button>
      ) : null}
    </div>
  );
}
