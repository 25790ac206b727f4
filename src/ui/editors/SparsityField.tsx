/**
 * One sparsity: a slider and the same value as editable text. Each reads only
 * its own number from the store, so a drag re-renders this row, and the
 * simulation controller (newest wins) absorbs the stream of updates.
 */
import { useId } from 'react';
import type { Sparsity } from '../../core/elector/types.ts';
import { useExplorer, useExplorerApi } from '../../state/useExplorer.ts';
import { Explain } from '../common/Explain.tsx';
import { NumberInput } from './NumberInput.tsx';
import { SPARSITY_RANGE, SPARSITY_SLIDER_MAX } from './settingsFields.ts';

interface Props {
  kind: keyof Sparsity;
  label: string;
  about: string;
}

export function SparsityField({ kind, label, about }: Props) {
  const id = useId();
  const api = useExplorerApi();
  const value = useExplorer((s) => s.session.settings.sparsity[kind]);
  const set = (v: number) => {
    const { session, setSettings } = api.getState();
    setSettings({ sparsity: { ...session.settings.sparsity, [kind]: v } });
  };
  return (
    <div className="field sparsity-field">
      <label htmlFor={id}>{label}</label>
      <span className="field-control">
        <input
          id={id}
          type="range"
          min={SPARSITY_RANGE.min}
          max={SPARSITY_SLIDER_MAX}
          step={SPARSITY_RANGE.step}
          value={value}
          aria-valuetext={`${Math.round(value * 100)}% zeros`}
          onChange={(e) => set(Number(e.target.value))}
        />
        <NumberInput id={`${id}-value`} value={value} range={SPARSITY_RANGE} what={label} ariaLabel={`${label} value`} onCommit={set} />
      </span>
      <Explain>{about}</Explain>
    </div>
  );
}
