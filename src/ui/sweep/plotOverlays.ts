/**
 * The SVG layer of the Pareto plot, redrawn with the canvas when its inputs
 * change: axes (d3-axis on zoom-rescaled scales, SI ticks), axis labels, and the
 * front (diamonds plus its staircase) as single paths, so thousands of marks
 * cost one DOM node each.
 */
import { axisBottom, axisLeft, select, type ZoomTransform } from 'd3';
import type { AxisMap } from './plotGeometry.ts';
import { marksPath, stepPath } from './plotGeometry.ts';
import type { PlotInput } from './plotTypes.ts';

export type OverlayParts = Record<'plot' | 'xAxis' | 'yAxis' | 'xLabel' | 'yLabel' | 'step' | 'front', SVGElement>;

export interface OverlayState {
  width: number;
  height: number;
  x: AxisMap | null;
  y: AxisMap | null;
  t: ZoomTransform;
  px: Float32Array;
  py: Float32Array;
  input: PlotInput;
}

/** Left/top margins the plot area is translated by (labels and ticks live there). */
export const MARGIN = { top: 10, right: 14, bottom: 42, left: 68 };

/** Axes and their labels, each only if asked (a streamed point often moves one axis, not both). */
export function drawAxes(g: OverlayParts, s: OverlayState, which: { x: boolean; y: boolean }): void {
  g.plot.setAttribute('transform', `translate(${MARGIN.left},${MARGIN.top})`);
  if (which.x) {
    const xAxis = select(g.xAxis as SVGGElement).attr('transform', `translate(0,${s.height})`);
    if (s.x && s.y) xAxis.call(axisBottom(s.t.rescaleX(s.x.scale)).ticks(Math.max(2, Math.floor(s.width / 90)), '~s'));
    else xAxis.selectAll('*').remove();
    g.xLabel.setAttribute('transform', `translate(${s.width / 2},${s.height + 36})`);
    g.xLabel.textContent = s.input.xLabel;
  }
  if (which.y) {
    const yAxis = select(g.yAxis as SVGGElement);
    if (s.x && s.y) yAxis.call(axisLeft(s.t.rescaleY(s.y.scale)).ticks(Math.max(2, Math.floor(s.height / 50)), '~s'));
    else yAxis.selectAll('*').remove();
    g.yLabel.setAttribute('transform', `translate(${-54},${s.height / 2}) rotate(-90)`);
    g.yLabel.textContent = s.input.yLabel;
  }
}

/** The front (diamonds and staircase): redrawn when it, the axes or the zoom change. (Brushed points are drawn on the canvas.) */
export function drawMarks(g: OverlayParts, s: OverlayState): void {
  const { k, x: tx, y: ty } = s.t;
  const { px, py, input } = s;
  g.step.setAttribute('d', stepPath(input.front, px, py, k, tx, ty));
  g.front.setAttribute('d', marksPath(input.front, px, py, k, tx, ty, 4.5, 'diamond'));
}
