/**
 * The lab form's inputs. Like the editors' number fields, what the user types
 * stays as typed; each valid value is committed at once, an invalid one shows its
 * rule (naming the field) and is never committed, so the session, links and the
 * next run always hold valid settings.
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useLabApi } from '../../state/dynaprop/appLab.ts';
import { formatFieldNumber, parseInRange, type NumberRange } from '../editors/settingsFields.ts';
import type { Parsed } from './labView.ts';

interface FieldShellProps {
  id: string;
  label: string;
  error: string | null;
  note?: ReactNode;
  children: ReactNode;
}

function FieldShell({ id, label, error, note, children }: FieldShellProps) {
  return (
    <div className="lab-field">
      <label htmlFor={id}>{label}</label>
      {children}
      {error && <span className="field-error" id={`${id}-error`} role="alert">{error}</span>}
      {!error && note && <span className="lab-note">{note}</span>}
    </div>
  );
}

/** Tells the lab a field holds an invalid value (runs wait until it is fixed); cleared when it is fixed or unmounted. */
function useReportInvalid(key: string, error: string | null): void {
  const { store } = useLabApi();
  useEffect(() => {
    const { invalid } = store.getState();
    if ((invalid[key] ?? null) === error) return;
    const next = { ...invalid };
    if (error === null) delete next[key];
    else next[key] = error;
    store.setState({ invalid: next });
  }, [store, key, error]);
  useEffect(() => () => {
    const { [key]: _gone, ...rest } = store.getState().invalid;
    store.setState({ invalid: rest });
  }, [store, key]);
}

/** Text that commits through `parse`; `format` turns the committed value back into text. */
function useTyped<T>(key: string, value: T, format: (v: T) => string, parse: (text: string) => Parsed<T>, onCommit: (v: T) => void) {
  const [typed, setTyped] = useState<{ base: T; text: string } | null>(null);
  const live = typed !== null && typed.base === value;
  const text = live ? typed.text : format(value);
  const parsed = live ? parse(typed.text) : null;
  const error = parsed && !parsed.ok ? parsed.message : null;
  useReportInvalid(key, error);
  const onChange = (next: string) => {
    const r = parse(next);
    if (r.ok && format(r.value) !== format(value)) {
      setTyped({ base: r.value, text: next });
      onCommit(r.value);
    } else {
      setTyped({ base: value, text: next });
    }
  };
  const onBlur = () => { if (!error) setTyped(null); };
  return { text, error, onChange, onBlur };
}

interface NumberFieldProps {
  label: string;
  value: number;
  range: NumberRange;
  onCommit: (v: number) => void;
  testId: string;
  note?: ReactNode;
}

export function LabNumberField({ label, value, range, onCommit, testId, note }: NumberFieldProps) {
  const id = useId();
  const f = useTyped(testId, value, formatFieldNumber, (t) => parseInRange(t, range, label), onCommit);
  return (
    <FieldShell id={id} label={label} error={f.error} note={note}>
      <input
        id={id} type="text" inputMode={range.integer ? 'numeric' : 'decimal'} className="lab-input" data-testid={testId}
        value={f.text} onChange={(e) => f.onChange(e.target.value)} onBlur={f.onBlur}
        aria-invalid={f.error ? true : undefined} aria-describedby={f.error ? `${id}-error` : undefined}
      />
    </FieldShell>
  );
}

/** A target sparsity in [0, 1), or empty for "no pruning". */
export function TargetField({ label, value, onCommit, testId }: { label: string; value: number | null; onCommit: (v: number | null) => void; testId: string }) {
  const id = useId();
  const parse = (t: string): Parsed<number | null> => {
    if (t.trim() === '' || /^none$/i.test(t.trim())) return { ok: true, value: null };
    const r = parseInRange(t, { min: 0, max: 0.999, step: 0.01, unit: '' }, label);
    return r.ok ? r : { ok: false, message: `${label} must be a number in [0, 1), or empty for no pruning` };
  };
  const f = useTyped(testId, value, (v) => (v === null ? '' : formatFieldNumber(v)), parse, onCommit);
  return (
    <FieldShell id={id} label={label} error={f.error} note={value === null ? 'not pruned' : undefined}>
      <input
        id={id} type="text" inputMode="decimal" className="lab-input" data-testid={testId} placeholder="none"
        value={f.text} onChange={(e) => f.onChange(e.target.value)} onBlur={f.onBlur}
        aria-invalid={f.error ? true : undefined} aria-describedby={f.error ? `${id}-error` : undefined}
      />
    </FieldShell>
  );
}

/** The grid's list of targets, e.g. "none, 0.3, 0.5". */
export function TargetListField(props: { label: string; value: (number | null)[]; parse: (t: string) => Parsed<(number | null)[]>; format: (v: (number | null)[]) => string; onCommit: (v: (number | null)[]) => void; testId: string }) {
  const id = useId();
  const f = useTyped(props.testId, props.value, props.format, props.parse, props.onCommit);
  return (
    <FieldShell id={id} label={props.label} error={f.error}>
      <input
        id={id} type="text" className="lab-input lab-input-wide" data-testid={props.testId}
        value={f.text} onChange={(e) => f.onChange(e.target.value)} onBlur={f.onBlur}
        aria-invalid={f.error ? true : undefined} aria-describedby={f.error ? `${id}-error` : undefined}
      />
    </FieldShell>
  );
}

export function LabSelect<T extends string>({ label, value, options, onChange, testId, note }: { label: string; value: T; options: readonly { value: T; label: string }[]; onChange: (v: T) => void; testId: string; note?: ReactNode }) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} error={null} note={note}>
      <select id={id} value={value} data-testid={testId} onChange={(e) => onChange(e.target.value as T)}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </FieldShell>
  );
}
