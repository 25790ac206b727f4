/**
 * Export of points (CSV, JSON; front, selection or all) and of the plot (SVG,
 * PNG). Building rows for 100k points is sliced into batches with a yield
 * between them, so the main thread never blocks for long.
 */
import { useState } from 'react';
import { useStore } from 'zustand';
import { planFor } from '../../core/sweep/sample.ts';
import { exportPoint, pointsToCsv, pointsToJson, type ExportPoint } from './exportPoints.ts';
import { download, plotPng, plotSvg } from './plotExport.ts';
import { sweepRunStore } from './sweepRunStore.ts';
import type { PlotEngine } from './plotEngine.ts';

type Which = 'front' | 'selection' | 'all';
const BATCH = 5000;

async function collectPoints(which: Which): Promise<{ points: ExportPoint[]; name: string } | null> {
  const { job, columns, errors, front, selection } = sweepRunStore.getState();
  if (!job || !columns || !errors) return null;
  const plan = planFor(job.spec);
  const levels = new Int32Array(plan.params.length);
  const indices: ArrayLike<number> = which === 'front' ? front : which === 'selection' ? selection : Int32Array.from({ length: job.total }, (_, i) => i);
  const points: ExportPoint[] = [];
  for (let start = 0; start < indices.length; start += BATCH) {
    for (let k = start; k < Math.min(indices.length, start + BATCH); k++) {
      const i = indices[k];
      // "All" means every simulated point; failed and not-yet-arrived points are left out.
      if (which === 'all' && (errors[i] || Number.isNaN(columns.latency[i]))) continue;
      points.push(exportPoint(plan, job, columns, i, levels));
    }
    if (start + BATCH < indices.length) await new Promise((r) => setTimeout(r, 0));
  }
  return { points, name: `sweep-seed${job.spec.seed}-${which}` };
}

export function SweepExport({ engineRef }: { engineRef: { current: PlotEngine | null } }) {
  const [which, setWhich] = useState<Which>('front');
  const [busy, setBusy] = useState(false);
  const hasPoints = useStore(sweepRunStore, (s) => s.columns !== null);

  const exportPoints = async (format: 'csv' | 'json') => {
    setBusy(true);
    try {
      const got = await collectPoints(which);
      const job = sweepRunStore.getState().job;
      if (!got || !job) return;
      if (format === 'csv') download(`${got.name}.csv`, pointsToCsv(planFor(job.spec), got.points), 'text/csv');
      else download(`${got.name}.json`, pointsToJson(job, which, got.points), 'application/json');
    } finally {
      setBusy(false);
    }
  };
  const plotParts = () => {
    const engine = engineRef.current;
    if (!engine) return null;
    // Draw synchronously so the canvas holds the current frame.
    engine.draw();
    return engine.els;
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
      <button type="button" data-testid="export-csv" disabled={!hasPoints || busy} onClick={() => exportPoints('csv')}>CSV</button>
      <button type="button" data-testid="export-json" disabled={!hasPoints || busy} onClick={() => exportPoints('json')}>JSON</button>
      <span className="muted">Plot:</span>
      <button type="button" data-testid="export-svg" disabled={!hasPoints} onClick={() => { const p = plotParts(); if (p) download('pareto-plot.svg', plotSvg(p.svg, p.canvas), 'image/svg+xml'); }}>SVG</button>
      <button type="button" data-testid="export-png" disabled={!hasPoints} onClick={async () => { const p = plotParts(); if (p) download('pareto-plot.png', await plotPng(p.svg, p.canvas), 'image/png'); }}>PNG</button>
    </div>
  );
}
