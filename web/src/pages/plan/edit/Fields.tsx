import type { ReactElement, ReactNode } from 'react';

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: (describedBy: string | undefined, invalid: boolean) => ReactNode;
}

/** A DKFDS form group: label, optional hint, error message, and the control described by them. */
export function Field({ id, label, hint, error, children }: FieldProps): ReactElement {
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
        <span className="form-error-message" id={errorId ?? undefined}>
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
  type?: 'text' | 'date' | 'email' | 'tel';
  multiline?: boolean;
  required?: boolean;
}

/** A text, date, e-mail or phone input, or a text area. */
export function TextField({
  id,
  label,
  value,
  onChange,
  hint,
  error,
  type = 'text',
  multiline = false,
  required = false,
}: TextFieldProps): ReactElement {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(describedBy, invalid) =>
        multiline ? (
          <textarea
            id={id}
            className="form-input samspil-textarea"
            rows={3}
            value={value}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            aria-required={required || undefined}
            onChange={(event) => onChange(event.target.value)}
          />
        ) : (
          <input
            id={id}
            type={type}
            className={type === 'date' ? 'form-input samspil-date-input' : 'form-input'}
            value={value}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
            aria-required={required || undefined}
            onChange={(event) => onChange(event.target.value)}
          />
        )
      }
    </Field>
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
    <Field id={id} label={label} hint={hint} error={error}>
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
