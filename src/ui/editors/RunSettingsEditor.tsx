/**
 * Run settings: mode, cost model, sparsity and clock. Each control subscribes to
 * its own setting only, so dragging a slider does not re-render the other editors.
 */
import { useId } from 'react';
import type { CostModel, SimMode } from '../../core/elector/types.ts';
import { REFERENCE_CONSTANTS } from '../../core/elector/constants/reference.ts';
import { useExplorer, useExplorerApi } from '../../state/useExplorer.ts';
import { Explain } from '../common/Explain.tsx';
import { NumberInput } from './NumberInput.tsx';
import { RadioGroup, type RadioOption } from './RadioGroup.tsx';
import { CLOCK_RANGE } from './settingsFields.ts';
import { SparsityField } from './SparsityField.tsx';
import './editors.css';

const MODES: RadioOption<SimMode>[] = [
  { value: 'inference', label: 'Inference', description: 'Forward pass only: one batch of sequences in, predictions out.' },
  {
    value: 'training',
    label: 'Training',
    description: 'Forward and backward passes with weight updates; adds a stochastic-rounding unit per MAC lane (area) and gradient work.',
  },
];

const COST_MODELS: RadioOption<CostModel>[] = [
  {
    value: 'elector',
    label: 'ELECTOR (physical)',
    description:
      "This project's physically consistent model: AccelTran's hardware and module constants, with grounded main-memory and buffer costs, and the published simulator's quirks fixed (specs/elector-physical.md).",
  },
  {
    value: 'reference',
    label: 'Reference (AccelTran)',
    description:
      'A faithful re-creation of the published AccelTran fast simulator, quirks included, so the TransCODE paper\'s numbers can be reproduced and checked (specs/elector.md §6, §9).',
  },
];

const S0 = REFERENCE_CONSTANTS.sparsity;
const SPARSITIES = [
  {
    kind: 'activation',
    label: 'Activation sparsity',
    about: `Fraction of activations that are zero and skipped: scales MatMul, convolution, softmax and layer-norm work, and the bits each activation costs in memory (default ${S0.activation}).`,
  },
  {
    kind: 'weight',
    label: 'Weight sparsity',
    about: `Fraction of weights that are zero: scales the bits each weight costs to move and store, and main-memory energy (default ${S0.weight}).`,
  },
  {
    kind: 'gradient',
    label: 'Gradient sparsity',
    about: `Fraction of gradient work skipped in the backward pass (DynaProp); used in training mode only (default ${S0.gradient}).`,
  },
] as const;

export function RunSettingsEditor() {
  const api = useExplorerApi();
  const mode = useExplorer((s) => s.session.settings.mode);
  const costModel = useExplorer((s) => s.session.settings.costModel);
  const set = api.getState().setSettings;
  return (
    <div className="editor run-settings-editor">
      <RadioGroup legend="Mode" value={mode} options={MODES} onChange={(m) => set({ mode: m })} />
      <RadioGroup legend="Cost model" value={costModel} options={COST_MODELS} onChange={(c) => set({ costModel: c })} />
      <fieldset className="field-group">
        <legend>Sparsity</legend>
        {SPARSITIES.map((s) => (
          <SparsityField key={s.kind} kind={s.kind} label={s.label} about={s.about} />
        ))}
      </fieldset>
      <ClockField />
    </div>
  );
}

function ClockField() {
  const id = useId();
  const api = useExplorerApi();
  const clockMHz = useExplorer((s) => s.session.settings.clockMHz);
  return (
    <div className="field">
      <label htmlFor={id}>Clock (MHz)</label>
      <span className="field-control">
        <NumberInput id={id} value={clockMHz} range={CLOCK_RANGE} what="Clock" testId="clock" onCommit={(v) => api.getState().setSettings({ clockMHz: v })} />
      </span>
      <Explain>
        The accelerator&apos;s clock frequency: cycles become seconds at this rate, latency = cycles ÷ clock. AccelTran&apos;s
        published designs run at {REFERENCE_CONSTANTS.clockMHz} MHz, the default.
      </Explain>
    </div>
  );
}
