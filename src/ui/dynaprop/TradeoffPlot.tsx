/**
 * Accuracy against achieved sparsity, one mark per run of the record on show: x is
 * the held-out activation (or gradient) sparsity, y the test accuracy; the other
 * direction's target picks the mark's shape and colour (never colour alone), and
 * the unpruned baseline is a dashed line.
 */
import { useState } from 'react';
import { scaleLinear, symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle, symbolWye, symbolCross } from 'd3';
import { ChartFrame } from '../../charts/ChartFrame.tsx';
import { DataTable } from '../../charts/DataTable.tsx';
import { useElementWidth } from '../../charts/useElementWidth.ts';
import { rowOf, type LabRecord } from '../../state/dynaprop/labRecord.ts';
import { frac } from './labView.ts';
import { useShownRun } from './useShownRun.ts';

const SHAPES = [symbolCircle, symbolSquare, symbolTriangle, symbolDiamond, symbolWye, symbolCross];
const M = { top: 10, right: 14, bottom: 36, left: 50 }, H = 240;

export function TradeoffPlot() {
  const { record, index } = useShownRun();
  if (!record || record.runs.length === 0) return null;
  return <TradeoffChart record={record} index={index} />;
}

function TradeoffChart({ record, index }: { record: LabRecord; index: number }) {
  const [axis, setAxis] = useState<'activation' | 'gradient'>('activation');
  const [ref, width] = useElementWidth<HTMLDivElement>(360);
  const rows = record.runs.map(rowOf);
  const other = axis === 'activation' ? 'targetGradient' : 'targetActivation';
  const baseline = rows.find((r) => r.targetActivation === null && r.targetGradient === null);
  const groups = [...new Set(rows.filter((r) => r !== baseline).map((r) => r[other]))].sort((a, b) => (a ?? -1) - (b ?? -1));
  const xs = rows.map((r) => r[axis]).filter((v): v is number => v !== null);
  const ys = rows.map((r) => r.accuracy);
  const x = scaleLinear().domain([0, Math.max(1, ...xs)]).range([M.left, Math.max(M.left + 40, width - M.right)]);
  const y = scaleLinear().domain([Math.min(0.5, ...ys) - 0.02, Math.min(1, Math.max(...ys) + 0.02)]).range([H - M.bottom, M.top]).nice();
  const label = (g: number | null) => `${axis === 'activation' ? 'gradient' : 'activation'} target ${g === null ? 'none' : g}`;
  const controls = (
    <label className="inline-control">
      x:{' '}
      <select value={axis} onChange={(e) => setAxis(e.target.value as typeof axis)} data-testid="lab-tradeoff-axis">
        <option value="activation">activation sparsity</option>
        <option value="gradient">gradient sparsity</option>
      </select>
    </label>
  );
  return (
    <ChartFrame
      id="lab-tradeoff" title="Accuracy against sparsity" controls={controls}
      summary={`Test accuracy of ${rows.length} run${rows.length === 1 ? '' : 's'} against the held-out ${axis} sparsity they reached${baseline ? `; the unpruned baseline scores ${frac(baseline.accuracy)}` : ''}.`}
      table={(
        <DataTable
          caption={`Test accuracy against held-out ${axis} sparsity`}
          columns={['Run', `${axis} sparsity`, 'Test accuracy']}
          rows={rows.map((r, i) => [`${i + 1}: act ${r.targetActivation ?? 'none'} · grad ${r.targetGradient ?? 'none'}`, frac(r[axis]), frac(r.accuracy)])}
        />
      )}
    >
      <div ref={ref}>
        <div className="legend" aria-hidden="true">
          {groups.map((g, k) => (
            <span key={String(g)} className="legend-item">
              <svg width={12} height={12}><path transform="translate(6,6)" d={symbol(SHAPES[k % SHAPES.length], 50)() ?? ''} fill={`var(--series-${(k % 9) + 1})`} /></svg>
              {label(g)}
            </span>
          ))}
        </div>
        <svg width={width} height={H} aria-hidden="true" focusable="false" data-testid="lab-tradeoff-svg">
          {y.ticks(5).map((t) => (
            <g key={t} transform={`translate(0,${y(t)})`}>
              <line x1={M.left} x2={width - M.right} className="gridline" />
              <text x={M.left - 6} dy="0.32em" textAnchor="end" className="tick">{t.toFixed(2)}</text>
            </g>
          ))}
          {x.ticks(5).map((t) => <text key={t} x={x(t)} y={H - M.bottom + 14} textAnchor="middle" className="tick">{t}</text>)}
          <text x={(M.left + width - M.right) / 2} y={H - 4} textAnchor="middle" className="axis-title">achieved {axis} sparsity (held out)</text>
          <text transform={`translate(12,${(H - M.bottom + M.top) / 2}) rotate(-90)`} textAnchor="middle" className="axis-title">test accuracy</text>
          {baseline && (
            <g>
              <line x1={M.left} x2={width - M.right} y1={y(baseline.accuracy)} y2={y(baseline.accuracy)} className="lab-reference" />
              <text x={width - M.right} y={y(baseline.accuracy) - 4} textAnchor="end" className="tick">unpruned accuracy</text>
            </g>
          )}
          {rows.map((r, i) => {
            const v = r[axis];
            if (v === null) return null;
            // The unpruned baseline's own (natural) sparsity: a hollow ring, labelled.
            if (r === baseline) {
              return (
                <g key={i} transform={`translate(${x(v)},${y(r.accuracy)})`}>
                  <circle r={i === index ? 7 : 5.5} className="lab-mark lab-mark-baseline" />
                  <text x={8} dy="-0.4em" className="tick">unpruned</text>
                </g>
              );
            }
            const k = groups.indexOf(r[other]);
            return (
              <path
                key={i} transform={`translate(${x(v)},${y(r.accuracy)})`} d={symbol(SHAPES[k % SHAPES.length], i === index ? 110 : 60)() ?? ''}
                fill={`var(--series-${(k % 9) + 1})`} className={i === index ? 'lab-mark lab-mark-shown' : 'lab-mark'}
              />
            );
          })}
        </svg>
      </div>
    </ChartFrame>
  );
}
