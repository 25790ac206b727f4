/**
 * Run settings: mode, cost model, the workload (sequence length, gradient
 * accumulation, MLM head), sparsity, clock, power gating and the mapping objective. Each control
 * subscribes to its own setting only, so dragging a slider does not re-render the
 * other editors. Limits come from the core (RUN_SETTING_LIMITS via settingsFields).
 */
import { useId, type ReactNode } from 'react';
import type { CostModel, SimMode } from '../../core/elector/types.ts';
import { REFERENCE_CONSTANTS } from '../../core/elector/constants/reference.ts';
import { useExplorer, useExplorerApi } from '../../state/useExplorer.ts';
import { Explain } from '../common/Explain.tsx';
import { NumberInput } from './NumberInput.tsx';
import { RadioGroup, type RadioOption } from './RadioGroup.tsx';
import { ACCUMULATION_RANGE, CLOCK_RANGE, globalBatchNote, seqLenChoices, seqLenIssues } from './settingsFields.ts';
import { REFERENCE_SEQ_LEN } from '../../core/share/runSettings.ts';
import { SelectField, numberOptions } from './SelectField.tsx';
import { SparsityField } from './SparsityField.tsx';
import { MappingObjectiveField } from './MappingObjectiveField.tsx';
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
      "This project's physically consistent model: AccelTran's hardware and module constants, with grounded main-memory and buffer costs, and the published simulator's quirks fixed (docs/elector-physical.md).",
  },
  {
    value: 'reference',
    label: 'Reference (AccelTran)',
    description:
      'A faithful re-creation of the published AccelTran fast simulator, quirks included, so the TransCODE paper\'s numbers can be reproduced and checked (docs/elector.md §6, §9).',
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

const REFERENCE_IGNORES = 'The reference (AccelTran) model does not model this; choose ELECTOR to change it.';

export function RunSettingsEditor() {
  const api = useExplorerApi();
  const mode = useExplorer((s) => s.session.settings.mode);
  const costModel = useExplorer((s) => s.session.settings.costModel);
  const set = api.getState().setSettings;
  const reference = costModel === 'reference';
  return (
    <div className="editor run-settings-editor">
      <RadioGroup legend="Mode" value={mode} options={MODES} onChange={(m) => set({ mode: m })} />
      {/* The reference simulator runs one sequence length: choosing it sets that length. */}
      <RadioGroup
        legend="Cost model"
        value={costModel}
        options={COST_MODELS}
        onChange={(c) => set(c === 'reference' ? { costModel: c, seqLen: REFERENCE_SEQ_LEN } : { costModel: c })}
      />
      <fieldset className="field-group" data-testid="workload-settings">
        <legend>Workload</legend>
        <SeqLenField />
        {mode === 'training' && <AccumulationField disabled={reference} />}
        <CheckField
          setting="mlmHead"
          label="MLM head"
          testId="mlm-head"
          disabled={reference}
          about="Adds BERT's masked-language-model head after the last layer (a dense layer, GELU, LayerNorm and a decoder over the whole vocabulary that reuses the word-embedding weights), the extra work of pre-training."
        />
        {reference && (
          <p className="field-note" data-testid="reference-note">
            The reference model is AccelTran&apos;s published simulator: it runs {REFERENCE_SEQ_LEN}-token sequences, without an MLM
            head, gradient accumulation or power gating. Choose ELECTOR to change these.
          </p>
        )}
      </fieldset>
      <fieldset className="field-group">
        <legend>Sparsity</legend>
        {SPARSITIES.map((s) => (
          <SparsityField key={s.kind} kind={s.kind} label={s.label} about={s.about} />
        ))}
        <MeasuredSparsityNote />
      </fieldset>
      <ClockField />
      <CheckField
        setting="powerGating"
        label="Power-gate idle units"
        testId="power-gating"
        disabled={reference}
        about="Switches off compute units (MAC lanes, softmax and layer-norm units) while they have no work, so they leak almost nothing; buffers hold data and always leak. Untick it to see what leakage costs without gating."
      />
      <MappingObjectiveField disabled={reference} />
    </div>
  );
}

/** Per-op sparsity from a DynaProp run overrides these sliders for the op kinds it covers: say so, and offer to clear it. */
function MeasuredSparsityNote() {
  const api = useExplorerApi();
  const byOp = useExplorer((s) => s.session.settings.sparsityByOp);
  const kinds = byOp ? Object.keys(byOp) : [];
  if (kinds.length === 0) return null;
  return (
    <p className="field-note" data-testid="measured-sparsity-note">
      Measured per-op sparsity (DynaProp) is in use for {kinds.join(', ')}: it overrides these sliders there.{' '}
      <button type="button" className="link-button" data-testid="clear-measured-sparsity" onClick={() => api.getState().setSettings({ sparsityByOp: undefined })}>
        Clear it
      </button>
    </p>
  );
}

function SeqLenField() {
  const api = useExplorerApi();
  const seqLen = useExplorer((s) => s.session.settings.seqLen);
  const costModel = useExplorer((s) => s.session.settings.costModel);
  const issues = seqLenIssues({ seqLen, costModel });
  // Fixed under the reference model; left open when a link broke that rule, so it can be fixed here.
  const locked = costModel === 'reference' && issues.length === 0;
  return (
    <SelectField
      label="Sequence length (tokens)"
      value={seqLen}
      options={numberOptions(seqLenChoices(seqLen))}
      onChange={(v) => api.getState().setSettings({ seqLen: v })}
      issues={issues}
      disabled={locked}
      testId="seq-len"
      about={
        <>
          How many tokens each input sequence holds: attention work grows with its square and the other layers&apos; linearly, so
          longer sequences cost more time, energy and on-chip memory (FlexiBERT and the TransCODE paper use {REFERENCE_SEQ_LEN}).
        </>
      }
    />
  );
}

function AccumulationField({ disabled }: { disabled: boolean }) {
  const id = useId();
  const api = useExplorerApi();
  const steps = useExplorer((s) => s.session.settings.accumulationSteps);
  const batchSize = useExplorer((s) => s.session.design.accelerator.batchSize);
  return (
    <div className="field">
      <label htmlFor={id}>Gradient accumulation steps</label>
      <span className="field-control">
        <NumberInput
          id={id}
          value={steps}
          range={ACCUMULATION_RANGE}
          what="Gradient accumulation steps"
          testId="accumulation-steps"
          disabled={disabled}
          title={disabled ? REFERENCE_IGNORES : undefined}
          onCommit={(v) => api.getState().setSettings({ accumulationSteps: v })}
        />
      </span>
      {!disabled && (
        <p className="field-note" data-testid="global-batch">
          {globalBatchNote(steps, batchSize)}
        </p>
      )}
      <Explain>
        Training sums the gradients of this many batches (micro-batches of the accelerator&apos;s batch size) before one AdamW
        weight update, so the optimizer&apos;s cost is shared among them and a large global batch trains on small hardware.
      </Explain>
    </div>
  );
}

function CheckField({ setting, label, about, testId, disabled }: { setting: 'mlmHead' | 'powerGating'; label: string; about: ReactNode; testId: string; disabled: boolean }) {
  const id = useId();
  const api = useExplorerApi();
  const checked = useExplorer((s) => s.session.settings[setting]);
  return (
    <div className="field check-field">
      <label htmlFor={id}>{label}</label>
      <span className="field-control">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={disabled}
          title={disabled ? REFERENCE_IGNORES : undefined}
          data-testid={testId}
          onChange={(e) => api.getState().setSettings({ [setting]: e.currentTarget.checked })}
        />
      </span>
      <Explain>{about}</Explain>
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
