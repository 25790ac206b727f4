/** Best performance so far against simulator queries (live), with each query's own score as faint dots. */
import { line, scaleLinear } from 'd3';
import { useElementWidth } from '../../charts/useElementWidth.ts';
import { useCodesign } from '../../state/codesign/appCodesign.ts';

const M = { top: 10, right: 12, bottom: 36, left: 48 };
const H = 220;

export function ConvergencePlot() {
  const has = useCodesign((s) => s.points.length > 0);
  // The chart mounts with its points, so its width is measured from its first render.
  return has ? <ConvergenceChart /> : null;
}

function ConvergenceChart() {
  const points = useCodesign((s) => s.points);
  const budget = useCodesign((s) => (s.status === 'running' ? s.budget : s.points.length));
  const [ref, width] = useElementWidth<HTMLDivElement>(360);
  const ok = points.filter((p) => p.performance >= 0);
  const lo = Math.min(...ok.map((p) => p.performance), points[points.length - 1].bestSoFar);
  const hi = Math.max(...points.map((p) => p.bestSoFar));
  const x = scaleLinear().domain([1, Math.max(2, budget)]).range([M.left, Math.max(M.left + 40, width - M.right)]);
  const y = scaleLinear().domain(lo === hi ? [lo - 0.01, hi + 0.01] : [lo, hi]).range([H - M.bottom, M.top]).nice();
  const path = line<{ query: number; bestSoFar: number }>().x((p) => x(p.query)).y((p) => y(p.bestSoFar));
  const best = points[points.length - 1].bestSoFar;
  return (
    <figure className="cd-chart" data-testid="cd-convergence">
      <figcaption>
        Convergence: best performance after each simulator query (best {best.toFixed(3)} after {points.length}).
        Refused pairs (score −1) are off the chart.
      </figcaption>
      <div ref={ref}>
        <svg width={width} height={H} role="img" aria-label={`Best performance rises to ${best.toFixed(3)} over ${points.length} queries`}>
          {y.ticks(4).map((t) => (
            <g key={t} transform={`translate(0,${y(t)})`}>
              <line x1={M.left} x2={width - M.right} className="gridline" />
              <text x={M.left - 6} dy="0.32em" textAnchor="end" className="tick">{t.toFixed(2)}</text>
            </g>
          ))}
          {x.ticks(Math.max(2, Math.floor(width / 90))).map((t) => <text key={t} x={x(t)} y={H - M.bottom + 14} textAnchor="middle" className="tick">{t}</text>)}
          <text x={(M.left + width - M.right) / 2} y={H - 4} textAnchor="middle" className="axis-title">simulator queries</text>
          <text transform={`translate(12,${(H - M.bottom + M.top) / 2}) rotate(-90)`} textAnchor="middle" className="axis-title">performance</text>
          <g className="cd-query-dots">
            {ok.map((p) => <circle key={p.query} cx={x(p.query)} cy={y(Math.max(p.performance, y.domain()[0]))} r={1.8} />)}
          </g>
          <path d={path(points) ?? ''} className="cd-best-line" data-testid="cd-convergence-line" />
        </svg>
      </div>
    </figure>
  );
}
