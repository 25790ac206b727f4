/**
 * The sweep settings: what varies, which parameters, how many samples, the
 * sampler (grid: up to three parameters), the seed, and Run / Cancel.
 */
import { useLayoutEffect, useRef } from 'react';
import { useExplorer, useExplorerApi } from '../../state/useExplorer.ts';
import { SWEEP_LIMITS } from '../../core/share/limits.ts';
import type { SweepSettings } from '../../core/share/schema.ts';
import { SWEEP_PARAMS } from '../../core/sweep/params.ts';
import { gridSummary, resolveParams, sweepSize, variedSpaces } from '../../core/sweep/plan.ts';
import { Explain } from '../common/Explain.tsx';
import { samplesProblem, seedProblem } from './sweepFieldProblems.ts';
import { useFieldDraft } from '../common/useFieldDraft.ts';

const VARY: { id: SweepSettings['vary']; label: string }[] = [
  { id: 'accelerator', label: 'Accelerator' },
  { id: 'transformer', label: 'Transformer' },
  { id: 'both', label: 'Both' },
];

export function SweepForm({ running, onRun, onCancel }: { running: boolean; onRun: () => void; onCancel: () => void }) {
  const api = useExplorerApi();
  const sweep = useExplorer((s) => s.session.sweep);
  const set = (patch: Partial<SweepSettings>) => api.getState().setSweep(patch);
  const [samplesText, setSamplesText] = useFieldDraft(sweep.samples);
  const [seedText, setSeedText] = useFieldDraft(sweep.seed);
  const spaces = variedSpaces(sweep);
  const inSpace = SWEEP_PARAMS.filter((p) => spaces.includes(p.space));
  const varied = new Set(resolveParams(sweep).map((p) => p.id));
  const grid = sweep.sampler === 'grid';
  const gridInfo = grid ? gridSummary(sweep) : null;
  const gridChosen = new Set((gridInfo?.params ?? []).map((p) => p.id));
  const size = sweepSize(sweep);
  const samplesError = !grid && samplesText !== null ? samplesProblem(samplesText) : null;
  const seedError = seedText !== null ? seedProblem(seedText) : null;
  const fieldError = samplesError ?? seedError;
  // Run is disabled while a sweep runs and Cancel when it ends: focus on the button being disabled
  // (or already dropped to <body>) moves to the other one instead of being lost.
  const runRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const wasRunning = useRef(running);
  useLayoutEffect(() => {
    if (wasRunning.current === running) return;
    wasRunning.current = running;
    const from = running ? runRef.current : cancelRef.current;
    const to = running ? cancelRef.current : runRef.current;
    const active = document.activeElement;
    if (active === from || active === null || active === document.body) to?.focus({ preventScroll: true });
  }, [running]);

  const toggleParam = (id: string, on: boolean) => {
    const current = sweep.params.filter((p) => inSpace.some((q) => q.id === p));
    const next = on ? [...current, id] : current.filter((p) => p !== id);
    set({ params: next.length === inSpace.length ? [] : next });
  };
  const toggleGrid = (id: string, on: boolean) => {
    const current = [...gridChosen];
    set({ gridParams: on ? [...current, id].slice(0, SWEEP_LIMITS.maxGridParams) : current.filter((p) => p !== id) });
  };

  // Grid: the summary names the grid parameters and their levels, and the sample count is their product.
  const variedSummary = gridInfo
    ? `grid over ${gridInfo.params.map((p) => p.label).join(' × ')}: ${gridInfo.levels.join(' × ')} = ${gridInfo.combinations.toLocaleString('en-US')} combinations`
      + (gridInfo.capped ? `, first ${gridInfo.count.toLocaleString('en-US')} run` : '')
    : sweep.params.length === 0 || varied.size === inSpace.length
      ? `all ${inSpace.length} vary`
      : `${varied.size} of ${inSpace.length} vary: ${inSpace.filter((p) => varied.has(p.id)).map((p) => p.label).join(', ')}`;

  return (
    <form className="sweep-form" onSubmit={(e) => { e.preventDefault(); if (!running && !fieldError) onRun(); }} aria-label="Sweep settings">
      <div className="sweep-row">
        <fieldset className="sweep-vary">
          <legend>Vary</legend>
          {VARY.map((v) => (
            <label key={v.id}>
              <input type="radio" name="sweep-vary" value={v.id} checked={sweep.vary === v.id} onChange={() => set({ vary: v.id })} /> {v.label}
            </label>
          ))}
        </fieldset>
        <label>
          Sampler{' '}
          <select data-testid="sweep-sampler" value={sweep.sampler} onChange={(e) => set({ sampler: e.target.value as SweepSettings['sampler'] })}>
            <option value="random">Random</option>
            <option value="lhs">Latin hypercube</option>
            <option value="grid">Grid (≤ 3 parameters)</option>
          </select>
        </label>
        <label>
          Samples{' '}
          <input
            type="number" data-testid="sweep-samples" min={1} max={SWEEP_LIMITS.maxSamples} step={1} disabled={grid}
            title={grid ? 'A grid runs every combination of its parameters' : undefined}
            value={grid ? String(size) : samplesText ?? String(sweep.samples)} aria-invalid={samplesError ? true : undefined}
            aria-describedby={samplesError ? 'sweep-samples-error' : undefined}
            onChange={(e) => {
              setSamplesText(e.target.value);
              if (!samplesProblem(e.target.value)) set({ samples: Number(e.target.value) });
            }}
            onBlur={() => !samplesError && setSamplesText(null)}
          />
        </label>
        <label>
          Seed{' '}
          <input
            type="number" className="seed-input" data-testid="sweep-seed" min={0} max={SWEEP_LIMITS.maxSeed} step={1}
            value={seedText ?? String(sweep.seed)} aria-invalid={seedError ? true : undefined}
            aria-describedby={seedError ? 'sweep-seed-error' : undefined}
            onChange={(e) => {
              setSeedText(e.target.value);
              if (!seedProblem(e.target.value)) set({ seed: Number(e.target.value) });
            }}
            onBlur={() => !seedError && setSeedText(null)}
          />
        </label>
        {/* The count of rejected Samples text would be the last valid one's: none is shown instead. */}
        <span className="muted" data-testid="sweep-size">{samplesError ? 'no pairs' : `${size.toLocaleString('en-US')} pairs`}</span>
        <button type="submit" ref={runRef} className="primary" data-testid="sweep-run" disabled={running || !!fieldError}>Run sweep</button>
        <button type="button" ref={cancelRef} data-testid="sweep-cancel" disabled={!running} onClick={onCancel}>Cancel</button>
      </div>
      {samplesError && <p id="sweep-samples-error" className="field-error">{samplesError}</p>}
      {seedError && <p id="sweep-seed-error" className="field-error">{seedError}</p>}
      <details className="sweep-params" open={grid || undefined}>
        <summary>Parameters: <span data-testid="sweep-params-summary">{variedSummary}</span></summary>
        {!grid && <fieldset>
          <legend className="visually-hidden">Parameters that vary</legend>
          <p className="muted">Tick the parameters to vary; the rest stay at the current design. None ticked means all.</p>
          <div className="param-grid">
            {inSpace.map((p) => (
              <label key={p.id} title={p.about}>
                <input type="checkbox" checked={sweep.params.includes(p.id)} onChange={(e) => toggleParam(p.id, e.target.checked)} />{' '}
                {p.label} <span className="muted">({p.values.length})</span>
              </label>
            ))}
          </div>
        </fieldset>}
        {grid && (
          <fieldset className="sweep-grid">
            <legend>Grid parameters <span className="muted">(at most {SWEEP_LIMITS.maxGridParams}; every combination of their values runs, the others stay at the current design)</span></legend>
            <div className="param-grid">
              {inSpace.map((p) => (
                <label key={p.id}>
                  <input
                    type="checkbox" data-testid={`grid-param-${p.id}`} checked={gridChosen.has(p.id)}
                    // At most three, and at least one: unticking the last would fall back to the default three.
                    disabled={gridChosen.has(p.id) ? gridChosen.size <= 1 : gridChosen.size >= SWEEP_LIMITS.maxGridParams}
                    onChange={(e) => toggleGrid(p.id, e.target.checked)}
                  />{' '}
                  {p.label} <span className="muted">({p.values.length})</span>
                </label>
              ))}
            </div>
          </fieldset>
        )}
      </details>
      <Explain>
        Random draws each varied parameter uniformly. Latin hypercube splits each parameter's range into as many strata as samples and
        uses every stratum once, so even small sweeps cover each parameter evenly. Grid tries every combination of up to three parameters.
        When every transformer parameter varies (random or Latin hypercube), whole models are drawn from the FlexiBERT 2.0 space, with
        different layers allowed to differ. The seed makes a sweep reproducible: the same seed gives the same points, and share links re-run it.
      </Explain>
    </form>
  );
}
