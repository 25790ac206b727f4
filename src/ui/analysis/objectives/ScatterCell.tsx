/**
 * One small plot of the scatter matrix: every analysed point grey (density by
 * opacity), the front's points in the front colour on top. Drawn as one
 * ImageData (scatterRaster.ts), so 10⁵ points take milliseconds.
 */
import { useEffect, useRef } from 'react';
import { OBJECTIVE_INFO, type Objective } from '../../../core/sweep/objectives.ts';
import { formatCount } from '../../common/format.ts';
import { parseColour, rasterCell } from './scatterRaster.ts';
import type { UnitScale } from './scatterScale.ts';
import type { PlotDesignMark } from '../../sweep/plotTypes.ts';

export interface ScatterCellProps {
  x: Objective;
  y: Objective;
  xs: Float64Array;
  ys: Float64Array;
  xScale: UnitScale;
  yScale: UnitScale;
  greyRows: Int32Array;
  frontRows: Int32Array;
  sizePx: number;
  /** The current (★) and pinned (○) designs at their own simulated objectives, as on the Pareto plot. */
  designs: readonly PlotDesignMark[];
}

export function ScatterCell(p: ScatterCellProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const dpr = typeof window === 'undefined' ? 1 : Math.min(2, window.devicePixelRatio || 1);
  const sidePx = Math.max(1, Math.round(p.sizePx * dpr));

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    // The theme's colours, so the cells match the Pareto plot in light and dark themes.
    const style = getComputedStyle(canvas);
    const grey = parseColour(style.getPropertyValue('--cloud'), [107, 122, 143]);
    const front = parseColour(style.getPropertyValue('--front'), [194, 24, 91]);
    const pixels = rasterCell(p.xs, p.ys, p.xScale, p.yScale, p.greyRows, p.frontRows, { widthPx: sidePx, heightPx: sidePx, dpr, grey, front });
    canvas.getContext('2d')?.putImageData(new ImageData(pixels, sidePx, sidePx), 0, 0);
  }, [p.xs, p.ys, p.xScale, p.yScale, p.greyRows, p.frontRows, sidePx, dpr]);

  const label = `${OBJECTIVE_INFO[p.y].label} (up) against ${OBJECTIVE_INFO[p.x].label} (across): ` +
    `${formatCount(p.greyRows.length)} points grey, ${formatCount(p.frontRows.length)} front points coloured`;
  const marks = p.designs
    .map((d) => ({ d, u: p.xScale.toUnit(d.x), v: p.yScale.toUnit(d.y) }))
    .filter(({ u, v }) => u >= 0 && u <= 1 && v >= 0 && v <= 1);
  return (
    <div className="mo-cell-box" style={{ width: p.sizePx, height: p.sizePx }}>
      <canvas
        ref={ref} className="mo-cell" width={sidePx} height={sidePx} role="img" aria-label={label} title={label}
        data-testid={`mo-cell-${p.y}-${p.x}`} style={{ width: p.sizePx, height: p.sizePx }}
      />
      {marks.length > 0 && (
        <svg className="mo-marks" width={p.sizePx} height={p.sizePx} aria-hidden="true">
          {marks.map(({ d, u, v }) => (
            <text key={d.id} className={`mo-mark mo-mark-${d.kind}`} x={u * p.sizePx} y={(1 - v) * p.sizePx} textAnchor="middle" dominantBaseline="central">
              <title>{d.label}</title>{d.kind === 'current' ? '★' : '○'}
            </text>
          ))}
        </svg>
      )}
    </div>
  );
}
