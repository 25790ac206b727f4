/**
 * "Compare algorithms": BOSHCODE, evolution and random search over several seeds at the
 * panel's budget; the best performance per algorithm as median (dot) and min–max (bar), and
 * the median best-so-far curves overlaid.
 */
import { useState } from 'react';
import { line, scaleLinear } from 'd3';
import { useElementWidth } from '../../charts/useElementWidth.ts';
import { useCodesign, useCodesignApi } from '../../state/codesign/appCodesign.ts';
import { useExplorer } from '../../state/useExplorer.ts';

const COLORS: Record<string, string> = { boshcode: 'var(--cd-boshcode, #0072b2)', evolution: 'var(--cd-evolution, #d55e00)', random: 'var(--cd-random, #009e73)' };
const M = { top: 8, right: 14, bottom: 34, left: 84 };

export function CompareAlgorithms() {
  const { controller } = useCodesignApi();
  const c = useCodesign((s) => s.compare);
  const busy = useCodesign((s) => s.status === 'running' || s.compare.status === 'running');
  const budget = useExplorer((s) => s.session.codesign.budget);
  const [seeds, setSeeds] = useState(3);
  const [ref, width] = useElementWidth<HTMLDivElement>(360);
  const sums = c.summaries;
  const lo = Math.min(...sums.map((s) => s.min)), hi = Math.max(...sums.map((s) => s.max));
  const x = scaleLinear().domain(lo === hi ? [lo - 0.01, hi + 0.01] : [lo, hi]).range([M.left, Math.max(M.left + 40, width - M.right)]).nice();
  const rowH = 26, H1 = M.top + sums.length * rowH + M.bottom;
  const H2 = 180;
  const cx = scaleLinear().domain([1, Math.max(2, c.budget)]).range([M.left, Math.max(M.left + 40, width - M.right)]);
  const curves = sums.flatMap((s) => s.medianCurve.filter(Number.isFinite));
  const cy = scaleLinear().domain(curves.length ? [Math.min(...curves), Math.max(...curves)] : [0, 1]).range([H2 - M.bottom, M.top]).nice();
  const path = line<number>().x((_, i) => cx(i + 1)).y((v) => cy(v)).defined(Number.isFinite);
  return (
    <section className="cd-compare" aria-label="Compare algorithms">
      <h3>Compare algorithms</h3>
      <div className="cd-run-buttons">
        <label className="cd-field cd-inline">
          <span>Seeds</span>
          <input type="number" min={1} max={10} value={seeds} data-testid="cd-compare-seeds" onChange={(e) => setSeeds(Math.max(1, Math.min(10, Number(e.target.value) || 1)))} />
        </label>
        <button type="button" data-testid="cd-compare" disabled={busy} onClick={() => void controller.compare(seeds)}>
          Compare 3 algorithms × {seeds} seeds at {budget} queries
        </button>
      </div>
      {c.status === 'running' && (
        <div className="cd-progress"><progress max={c.total} value={c.done} aria-label="Comparison progress" /><span>{c.done} / {c.total} searches</span></div>
      )}
      {c.message && <p className={c.status === 'error' ? 'cd-error' : 'cd-caption'} role="status">{c.message}</p>}
      {c.status === 'done' && sums.length > 0 && (
        <figure className="cd-chart" data-testid="cd-compare-chart" ref={ref}>
          <figcaption>
            Best performance over seeds {c.seeds.join(', ')} at {c.budget} queries: median (dot) and min–max (bar). Same objective and predictor as a single search.
          </figcaption>
          <svg width={width} height={H1} role="img" aria-label={sums.map((s) => `${s.algorithm}: median ${s.median.toFixed(3)}, range ${s.min.toFixed(3)} to ${s.max.toFixed(3)}`).join('; ')}>
            {x.ticks(4).map((t) => <text key={t} x={x(t)} y={H1 - M.bottom + 14} textAnchor="middle" className="tick">{t.toFixed(2)}</text>)}
            <text x={(M.left + width - M.right) / 2} y={H1 - 4} textAnchor="middle" className="axis-title">best performance</text>
            {sums.map((s, i) => {
              const yy = M.top + i * rowH + rowH / 2;
              return (
                <g key={s.algorithm} style={{ color: COLORS[s.algorithm] }}>
                  <text x={M.left - 8} y={yy} dy="0.32em" textAnchor="end" className="tick">{s.algorithm}</text>
                  <line x1={x(s.min)} x2={x(s.max)} y1={yy} y2={yy} className="cd-range" />
                  <circle cx={x(s.median)} cy={yy} r={5} className="cd-median"><title>{`${s.algorithm}: median ${s.median.toFixed(3)} (min ${s.min.toFixed(3)}, max ${s.max.toFixed(3)})`}</title></circle>
                </g>
              );
            })}
          </svg>
          <svg width={width} height={H2} role="img" aria-label="Median best-so-far against queries per algorithm">
            {cy.ticks(4).map((t) => <text key={t} x={M.left - 6} y={cy(t)} dy="0.32em" textAnchor="end" className="tick">{t.toFixed(2)}</text>)}
            {cx.ticks(4).map((t) => <text key={t} x={cx(t)} y={H2 - M.bottom + 14} textAnchor="middle" className="tick">{t}</text>)}
            <text x={(M.left + width - M.right) / 2} y={H2 - 4} textAnchor="middle" className="axis-title">simulator queries (median best so far)</text>
            {sums.map((s) => <path key={s.algorithm} d={path(s.medianCurve) ?? ''} style={{ color: COLORS[s.algorithm] }} className="cd-curve" />)}
          </svg>
          <table className="cd-table">
            <thead><tr><th>algorithm</th><th>median</th><th>min</th><th>max</th><th>median s per run</th></tr></thead>
            <tbody>
              {sums.map((s) => (
                <tr key={s.algorithm}><td>{s.algorithm}</td><td>{s.median.toFixed(3)}</td><td>{s.min.toFixed(3)}</td><td>{s.max.toFixed(3)}</td><td>{[...s.seconds].sort((a, b) => a - b)[Math.floor(s.seconds.length / 2)].toFixed(1)}</td></tr>
              ))}
            </tbody>
          </table>
        </figure>
      )}
    </section>
  );
}
