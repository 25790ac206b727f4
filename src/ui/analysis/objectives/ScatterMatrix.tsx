/**
 * The chosen objectives against each other, pair by pair: a k×k grid whose
 * lower triangle holds the k(k−1)/2 plots (row objective up, column objective
 * across) and whose diagonal names each objective with its range and scale.
 * Cells shrink to fit the panel, so the page never scrolls sideways.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { OBJECTIVE_INFO, type ObjectiveColumns } from '../../../core/sweep/objectives.ts';
import { formatObjective } from '../../sweep/objectiveFormat.ts';
import { formatCount } from '../../common/format.ts';
import { GREY_POINT_LIMIT } from './scatterRaster.ts';
import { evenSample } from '../../../core/sweep/evenSample.ts';
import { unitScale } from './scatterScale.ts';
import { ScatterCell } from './ScatterCell.tsx';
import { designMarks, useSimulatedDesigns } from '../../sweep/designMarks.ts';
import type { ObjectivesAnalysis } from './useManyObjectives.ts';

const GAP_PX = 4;
const MAX_CELL_PX = 180;
const MIN_CELL_PX = 36;

export function ScatterMatrix({ columns, total, analysis }: { columns: ObjectiveColumns; total: number; analysis: ObjectivesAnalysis }) {
  const { objectives, rows, result } = analysis;
  const k = objectives.length;
  const box = useRef<HTMLDivElement>(null);
  const [widthPx, setWidthPx] = useState(0);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setWidthPx(el.clientWidth);
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const cellPx = Math.max(MIN_CELL_PX, Math.min(MAX_CELL_PX, Math.floor((widthPx - (k - 1) * GAP_PX) / k)));

  // The scales and grey layer cover the analysed rows (the brushed ones when brushed).
  const scales = useMemo(() => objectives.map((o) => unitScale(columns[o], rows)), [columns, objectives, rows]);
  const grey = useMemo(() => evenSample(rows, total, GREY_POINT_LIMIT), [rows, total]);
  const designs = useSimulatedDesigns();
  const analysed = rows ? rows.length : total;

  return (
    <figure className="mo-matrix" data-testid="mo-matrix">
      <div ref={box} className="mo-grid-box">
        {widthPx > 0 && (
          <div className="mo-grid" style={{ gridTemplateColumns: `repeat(${k}, ${cellPx}px)`, gap: GAP_PX }}>
            {objectives.flatMap((yo, i) => objectives.map((xo, j) => {
              if (i === j) {
                const s = scales[i];
                const range = s.range ? `${formatObjective(yo, s.range[0])} – ${formatObjective(yo, s.range[1])}` : 'no values';
                return (
                  <div key={`${i}-${j}`} className="mo-diagonal" style={{ height: cellPx }} title={`${OBJECTIVE_INFO[yo].label}: ${range}, ${s.kind} scale`}>
                    <strong>{OBJECTIVE_INFO[yo].label}</strong>
                    <span>{range}</span>
                    <span>{s.kind}</span>
                  </div>
                );
              }
              if (i < j) return <div key={`${i}-${j}`} aria-hidden="true" />;
              return (
                <ScatterCell
                  key={`${i}-${j}`} x={xo} y={yo} xs={columns[xo]} ys={columns[yo]} xScale={scales[j]} yScale={scales[i]}
                  greyRows={grey.rows} frontRows={result.frontRows} sizePx={cellPx}
                  designs={designMarks(designs.all, designs.sweepSettings, xo, yo).marks}
                />
              );
            }))}
          </div>
        )}
      </div>
      <figcaption className="muted">
        <span className="mo-key mo-key-grey" aria-hidden="true" /> every analysed point
        {grey.stride > 1 && (
          <span data-testid="mo-subsampled">
            {' '}(every {grey.stride}th of {formatCount(analysed)}: {formatCount(grey.rows.length)} drawn, at most {formatCount(GREY_POINT_LIMIT)})
          </span>
        )}
        ; <span className="mo-key mo-key-front" aria-hidden="true" /> the {formatCount(result.frontCount)} front points, all drawn;
        ★ the current design and ○ pinned designs, at their own simulated objectives.
        Each plot shows its row’s objective up against its column’s across; the diagonal gives each objective’s range and scale
        (log where it spans two decades or more, as in the Pareto plot).
      </figcaption>
    </figure>
  );
}
