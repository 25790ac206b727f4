/**
 * The search's settings: the objective's five weights, algorithm, budget, seed, mode and the
 * one-sided choice. Every edit goes to the session (links keep it); a value that breaks a
 * rule stays in its field with a message naming the field and is not committed.
 */
import { useState } from 'react';
import { useExplorer, useExplorerApi } from '../../state/useExplorer.ts';
import { useCodesign, useCodesignApi } from '../../state/codesign/appCodesign.ts';
import type { CodesignSettings } from '../../core/share/schema.ts';
import { CODESIGN_ALGORITHMS, CODESIGN_RANGES } from '../../core/share/limits.ts';
import { PredictorField } from './PredictorField.tsx';
import { useFieldDraft } from '../common/useFieldDraft.ts';

const WEIGHTS: readonly { key: keyof CodesignSettings['weights']; label: string }[] = [
  { key: 'accuracy', label: 'Accuracy' },
  { key: 'latency', label: 'Latency' },
  { key: 'dynamicEnergy', label: 'Dynamic energy' },
  { key: 'leakageEnergy', label: 'Leakage energy' },
  { key: 'area', label: 'Area' },
];

const ALGORITHM_LABELS: Record<(typeof CODESIGN_ALGORITHMS)[number], string> = {
  boshcode: 'BOSHCODE (surrogate-guided)', evolution: 'Regularised evolution', random: 'Random search',
};

const isWeightField = (id: string): boolean => id.startsWith('weights.');

/** A number field that commits only valid values; `check` returns the problem or null. */
function NumberField({ id, label, value, check, commit, title }: { id: string; label: string; value: number; check: (v: number) => string | null; commit: (v: number) => void; title?: string }) {
  const { store } = useCodesignApi();
  const [draft, setDraft] = useFieldDraft(value, () => {
    const invalid = { ...store.getState().invalid };
    delete invalid[id];
    store.setState({ invalid });
  });
  const problem = useCodesign((s) => s.invalid[id]);
  const onChange = (text: string) => {
    setDraft(text);
    const v = Number(text);
    const issue = text.trim() === '' || !Number.isFinite(v) ? `"${text}" is not a number` : check(v);
    const invalid = { ...store.getState().invalid };
    // Named as the form labels it (the Run bar lists these away from their fields).
    if (issue) invalid[id] = `${isWeightField(id) ? `${label} weight` : label}: ${issue}`;
    else delete invalid[id];
    store.setState({ invalid });
    if (!issue) commit(v);
  };
  return (
    <label className="cd-field" title={title}>
      <span>{label}</span>
      <input
        type="text" inputMode="decimal" data-testid={`cd-${id}`} value={draft ?? String(value)} aria-invalid={problem ? true : undefined}
        onChange={(e) => onChange(e.target.value)} onBlur={() => { if (!problem) setDraft(null); }}
      />
      {problem && <span className="cd-field-error" role="alert">{problem}</span>}
    </label>
  );
}

export function SettingsForm() {
  const s = useExplorer((x) => x.session.codesign);
  const api = useExplorerApi();
  const set = (patch: Partial<CodesignSettings>) => api.getState().setCodesign(patch);
  const running = useCodesign((x) => x.status === 'running' || x.compare.status === 'running');
  const weightSum = Object.values(s.weights).reduce((a, b) => a + b, 0);
  const weightRejected = useCodesign((x) => Object.keys(x.invalid).some(isWeightField));
  const [wMax] = [CODESIGN_RANGES.weight[1]];
  const { store } = useCodesignApi();
  // Bumped by a preset so the weight fields remount: a rejected text lives only in a field's own
  // draft, and the preset's value may equal the committed one, so nothing else would replace it.
  const [presetCount, setPresetCount] = useState(0);
  const applyPreset = (patch: Partial<CodesignSettings>) => {
    store.setState({ invalid: Object.fromEntries(Object.entries(store.getState().invalid).filter(([k]) => !isWeightField(k))) });
    setPresetCount((n) => n + 1);
    set(patch);
  };
  return (
    <form className="cd-form" onSubmit={(e) => e.preventDefault()} aria-label="Co-design settings">
      <fieldset disabled={running}>
        <legend>Objective weights</legend>
        <p className="cd-caption" data-testid="cd-formula">
          performance = (w<sub>acc</sub>·A + w<sub>lat</sub>·(1 − T<sub>lat</sub>) + w<sub>dyn</sub>·(1 − T<sub>dyn</sub>) + w<sub>leak</sub>·(1 − T<sub>leak</sub>) + w<sub>area</sub>·(1 − T<sub>area</sub>)) / Σw,
          each term normalised to [0, 1] (hardware terms on a log scale between frozen bounds; docs/codesign.md §2.2).
          {weightRejected ? ' Σw is shown once every weight is a valid number.' : ` Σw = ${weightSum.toFixed(2)}.`}
          {s.accuracyFloor === 'baseline' && ' Pairs predicted below the baseline\'s accuracy score below 0, under every pair that is not (§2.5).'}
        </p>
        <div className="cd-weights">
          {WEIGHTS.map((w) => (
            <NumberField
              key={`${w.key}-${presetCount}`} id={`weights.${w.key}`} label={w.label} value={s.weights[w.key]}
              check={(v) => (v < 0 ? 'must be a number ≥ 0' : v > wMax ? `must be at most ${wMax}` : Object.entries(s.weights).every(([k, x]) => (k === w.key ? v : x) === 0) ? 'all weights are 0: at least one must be positive' : null)}
              commit={(v) => set({ weights: { ...s.weights, [w.key]: v } })}
            />
          ))}
        </div>
        <button type="button" className="cd-link-button" onClick={() => applyPreset({ weights: { accuracy: 0.5, latency: 0.1, dynamicEnergy: 0.2, leakageEnergy: 0.1, area: 0.1 } })}>
          Paper's weights (0.5 / 0.1 / 0.2 / 0.1, area 0.1)
        </button>
        <label className="cd-check" title="Pairs predicted below the baseline's accuracy rank below every pair that is not (docs/codesign.md §2.5)">
          <input
            type="checkbox" data-testid="cd-accuracy-floor" checked={s.accuracyFloor === 'baseline'}
            onChange={(e) => set({ accuracyFloor: e.target.checked ? 'baseline' : 'none' })}
          />
          <span>Constraint: no lower predicted accuracy than the baseline pair (BERT-Base)</span>
        </label>
        <button
          type="button" className="cd-link-button" data-testid="cd-aim-headline"
          title="Training mode, the accuracy constraint on, and the paper's hardware weights with accuracy and area at 0: the search then buys latency and energy at BERT-Base's accuracy"
          onClick={() => applyPreset({ mode: 'training', accuracyFloor: 'baseline', weights: { accuracy: 0, latency: 0.1, dynamicEnergy: 0.2, leakageEnergy: 0.1, area: 0 } })}
        >
          Aim at the paper's headline (training, accuracy as a constraint)
        </button>
      </fieldset>
      <fieldset disabled={running}>
        <legend>Predictor</legend>
        <PredictorField />
      </fieldset>
      <fieldset disabled={running}>
        <legend>Search</legend>
        <label className="cd-field">
          <span>Algorithm</span>
          <select data-testid="cd-algorithm" value={s.algorithm} onChange={(e) => set({ algorithm: e.target.value as CodesignSettings['algorithm'] })}>
            {CODESIGN_ALGORITHMS.map((a) => <option key={a} value={a}>{ALGORITHM_LABELS[a]}</option>)}
          </select>
        </label>
        <NumberField id="budget" label="Budget (simulator queries)" value={s.budget} commit={(v) => set({ budget: v })}
          check={(v) => (!Number.isInteger(v) || v < CODESIGN_RANGES.budget[0] || v > CODESIGN_RANGES.budget[1] ? `must be a whole number from ${CODESIGN_RANGES.budget[0]} to ${CODESIGN_RANGES.budget[1].toLocaleString('en')}` : null)} />
        <NumberField id="seed" label="Seed" value={s.seed} commit={(v) => set({ seed: v })} title="The same seed repeats a search exactly"
          check={(v) => (!Number.isInteger(v) || v < 0 || v > CODESIGN_RANGES.seed[1] ? 'must be a whole number from 0 to 2³² − 1' : null)} />
        <label className="cd-field">
          <span>Mode</span>
          <select data-testid="cd-mode" value={s.mode} onChange={(e) => set({ mode: e.target.value as CodesignSettings['mode'] })}>
            <option value="inference">Inference (one batch)</option>
            <option value="training">Training (one optimizer step)</option>
            <option value="both">Both (half each)</option>
          </select>
        </label>
        <label className="cd-field">
          <span>Search over</span>
          <select data-testid="cd-fixed" value={s.fixed} onChange={(e) => set({ fixed: e.target.value as CodesignSettings['fixed'] })}>
            <option value="none">Transformer and accelerator</option>
            <option value="accelerator">Transformers only (fix the editor's accelerator)</option>
            <option value="transformer">Accelerators only (fix the editor's transformer)</option>
          </select>
        </label>
      </fieldset>
    </form>
  );
}
