import type { ReactElement } from 'react';

export interface Choice {
  value: string;
  label: string;
}

interface CheckboxGroupProps {
  id: string;
  legend: string;
  hint?: string;
  /** The DKFDS inline error, under the legend. */
  error?: string;
  choices: Choice[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  empty?: string;
}

/** DKFDS checkboxes in a fieldset; the legend names the question. */
export function CheckboxGroup({
  id,
  legend,
  hint,
  error,
  choices,
  selected,
  onChange,
  empty,
}: CheckboxGroupProps): ReactElement {
  const toggle = (value: string, checked: boolean): void =>
    onChange(checked ? [...selected, value] : selected.filter((item) => item !== value));
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <fieldset
      className={error ? 'form-group form-error' : 'form-group'}
      aria-describedby={describedBy || undefined}
    >
      <legend className="form-label">{legend}</legend>
      {hint ? (
        <span className="form-hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="form-error-message" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
      {choices.length === 0 && empty ? <p className="samspil-muted">{empty}</p> : null}
      {choices.map((choice, index) => (
        <div className="form-group-checkbox" key={choice.value}>
          <input
            type="checkbox"
            id={`${id}-${index}`}
            className="form-checkbox"
            checked={selected.includes(choice.value)}
            onChange={(event) => toggle(choice.value, event.target.checked)}
          />
          <label className="form-label" htmlFor={`${id}-${index}`}>
            {choice.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

interface RadioGroupProps {
  id: string;
  legend: string;
  choices: Choice[];
  value: string;
  onChange: (value: string) => void;
  /** The DKFDS inline error, under the legend. */
  error?: string;
}

/** DKFDS radio buttons in a fieldset. */
export function RadioGroup({ id, legend, choices, value, onChange, error }: RadioGroupProps): ReactElement {
  return (
    <fieldset
      className={error ? 'form-group form-error' : 'form-group'}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend className="form-label">{legend}</legend>
      {error ? (
        <span className="form-error-message" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
      {choices.map((choice, index) => (
        <div className="form-group-radio" key={choice.value}>
          <input
            type="radio"
            id={`${id}-${index}`}
            name={id}
            className="form-radio"
            checked={value === choice.value}
            onChange={() => onChange(choice.value)}
          />
          <label className="form-label" htmlFor={`${id}-${index}`}>
            {choice.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

interface CheckboxProps {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** One DKFDS checkbox. */
export function Checkbox({ id, label, checked, onChange }: CheckboxProps): ReactElement {
  return (
    <div className="form-group form-group-checkbox">
      <input
        type="checkbox"
        id={id}
        className="form-checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
    </div>
  );
}
