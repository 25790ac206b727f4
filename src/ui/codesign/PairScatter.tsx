/**
 * Every queried pair: predicted accuracy against latency (log), the accuracy–latency Pareto
 * front (no other pair is both faster and predicted more accurate), the baseline pair marked.
 * Click a point to see it and load it into the editors.
 */
import { useState } from 'react';
import { line, scaleLinear, scaleLog } from 'd3';
import { useElementWidth } from '../../charts/useElementWidth.ts';
import { useCodesign, useCodesignApi } from '../../state/codesign/appCodesign.ts';
import type { QueryPoint } from '../../state/codesign/searchRecord.ts';
import { accuracyScaleOf, describePair } from './pairText.ts';
import { formatSI } from '../common/format.ts';

const M = { top: 10, right: 14, bottom: 36, left: 48 };
const H = 240;

/** Pairs not beaten on both predicted accuracy and latency, fastest first. */
export function accuracyLatencyFront(points: readonly QueryPoint[]): QueryPoint[] {
  const sorted = points.filter((p) => p.latencyS !== null).sort((a, b) => a.latencyS! - b.latencyS! || b.accuracy - a.accuracy);
  const front: QueryPoint[] = [];
  for (const p of sorted) if (front.length === 0 || p.accuracy > front[front.length - 1].accuracy) front.push(p);
  return front;
}

export function PairScatter() {
  const has = useCodesign((s) => s.points.some((p) => p.latencyS !== null));
  // The chart mounts with its points, so its width is measured from its first render.
  return has ? <ScatterChart /> : null;
}

function ScatterChart() {
  const points = useCodesign((s) => s.points);
  const baseline = useCodesign((s) => s.record?.baseline ?? null);
  const { controller } = useCodesignApi();
  const [picked, setPicked] = useState<number | null>(null);
  const [ref, width] = useElementWidth<HTMLDivElement>(360);
  const ok = points.filter((p) => p.latencyS !== null);
  const lats = ok.map((p) => p.latencyS!).concat(baseline?.metrics ? [baseline.metrics.latencyS] : []);
  const accs = ok.map((p) => p.accuracy).concat(baseline ? [baseline.accuracy.mean] : []);
  const x = scaleLog().domain([Math.min(...lats) / 1.5, Math.max(...lats) * 1.5]).range([M.left, Math.max(M.left + 40, width - M.right)]);
  const y = scaleLinear().domain([Math.min(...accs) * 100 - 0.5, Math.max(...accs) * 100 + 0.5]).range([H - M.bottom, M.top]).nice();
  const front = accuracyLatencyFront(ok);
  const frontPath = line<QueryPoint>().x((p) => x(p.latencyS!)).y((p) => y(p.accuracy * 100))(front) ?? '';
  const chosen = points.find((p) => p.query === picked) ?? null;
  const source = baseline?.accuracy.source ?? '';
  return (
    <figure className="cd-chart" data-testid="cd-scatter">
      <figcaption>
        Queried pairs: predicted accuracy ({accuracyScaleOf(source)}, %) against latency, with the Pareto front (line, ◆) and {baseline ? 'the baseline pair (✕, BERT-Base on AccelTran-Server)' : 'the baseline once the search finishes'}.
        Accuracy is predicted, not measured{source ? ` (${source.split(';')[0]})` : ''}; latency from the ELECTOR simulator. Click a point to inspect it.
      </figcaption>
      <div ref={ref}>
        <svg width={width} height={H} role="img" aria-label={`${ok.length} queried pairs, ${front.length} on the accuracy–latency front`}>
          {y.ticks(4).map((t) => (
            <g key={t} transform={`translate(0,${y(t)})`}>
              <line x1={M.left} x2={width - M.right} className="gridline" />
              <text x={M.left - 6} dy="0.32em" textAnchor="end" className="tick">{t}</text>
            </g>
          ))}
          {x.ticks(Math.max(2, Math.floor(width / 120))).filter((t) => Number.isInteger(Math.log10(t))).map((t) => (
            <text key={t} x={x(t)} y={H - M.bottom + 14} textAnchor="middle" className="tick">{formatSI(t, 's')}</text>
          ))}
          <text x={(M.left + width - M.right) / 2} y={H - 4} textAnchor="middle" className="axis-title">latency (log)</text>
          <text transform={`translate(12,${(H - M.bottom + M.top) / 2}) rotate(-90)`} textAnchor="middle" className="axis-title">predicted accuracy</text>
          <g className="cd-dots">
            {ok.map((p) => (
              <circle key={p.query} cx={x(p.latencyS!)} cy={y(p.accuracy * 100)} r={picked === p.query ? 5 : 3} className={picked === p.query ? 'cd-picked' : undefined} onClick={() => setPicked(p.query)}>
                <title>{`query ${p.query}: ${describePair(p.pair)}; performance ${p.performance.toFixed(3)}`}</title>
              </circle>
            ))}
          </g>
          <path d={frontPath} className="cd-front-line" />
          {front.map((p) => <rect key={p.query} x={x(p.latencyS!) - 3.5} y={y(p.accuracy * 100) - 3.5} width={7} height={7} transform={`rotate(45 ${x(p.latencyS!)} ${y(p.accuracy * 100)})`} className="cd-front-mark" onClick={() => setPicked(p.query)} />)}
          {baseline?.metrics && (
            <g transform={`translate(${x(baseline.metrics.latencyS)},${y(baseline.accuracy.mean * 100)})`} className="cd-baseline-mark" data-testid="cd-baseline-mark">
              <path d="M-5,-5L5,5M-5,5L5,-5" />
              <text x={8} dy="-0.4em" className="tick">BERT-Base · Server</text>
            </g>
          )}
        </svg>
      </div>
      {chosen && (
        <div className="cd-picked-row" data-testid="cd-picked">
          <span>Query {chosen.query}: {describePair(chosen.pair)} · performance {chosen.performance.toFixed(3)}</span>
          <button type="button" onClick={() => controller.loadIntoEditors(chosen.pair, `Query ${chosen.query}`)}>Load into editors</button>
        </div>
      )}
    </figure>
  );
}
