/**
 * The comparison's convergence plot: per algorithm, the median over seeds of the best
 * performance so far after each simulator query (line), and the min–max over seeds (band).
 * Mounted only with results, so its width is measured from its first render.
 */
import { area, line, scaleLinear } from 'd3';
import { useElementWidth } from '../../charts/useElementWidth.ts';
import type { AlgorithmSummary } from '../../core/codesign/compare.ts';
import { ALGORITHM_COLORS } from './compareColors.ts';

const M = { top: 10, right: 12, bottom: 36, left: 48 };
const H = 230;

export function CompareChart({ summaries, budget }: { summaries: AlgorithmSummary[]; budget: number }) {
  const [ref, width] = useElementWidth<HTMLDivElement>(360);
  const values = summaries.flatMap((s) => [...s.minCurve, ...s.maxCurve]).filter(Number.isFinite);
  // Refused first queries score −1; the band would squash the interesting range, so the floor is the lowest median at query 1.
  const floor = Math.min(...summaries.map((s) => s.medianCurve.find(Number.isFinite) ?? Infinity));
  const lo = Math.max(Math.min(...values), floor), hi = Math.max(...values);
  const x = scaleLinear().domain([1, Math.max(2, budget)]).range([M.left, Math.max(M.left + 40, width - M.right)]);
  const y = scaleLinear().domain(lo >= hi ? [lo - 0.01, hi + 0.01] : [lo, hi]).range([H - M.bottom, M.top]).nice();
  const clamp = (v: number) => Math.max(v, y.domain()[0]);
  const median = line<number>().x((_, i) => x(i + 1)).y((v) => y(clamp(v))).defined(Number.isFinite);
  const band = (s: AlgorithmSummary) =>
    area<number>().x((_, i) => x(i + 1)).y0((_, i) => y(clamp(s.minCurve[i]))).y1((_, i) => y(clamp(s.maxCurve[i])))
      .defined((_, i) => Number.isFinite(s.minCurve[i]) && Number.isFinite(s.maxCurve[i]))(s.medianCurve) ?? '';
  const label = summaries.map((s) => `${s.algorithm}: median best ${s.median.toFixed(3)} (range ${s.min.toFixed(3)} to ${s.max.toFixed(3)})`).join('; ');
  return (
    <div ref={ref} data-testid="cd-compare-plot">
      <svg width={width} height={H} role="img" aria-label={`Best so far against simulator queries. ${label}`}>
        {y.ticks(4).map((t) => (
          <g key={t} transform={`translate(0,${y(t)})`}>
            <line x1={M.left} x2={width - M.right} className="gridline" />
            <text x={M.left - 6} dy="0.32em" textAnchor="end" className="tick">{t.toFixed(2)}</text>
          </g>
        ))}
        {x.ticks(Math.max(2, Math.floor(width / 90))).map((t) => <text key={t} x={x(t)} y={H - M.bottom + 14} textAnchor="middle" className="tick">{t}</text>)}
        <text x={(M.left + width - M.right) / 2} y={H - 4} textAnchor="middle" className="axis-title">simulator queries</text>
        <text transform={`translate(12,${(H - M.bottom + M.top) / 2}) rotate(-90)`} textAnchor="middle" className="axis-title">best so far</text>
        {summaries.map((s) => <path key={`band-${s.algorithm}`} d={band(s)} className="cd-band" style={{ color: ALGORITHM_COLORS[s.algorithm] }} />)}
        {summaries.map((s) => (
          <path key={s.algorithm} d={median(s.medianCurve) ?? ''} className="cd-curve" data-testid={`cd-compare-curve-${s.algorithm}`} style={{ color: ALGORITHM_COLORS[s.algorithm] }} />
        ))}
      </svg>
      <ul className="cd-legend">
        {summaries.map((s) => (
          <li key={s.algorithm}><span className="cd-swatch" style={{ background: ALGORITHM_COLORS[s.algorithm] }} />{s.algorithm}</li>
        ))}
        <li className="cd-muted">line: median over seeds · band: min–max</li>
      </ul>
    </div>
  );
}
