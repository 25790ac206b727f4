/**
 * A labelled select over a fixed list of allowed values, with the rule it
 * breaks (if any) shown under it and linked for screen readers, and an optional
 * "what is this" note. Option values are the values themselves as strings, so
 * tests and users pick "768", not an index.
 */
import { useId, type ReactNode } from 'react';
import { Explain } from '../common/Explain.tsx';

export interface SelectOption<T extends string | number> {
  value: T;
  label: string;
  disabled?: boolean;
  /** Tooltip: why an option is disabled, or what it means. */
  title?: string;
}

export interface SelectFieldProps<T extends string | number> {
  label: string;
  value: T;
  options: readonly SelectOption<T>[];
  onChange: (value: T) => void;
  /** "What is this" note, shown when the explanations layer is on. */
  about?: ReactNode;
  /** Rules the current value breaks. */
  issues?: readonly string[];
  /** Shown after the select, e.g. a unit or a derived value. */
  suffix?: ReactNode;
  testId?: string;
  /** Tooltip on the select itself. */
  title?: string;
  /** Label and select side by side at their natural width, for several fields on one line. */
  inline?: boolean;
  disabled?: boolean;
  /** Always shown under the field (not only with explanations on), e.g. why it is disabled. */
  note?: ReactNode;
}

export function SelectField<T extends string | number>(props: SelectFieldProps<T>) {
  const { label, value, options, onChange, about, issues = [], suffix, testId, title, inline = false, disabled, note } = props;
  const id = useId();
  const errorId = `${id}-error`;
  const noteId = `${id}-note`;
  const describedBy = [issues.length > 0 ? errorId : '', note !== undefined ? noteId : ''].filter(Boolean).join(' ') || undefined;
  const known = options.some((o) => o.value === value);
  return (
    <div className={inline ? 'field inline' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <span className="field-control">
        <select
          id={id}
          value={String(value)}
          data-testid={testId}
          title={title}
          disabled={disabled}
          aria-invalid={issues.length > 0 || undefined}
          aria-describedby={describedBy}
          onChange={(e) => {
            const picked = options.find((o) => String(o.value) === e.target.value);
            if (picked) onChange(picked.value);
          }}
        >
          {/* A value outside the list (a pending draft) stays visible instead of silently showing another. */}
          {!known && <option value={String(value)} disabled>{`${value} (not allowed)`}</option>}
          {options.map((o) => (
            <option key={String(o.value)} value={String(o.value)} disabled={o.disabled} title={o.title}>
              {o.label}
            </option>
          ))}
        </select>
        {suffix}
      </span>
      {issues.length > 0 && (
        <p className="field-error" id={errorId}>
          {issues.join(' · ')}
        </p>
      )}
      {note !== undefined && (
        <p className="field-note" id={noteId}>
          {note}
        </p>
      )}
      {about !== undefined && <Explain>{about}</Explain>}
    </div>
  );
}

/** Options for a list of numbers, labelled as themselves. */
export function numberOptions(values: readonly number[]): SelectOption<number>[] {
  return values.map((value) => ({ value, label: String(value) }));
}
