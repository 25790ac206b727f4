/**
 * Sparsity per prune site (rows) and layer (columns): forward activations above,
 * backward gradients δ below. Live (training, cumulative) while a run goes, then
 * held out for the run on show. Viridis, so it reads in both themes and in grey;
 * every cell also prints its value.
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { ChartFrame } from '../../charts/ChartFrame.tsx';
import { DataTable } from '../../charts/DataTable.tsx';
import { useLab } from '../../state/dynaprop/appLab.ts';
import { frac, heatmapOf, layerName, viridis } from './labView.ts';
import { useShownRun } from './useShownRun.ts';

const CELL_W = 56, CELL_H = 22, LABEL_W = 150, HEAD_H = 20;

export function SparsityHeatmap() {
  const live = useLab(useShallow((s) => ({ running: s.status === 'running', sites: s.progress?.perSite ?? null })));
  const shown = useShownRun();
  const [real, setReal] = useState(false);
  const sites = live.running ? live.sites : shown.run?.heldOut.perSite ?? null;
  const what = live.running ? 'training so far' : 'held out (validation batches, final thresholds)';
  if (!sites || sites.length === 0) {
    return <p className="lab-note lab-empty">{live.running ? 'The per-site sparsity appears with the first progress report.' : 'The per-site sparsity of a run appears here.'}</p>;
  }
  const h = heatmapOf(sites, real);
  const firstBwd = h.rows.findIndex((r) => r.direction !== 'fwd');
  const width = LABEL_W + h.cols.length * CELL_W;
  const height = HEAD_H + h.rows.length * CELL_H + (firstBwd > 0 ? 8 : 0);
  const yOf = (i: number) => HEAD_H + i * CELL_H + (firstBwd > 0 && i >= firstBwd ? 8 : 0);
  const mean = (dir: string) => {
    const v = h.rows.flatMap((r, i) => (r.direction === dir ? h.value[i].filter((x): x is number => x !== null) : []));
    return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
  };
  const controls = (
    <label className="inline-control">
      <input type="checkbox" checked={real} onChange={(e) => setReal(e.target.checked)} data-testid="lab-heatmap-real" /> real tokens only
    </label>
  );
  return (
    <ChartFrame
      id="lab-heatmap" title="Sparsity per site and layer" controls={controls}
      summary={`Fraction of zeros at each prune site, ${what}${real ? ', padding excluded' : ''}: mean over sites ${frac(mean('fwd'), 2)} for activations, ${frac(mean('bwd'), 2)} for gradients.`}
      table={(
        <DataTable
          caption={`Sparsity per site, ${what}`}
          columns={['Site', ...h.cols.map(layerName)]}
          rows={h.rows.map((r, i) => [`${r.direction === 'fwd' ? 'activation' : 'gradient'}: ${r.label}`, ...h.value[i].map((v) => frac(v, 2))])}
        />
      )}
    >
      <div className="lab-heatmap-scroll">
        <svg width={width} height={height} aria-hidden="true" focusable="false" className="lab-heatmap">
          {h.cols.map((c, j) => (
            <text key={c} x={LABEL_W + j * CELL_W + CELL_W / 2} y={14} textAnchor="middle" className="tick">{layerName(c)}</text>
          ))}
          {h.rows.map((r, i) => (
            <g key={r.key} transform={`translate(0,${yOf(i)})`}>
              <text x={LABEL_W - 8} y={CELL_H / 2} dy="0.35em" textAnchor="end" className="row-label">
                {r.direction === 'fwd' ? '→ ' : '← '}{r.label}
              </text>
              {h.value[i].map((v, j) => v === null ? null : (
                <g key={j} transform={`translate(${LABEL_W + j * CELL_W},0)`}>
                  <rect width={CELL_W - 2} height={CELL_H - 2} rx={2} fill={viridis(v)} />
                  <text x={(CELL_W - 2) / 2} y={(CELL_H - 2) / 2} dy="0.35em" textAnchor="middle" className="lab-cell" fill={v > 0.6 ? '#111' : '#fff'}>{v.toFixed(2)}</text>
                </g>
              ))}
            </g>
          ))}
        </svg>
      </div>
      <p className="lab-note">→ activations (forward), ← gradients δ (backward); {what}.</p>
    </ChartFrame>
  );
}
