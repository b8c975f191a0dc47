import type { ReactElement } from 'react';

interface FilterSelectProps {
  id: string;
  label: string;
  value: string | number;
  onChange: (value: string) => void;
  options: { value: string | number; label: string }[];
  /** The label of an empty first option that filters nothing out; none when a choice is required. */
  all?: string;
}

/** One labelled filter of the management figures. */
export function FilterSelect({ id, label, value, onChange, options, all }: FilterSelectProps): ReactElement {
  return (
    <div className="form-group">
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="form-select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {all === undefined ? null : <option value="">{all}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
