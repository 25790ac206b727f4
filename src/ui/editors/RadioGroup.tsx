/** A native radio group (arrow keys move between options) where each option carries its explanation. */
import { useId, type ReactNode } from 'react';

export interface RadioOption<T extends string> {
  value: T;
  label: string;
  /** Always shown under the option: what choosing it means. */
  description: ReactNode;
}

interface Props<T extends string> {
  legend: string;
  value: T;
  options: readonly RadioOption<T>[];
  onChange: (value: T) => void;
  /** Shown under the options, e.g. a "where this comes from" note. */
  children?: ReactNode;
}

export function RadioGroup<T extends string>({ legend, value, options, onChange, children }: Props<T>) {
  const name = useId();
  return (
    <fieldset className="field-group radio-group">
      <legend>{legend}</legend>
      {options.map((o) => (
        // The label holds the name only; the description is linked, so the radio is announced as "Training", not a paragraph.
        <div key={o.value} className="radio-option">
          <input
            type="radio"
            id={`${name}-${o.value}`}
            name={name}
            value={o.value}
            checked={o.value === value}
            onChange={() => onChange(o.value)}
            aria-describedby={`${name}-${o.value}-about`}
          />
          <span>
            <label className="radio-label" htmlFor={`${name}-${o.value}`}>{o.label}</label>
            <span className="radio-description" id={`${name}-${o.value}-about`}>{o.description}</span>
          </span>
        </div>
      ))}
      {children}
    </fieldset>
  );
}
