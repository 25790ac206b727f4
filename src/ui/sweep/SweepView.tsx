/**
 * Sweeps and Pareto fronts: the settings form, progress, the plot, its table,
 * and export. Points live in the run store (not React state); the view stays
 * mounted while hidden, so a sweep keeps running and keeps its points.
 */
import { lazy, Suspense, useRef, useState, type DragEvent } from 'react';
import { useExplorer, useExplorerApi } from '../../state/useExplorer.ts';
import { importSweepFile } from './importSweep.ts';
import { SweepImportStatus } from './SweepImportStatus.tsx';
import { Explain } from '../common/Explain.tsx';
import { OBJECTIVES, OBJECTIVE_INFO } from '../../core/sweep/objectives.ts';
import { SweepForm } from './SweepForm.tsx';
import { SweepProgress } from './SweepProgress.tsx';
import { ParetoPlot } from './ParetoPlot.tsx';
import { FrontTable } from './FrontTable.tsx';
import { SweepExport } from './SweepExport.tsx';
import { useSweepApi, useSweepRun } from '../../state/sweep/appSweep.ts';
import type { PlotEngine } from './plotEngine.ts';

const SweepHistory = lazy(() => import('./SweepHistory.tsx'));
// Lazy: the parallel-coordinates view and its parameter regeneration load when first opened.
const SweepParallel = lazy(() => import('../analysis/SweepParallel.tsx'));
// Lazy too: fronts over 3+ objectives, their hypervolume and the scatter matrix load when first opened.
const ManyObjectives = lazy(() => import('../analysis/objectives/ManyObjectives.tsx'));

export function SweepView({ active }: { active: boolean }) {
  const { controller, history, importer } = useSweepApi();
  const [dropping, setDropping] = useState(false);
  const parallelOpen = useExplorer((s) => s.session.parallel.open);
  const objectivesOpen = useExplorer((s) => s.session.analysis.open);
  const api = useExplorerApi();
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDropping(false);
    const file = e.dataTransfer.files[0];
    if (file) void importSweepFile(file, api, importer);
  };
  const overlayName = useSweepRun((s) => s.overlay?.name ?? null);
  const engineRef = useRef<PlotEngine | null>(null);
  const status = useSweepRun((s) => s.status);
  const runSpec = useSweepRun((s) => s.job?.spec ?? null);
  const spec = useExplorer((s) => s.session.sweep);
  const runBase = useSweepRun((s) => s.job?.base ?? null);
  const sweepBase = useExplorer((s) => s.session.sweepBase);
  const stale = runSpec !== null && JSON.stringify(runSpec) !== JSON.stringify(spec);
  // The view's sweep is built around another design than these points (a view replaced while they were kept).
  const otherBase = !stale && runBase !== null && sweepBase !== null && JSON.stringify(runBase) !== JSON.stringify(sweepBase);

  return (
    <section
      className={dropping ? 'sweep-view dropping' : 'sweep-view'} aria-labelledby="sweep-heading" data-testid="sweep-view"
      onDragOver={(e) => { if (e.dataTransfer.types.includes('Files')) { e.preventDefault(); setDropping(true); } }}
      onDragLeave={(e) => { if (e.currentTarget === e.target) setDropping(false); }}
      onDrop={onDrop}
    >
      <h2 id="sweep-heading" className="visually-hidden">Sweep and Pareto front</h2>
      <SweepForm running={status === 'running'} onRun={() => controller.start()} onCancel={() => controller.cancel()} />
      <SweepProgress />
      <SweepImportStatus />
      {stale && status !== 'running' && (
        <p className="muted" data-testid="sweep-stale">The sweep settings changed since these points were computed; run the sweep again to update them.</p>
      )}
      {otherBase && status !== 'running' && (
        <p className="muted" data-testid="sweep-stale">These points were computed around another design than the one this view’s sweep is built on; run the sweep again to update them.</p>
      )}
      {overlayName !== null && (
        <p className="muted overlay-note" data-testid="overlay-note">
          <span className="swatch" aria-hidden="true" />Overlay: <strong>{overlayName}</strong>, drawn under this sweep on the same axes (its points are not hoverable).{' '}
          <button type="button" className="link-button" onClick={() => void history.overlay(null)}>Remove overlay</button>
        </p>
      )}
      <ParetoPlot controller={controller} active={active} engineRef={engineRef} />
      <details
        className="pc-details" data-testid="pc-details" open={parallelOpen}
        onToggle={(e) => { const open = (e.currentTarget as HTMLDetailsElement).open; if (open !== parallelOpen) api.getState().setParallel({ open }); }}
      >
        <summary>Parallel coordinates: every varied parameter and objective; drag on axes to filter</summary>
        {parallelOpen && <Suspense fallback={<p className="muted">Loading…</p>}><SweepParallel /></Suspense>}
      </details>
      <details
        className="pc-details" data-testid="mo-details" open={objectivesOpen}
        onToggle={(e) => { const open = (e.currentTarget as HTMLDetailsElement).open; if (open !== objectivesOpen) api.getState().setAnalysis({ open }); }}
      >
        <summary>Many objectives: fronts, hypervolume, scatter matrix, importance</summary>
        {objectivesOpen && <Suspense fallback={<p className="muted">Loading…</p>}><ManyObjectives /></Suspense>}
      </details>
      <Explain always label="Where these numbers come from">
        <p>
          Every point is one (transformer, accelerator) pair simulated by ELECTOR with the run settings in force when the sweep started
          (timeline off). Predicted accuracy is maximised and every other objective minimised; a point is on the front (diamonds and the
          staircase) when no other point is at least as good on both axes and better on one. Accuracy is predicted from the model alone
          (it does not depend on the accelerator), with one standard deviation of uncertainty.
        </p>
        <ul>
          {OBJECTIVES.map((o) => <li key={o}><strong>{OBJECTIVE_INFO[o].label}</strong>: {OBJECTIVE_INFO[o].source}</li>)}
        </ul>
      </Explain>
      <SweepExport engineRef={engineRef} />
      <Suspense fallback={null}>
        <SweepHistory />
      </Suspense>
      <FrontTable controller={controller} />
    </section>
  );
}
