/**
 * A text box for a bounded number. What the user types stays as typed ("0." is
 * on the way to "0.35"); each valid value is committed at once, an invalid one
 * is shown with its rule and never committed. A change from elsewhere (a
 * slider, a link) replaces the text.
 */
import { useState } from 'react';
import { formatFieldNumber, parseInRange, type NumberRange } from './settingsFields.ts';
import { useReportInvalid } from '../../state/useInvalidInput.ts';

interface Props {
  id: string;
  value: number;
  range: NumberRange;
  /** Names the field in the rule message, e.g. "Clock". */
  what: string;
  onCommit: (value: number) => void;
  /** Accessible name when no <label> points at `id`. */
  ariaLabel?: string;
  testId?: string;
  disabled?: boolean;
  /** Tooltip, e.g. why the field is disabled. */
  title?: string;
}

export function NumberInput({ id, value, range, what, onCommit, ariaLabel, testId, disabled, title }: Props) {
  // `base` is the committed value the text belongs to; once the store moves on, the text is stale.
  const [typed, setTyped] = useState<{ base: number; text: string } | null>(null);
  const live = typed !== null && typed.base === value;
  const text = live ? typed.text : formatFieldNumber(value);
  const parsed = live ? parseInRange(typed.text, range, what) : null;
  const error = parsed && !parsed.ok ? parsed.message : null;
  // The results status says they belong to the last valid design while this holds an invalid value.
  useReportInvalid(`input:${id}`, error, `#${cssId(id)}`);

  return (
    <>
      <input
        id={id}
        type="text"
        inputMode={range.integer ? 'numeric' : 'decimal'}
        className="number-input"
        size={6}
        value={text}
        aria-label={ariaLabel}
        data-testid={testId}
        disabled={disabled}
        title={title}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          const next = e.target.value;
          const result = parseInRange(next, range, what);
          if (result.ok && result.value !== value) {
            setTyped({ base: result.value, text: next });
            onCommit(result.value);
          } else {
            setTyped({ base: value, text: next });
          }
        }}
        onBlur={() => {
          if (!error) setTyped(null);
        }}
      />
      {error && (
        <span className="field-error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
    </>
  );
}

/** `#id` for ids React's useId makes (":r1:"), which need escaping in selectors. */
function cssId(id: string): string {
  return typeof CSS !== 'undefined' && CSS.escape ? CSS.escape(id) : id.replace(/[^\w-]/g, (c) => `\\${c}`);
}
