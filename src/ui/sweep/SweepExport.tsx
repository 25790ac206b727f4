/**
 * Export of points (CSV, JSON; front, selection or all) and of the plot (SVG,
 * PNG). Points are written on an export worker (`workers-client/exportClient`),
 * which streams progress back: the page never blocks, even for 100k points.
 * With nothing to export (an empty selection), the point exports are disabled.
 */
import { useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { keepPassing } from '../../core/sweep/axisFilter.ts';
import { planFor } from '../../core/sweep/sample.ts';
import type { ExportFormat } from '../../core/sweep/exportTable.ts';
import { download, plotPng, plotSvg, type FigureText } from './plotExport.ts';
import { frontLegendText } from './objectiveFormat.ts';
import { OBJECTIVE_INFO } from '../../core/sweep/objectives.ts';
import { useSweepApi, useSweepRun } from '../../state/sweep/appSweep.ts';
import { validCount, type SweepRunState } from '../../state/sweep/sweepRunStore.ts';
import type { PlotEngine } from './plotEngine.ts';
import { startExport } from '../../workers-client/exportClient.ts';
import { importSweepFile } from './importSweep.ts';
import { useExplorerApi } from '../../state/useExplorer.ts';

type Which = 'front' | 'selection' | 'all';

interface Progress { format: ExportFormat; done: number; total: number }

/**
 * Rows `which` exports: the front, the selection, or all simulated points, each
 * restricted to the parallel-coordinates brushes when any is set (`fails`); null = all, unfiltered.
 */
function indicesFor(which: Which, s: SweepRunState, fails: Uint16Array | null, passing: Int32Array | null): Int32Array | null {
  if (which === 'front') return keepPassing(s.front, fails);
  if (which === 'selection') return keepPassing(s.selection, fails);
  if (!passing || !s.errors) return null;
  const errors = s.errors;
  // A brush on parameter axes alone lets failed pairs through; they have no objectives to export.
  return passing.filter((i) => errors[i] === 0);
}

/** Number of points `which` would export. */
function countFor(which: Which, s: SweepRunState, fails: Uint16Array | null, passing: Int32Array | null): number {
  if (!s.columns) return 0;
  return indicesFor(which, s, fails, passing)?.length ?? Math.max(0, s.done - s.errorCount);
}

export function SweepExport({ engineRef }: { engineRef: { current: PlotEngine | null } }) {
  const [which, setWhich] = useState<Which>('front');
  const [includeModel, setIncludeModel] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const cancelRef = useRef<(() => void) | null>(null);
  const api = useExplorerApi();
  const { store: runs, importer, filter } = useSweepApi();
  const brushed = useStore(filter.store, useShallow((s) => ({ fails: s.fails, passing: s.passing, version: s.version })));
  const cancelled = useRef(false);
  const hasPoints = useSweepRun((s) => s.columns !== null);
  const count = useSweepRun((s) => countFor(which, s, brushed.fails, brushed.passing));
  const wholeModels = useSweepRun((s) => (s.job ? planFor(s.job.spec).randomModel : false));
  const busy = progress !== null;
  const empty = hasPoints && count === 0;

  const exportPoints = async (format: ExportFormat) => {
    const run = runs.getState();
    const { job, columns, errors } = run;
    if (!job || !columns || !errors) return;
    const { fails, passing } = filter.store.getState();
    const indices = indicesFor(which, run, fails, passing);
    setMessage(null);
    cancelled.current = false;
    setProgress({ format, done: 0, total: indices ? indices.length : count });
    try {
      // The export code lives in the worker, which loads on first use.
      const handle = startExport(
        { format, which, job, columns, errors, indices, includeModel: includeModel && wholeModels },
        (done, total) => setProgress({ format, done, total }),
      );
      cancelRef.current = handle.cancel;
      const { blob, name } = await handle.done;
      download(name, blob, blob.type);
      setMessage(`Exported ${count.toLocaleString('en-US')} points as ${format.toUpperCase()}.`);
    } catch (e) {
      setMessage(cancelled.current ? 'Export cancelled.' : `Export failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      cancelRef.current = null;
      setProgress(null);
    }
  };
  const cancel = () => {
    const c = cancelRef.current;
    cancelled.current = true;
    c?.();
  };
  const figureOf = (): [PlotEngine, FigureText] | null => {
    const engine = engineRef.current;
    const run = runs.getState();
    if (!engine || !run.job) return null;
    // Draw synchronously so the canvas holds the current frame.
    engine.draw();
    const { x, y } = api.getState().session.plot;
    const designs = validCount(run).toLocaleString('en-US');
    return [engine, {
      title: `${OBJECTIVE_INFO[y].label} vs ${OBJECTIVE_INFO[x].label.toLowerCase()}`,
      subtitle: `${designs} designs, ${run.front.length.toLocaleString('en-US')} on the Pareto front · ${run.job.spec.sampler} sweep, seed ${run.job.spec.seed} · ${run.job.settings.mode}, ${run.job.settings.costModel} model · TransCODE Explorer`,
      selected: run.selection.length,
      overlay: run.overlay?.name ?? null,
      front: frontLegendText(x, y, run.front.length),
    }];
  };
  const exportFigure = async (format: 'svg' | 'png') => {
    const f = figureOf();
    if (!f) return;
    if (format === 'svg') download('pareto-plot.svg', plotSvg(...f), 'image/svg+xml');
    else download('pareto-plot.png', await plotPng(...f), 'image/png');
  };

  return (
    <div className="sweep-export" role="group" aria-label="Export">
      <label>
        Points{' '}
        <select data-testid="export-which" value={which} onChange={(e) => setWhich(e.target.value as Which)}>
          <option value="front">Front</option>
          <option value="selection">Selection</option>
          <option value="all">All</option>
        </select>
      </label>
      {brushed.passing && <span className="muted" data-testid="export-brushed">(only points inside the parallel-coordinates brushes)</span>}
      {wholeModels && (
        <label title="Adds each point's model as a JSON column (large: about 2 KB a point)">
          <input type="checkbox" data-testid="export-model-json" checked={includeModel} onChange={(e) => setIncludeModel(e.target.checked)} /> model JSON
        </label>
      )}
      <button type="button" data-testid="export-csv" disabled={!hasPoints || busy || empty} onClick={() => exportPoints('csv')}>CSV</button>
      <button type="button" data-testid="export-json" disabled={!hasPoints || busy || empty} onClick={() => exportPoints('json')}>JSON</button>
      {empty && <span className="muted" data-testid="export-empty">{which === 'selection' ? 'Nothing selected: drag on the plot to select points.' : 'No points to export.'}</span>}
      {progress && (
        <span data-testid="export-progress" role="status">
          <progress max={Math.max(1, progress.total)} value={progress.done} />{' '}
          Exporting {progress.format.toUpperCase()}: {progress.done.toLocaleString('en-US')} of {progress.total.toLocaleString('en-US')} points{' '}
          <button type="button" data-testid="export-cancel" onClick={cancel}>Cancel</button>
        </span>
      )}
      {!progress && message && <span className="muted" data-testid="export-message" role="status">{message}</span>}
      <label className="button-like file-button" title="Import a sweep: a result file from the command line (.sweep.jsonl, one shard or merged shards), shown as it is; or a sweep exported as JSON, re-run from its seed. You can also drop a file on the sweep view.">
        Import sweep…{' '}
        <input
          type="file" accept=".json,.jsonl,application/json" data-testid="import-sweep" className="visually-hidden"
          onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void importSweepFile(f, api, importer); }}
        />
      </label>
      <span className="muted">Plot:</span>
      <button type="button" data-testid="export-svg" disabled={!hasPoints} onClick={() => void exportFigure('svg')}>SVG</button>
      <button type="button" data-testid="export-png" disabled={!hasPoints} onClick={() => void exportFigure('png')}>PNG</button>
    </div>
  );
}
