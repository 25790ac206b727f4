/**
 * What the lab trains and how: the model (the editor's or BERT-Tiny), the dataset,
 * the pruning targets, the training settings, the backend, and the experiment
 * grid. Every value lives in the session (`dynaprop`), so a link reproduces it.
 */
import { useExplorer, useExplorerApi } from '../../state/useExplorer.ts';
import { DATASET_INFO } from '../../core/dynaprop/data/batches.ts';
import { DATASET_IDS, DATASET_SEQ_LEN, DYNAPROP_LIMITS, GRADIENT_MODES, type DatasetId, type GradientMode } from '../../core/dynaprop/config.ts';
import { DATASET_STORED_LEN, LAB_BACKENDS, type LabBackend, type LabModelSource } from '../../core/share/limits.ts';
import { MODEL_PRESETS } from '../../core/space/transformer/presets.ts';
import type { ModelDict } from '../../core/space/transformer/types.ts';
import { LabNumberField, LabSelect, TargetField, TargetListField } from './LabFields.tsx';
import { formatTargetList, gridRunCount, parseTargetList } from './labView.ts';

const D = DYNAPROP_LIMITS;
const GRADIENT_MODE_LABELS: Record<GradientMode, string> = {
  delta: 'δ at each site (paper)',
  param: 'parameter gradients (code)',
  both: 'both',
};
const BACKEND_LABELS: Record<LabBackend, string> = { auto: 'auto', wasm: 'wasm', webgl: 'webgl', cpu: 'cpu' };
const BACKEND_NOTES: Record<LabBackend, string> = {
  auto: 'wasm, else webgl, else cpu', wasm: 'fast everywhere', webgl: 'GPU, where a worker has one', cpu: 'slow; bit-for-bit repeatable',
};

/** "2 layers, hidden 128 → 256": what the editor holds, in a few words. */
function describeModel(m: ModelDict): string {
  const hidden = [...new Set(m.h)];
  return `${m.l} layer${m.l === 1 ? '' : 's'}, hidden ${hidden.join('/')}`;
}

export function LabForm() {
  const lab = useExplorer((s) => s.session.dynaprop);
  const editorModel = useExplorer((s) => s.session.design.model);
  const api = useExplorerApi();
  const set = api.getState().setLab;
  const maxSeq = DATASET_STORED_LEN[lab.dataset];
  const tiny = MODEL_PRESETS['bert-tiny'].model;
  const models: { value: LabModelSource; label: string }[] = [
    { value: 'bert-tiny', label: 'BERT-Tiny preset' },
    { value: 'editor', label: "The editor's model" },
  ];
  const shown = lab.model === 'editor' ? editorModel : tiny;
  return (
    <form className="lab-form" aria-label="DynaProp run settings" onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>Model and data</legend>
        <LabSelect
          label="Model" value={lab.model} options={models} testId="lab-model" onChange={(model) => set({ model })}
          note={`${describeModel(shown)}${lab.model === 'editor' && editorModel.l > 4 ? ': a large model trains slowly in a browser tab' : ''}`}
        />
        <LabSelect
          label="Dataset" value={lab.dataset} testId="lab-dataset"
          options={DATASET_IDS.map((d) => ({ value: d, label: d === 'names' ? 'First names' : 'SpamAssassin' }))}
          onChange={(dataset: DatasetId) => set({ dataset, seqLen: Math.min(DATASET_SEQ_LEN[dataset], DATASET_STORED_LEN[dataset]) })}
          note={DATASET_INFO[lab.dataset].description}
        />
      </fieldset>
      <fieldset>
        <legend>Pruning targets</legend>
        <TargetField label="Activation sparsity" value={lab.targetActivationSparsity} testId="lab-target-activation" onCommit={(v) => set({ targetActivationSparsity: v })} />
        <TargetField label="Gradient sparsity" value={lab.targetGradientSparsity} testId="lab-target-gradient" onCommit={(v) => set({ targetGradientSparsity: v })} />
        <LabSelect
          label="Gradients pruned" value={lab.gradientMode} testId="lab-gradient-mode" onChange={(gradientMode) => set({ gradientMode })}
          options={GRADIENT_MODES.map((m) => ({ value: m, label: GRADIENT_MODE_LABELS[m] }))}
        />
      </fieldset>
      <fieldset>
        <legend>Training</legend>
        <LabNumberField label="Steps" value={lab.steps} testId="lab-steps" range={{ ...D.steps, step: 1, unit: '', integer: true }} onCommit={(steps) => set({ steps })} />
        <LabNumberField label="Batch size" value={lab.batchSize} testId="lab-batch" range={{ ...D.batchSize, step: 1, unit: '', integer: true }} onCommit={(batchSize) => set({ batchSize })} />
        <LabNumberField
          label="Sequence length" value={lab.seqLen} testId="lab-seq-len" range={{ min: D.seqLen.min, max: maxSeq, step: 1, unit: 'tokens', integer: true }}
          onCommit={(seqLen) => set({ seqLen })} note={`the ${lab.dataset} file stores ${maxSeq}`}
        />
        <LabNumberField label="Learning rate" value={lab.learningRate} testId="lab-lr" range={{ ...D.learningRate, step: 1e-4, unit: '' }} onCommit={(learningRate) => set({ learningRate })} />
        <LabNumberField label="Seed" value={lab.seed} testId="lab-seed" range={{ ...D.seed, step: 1, unit: '', integer: true }} onCommit={(seed) => set({ seed })} />
        <LabSelect
          label="Backend" value={lab.backend} testId="lab-backend" onChange={(backend) => set({ backend })}
          options={LAB_BACKENDS.map((b) => ({ value: b, label: BACKEND_LABELS[b] }))} note={BACKEND_NOTES[lab.backend]}
        />
      </fieldset>
      <fieldset>
        <legend>Experiment grid</legend>
        <TargetListField
          label="Activation targets" value={lab.grid.activation} testId="lab-grid-activation" format={formatTargetList}
          parse={(t) => parseTargetList(t, 'Activation targets')} onCommit={(activation) => set({ grid: { ...lab.grid, activation } })}
        />
        <TargetListField
          label="Gradient targets" value={lab.grid.gradient} testId="lab-grid-gradient" format={formatTargetList}
          parse={(t) => parseTargetList(t, 'Gradient targets')} onCommit={(gradient) => set({ grid: { ...lab.grid, gradient } })}
        />
        <p className="lab-note" data-testid="lab-grid-size">
          {gridRunCount(lab.grid)} runs: the unpruned baseline, then every activation × gradient pair (“none” leaves that direction unpruned).
        </p>
      </fieldset>
    </form>
  );
}
