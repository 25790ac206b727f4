/**
 * A live Pareto front of two costs (both minimised, log axes): every queried pair, the front
 * as a staircase (each step: no pair below-left of it), the search's best pair (○) and the
 * baseline pair (✕). Which costs is a prop: energy–latency and area–latency share this file.
 */
import { curveStepAfter, line, scaleLog } from 'd3';
import { useElementWidth } from '../../charts/useElementWidth.ts';
import { useCodesign } from '../../state/codesign/appCodesign.ts';
import type { QueryPoint } from '../../state/codesign/searchRecord.ts';
import { formatSI } from '../common/format.ts';
import { bestQuery, costFront, type CostKey } from './costFront.ts';
import { describePair } from './pairText.ts';

const M = { top: 10, right: 14, bottom: 36, left: 56 };
const H = 220;
const UNIT: Record<CostKey, string> = { latencyS: 's', energyJ: 'J', areaMm2: 'mm²' };
const NAME: Record<CostKey, string> = { latencyS: 'latency', energyJ: 'energy per sequence', areaMm2: 'area' };

export interface CostFrontProps { x: CostKey; y: CostKey; testId: string }

export function CostFrontPlot(props: CostFrontProps) {
  const has = useCodesign((s) => s.points.some((p) => p.latencyS !== null));
  // Mounted with its points, so its width is measured from its first render.
  return has ? <CostFrontChart {...props} /> : null;
}

/** The baseline's value of a cost (energy is dynamic + leakage, as the query points keep it). */
function baselineCost(m: { latencyS: number; dynamicEnergyJ: number; leakageEnergyJ: number; areaMm2: number }, key: CostKey): number {
  return key === 'energyJ' ? m.dynamicEnergyJ + m.leakageEnergyJ : m[key];
}

/** Area ticks are bare numbers (the unit is in the axis title): "10000 mm²" would run into the title. */
function tickText(v: number, key: CostKey): string {
  return key === 'areaMm2' ? (v >= 10 ? Math.round(v).toLocaleString('en') : v.toPrecision(2)) : formatSI(v, UNIT[key]);
}

function CostFrontChart({ x: xKey, y: yKey, testId }: CostFrontProps) {
  const points = useCodesign((s) => s.points);
  const baseline = useCodesign((s) => s.record?.baseline.metrics ?? null);
  const [ref, width] = useElementWidth<HTMLDivElement>(360);
  const ok = points.filter((p) => p[xKey] !== null && p[yKey] !== null && p[xKey]! > 0 && p[yKey]! > 0);
  const xs = ok.map((p) => p[xKey]!).concat(baseline ? [baselineCost(baseline, xKey)] : []);
  const ys = ok.map((p) => p[yKey]!).concat(baseline ? [baselineCost(baseline, yKey)] : []);
  const x = scaleLog().domain([Math.min(...xs) / 1.5, Math.max(...xs) * 1.5]).range([M.left, Math.max(M.left + 40, width - M.right)]);
  const y = scaleLog().domain([Math.min(...ys) / 1.5, Math.max(...ys) * 1.5]).range([H - M.bottom, M.top]);
  const front = costFront(ok, xKey, yKey);
  // The staircase runs from each front pair right to the next one's latency, then down to it.
  const stairs = line<QueryPoint>().x((p) => x(p[xKey]!)).y((p) => y(p[yKey]!)).curve(curveStepAfter)(front) ?? '';
  const best = bestQuery(ok);
  // Decades when the data spans two or more; otherwise about four of d3's log ticks (1–9 × 10ⁿ).
  const decades = (s: typeof x) => {
    const all = s.ticks();
    const d = all.filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9);
    return d.length >= 2 ? d : all.filter((_, i) => i % Math.ceil(all.length / 4) === 0);
  };
  return (
    <figure className="cd-chart" data-testid={testId}>
      <figcaption>
        {NAME[yKey][0].toUpperCase() + NAME[yKey].slice(1)} against {NAME[xKey]} of the queried pairs (ELECTOR), with the Pareto front as a staircase
        ({front.length} pairs), the best pair so far (○) and {baseline ? 'the baseline (✕, BERT-Base on AccelTran-Server)' : 'the baseline once the search finishes'}.
      </figcaption>
      <div ref={ref}>
        <svg width={width} height={H} role="img" aria-label={`${ok.length} queried pairs, ${front.length} on the ${NAME[yKey]}–${NAME[xKey]} front`}>
          {decades(y).map((t) => (
            <g key={t} transform={`translate(0,${y(t)})`}>
              <line x1={M.left} x2={width - M.right} className="gridline" />
              <text x={M.left - 6} dy="0.32em" textAnchor="end" className="tick">{tickText(t, yKey)}</text>
            </g>
          ))}
          {decades(x).map((t) => <text key={t} x={x(t)} y={H - M.bottom + 14} textAnchor="middle" className="tick">{tickText(t, xKey)}</text>)}
          <text x={(M.left + width - M.right) / 2} y={H - 4} textAnchor="middle" className="axis-title">{NAME[xKey]} (log)</text>
          <text transform={`translate(12,${(H - M.bottom + M.top) / 2}) rotate(-90)`} textAnchor="middle" className="axis-title">{yKey === 'areaMm2' ? 'area, mm² (log)' : `${NAME[yKey].split(' ')[0]} (log)`}</text>
          <g className="cd-dots cd-dots-static">
            {ok.map((p) => <circle key={p.query} cx={x(p[xKey]!)} cy={y(p[yKey]!)} r={2.5}><title>{`query ${p.query}: ${describePair(p.pair)}`}</title></circle>)}
          </g>
          <path d={stairs} className="cd-front-line" data-testid={`${testId}-stairs`} />
          {front.map((p) => <rect key={p.query} x={x(p[xKey]!) - 3.5} y={y(p[yKey]!) - 3.5} width={7} height={7} transform={`rotate(45 ${x(p[xKey]!)} ${y(p[yKey]!)})`} className="cd-front-mark" />)}
          {best && (
            <circle cx={x(best[xKey]!)} cy={y(best[yKey]!)} r={7} className="cd-best-mark" data-testid={`${testId}-best`}>
              <title>{`best pair so far (query ${best.query}, performance ${best.performance.toFixed(3)})`}</title>
            </circle>
          )}
          {baseline && (
            <g transform={`translate(${x(baselineCost(baseline, xKey))},${y(baselineCost(baseline, yKey))})`} className="cd-baseline-mark" data-testid={`${testId}-baseline`}>
              <path d="M-5,-5L5,5M-5,5L5,-5" />
            </g>
          )}
        </svg>
      </div>
    </figure>
  );
}
