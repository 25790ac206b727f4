/**
 * The SVG layer of the Pareto plot, redrawn with the canvas when its inputs
 * change: axes (d3-axis on zoom-rescaled scales, SI ticks), axis labels, and the
 * front (diamonds plus its staircase) as single paths, so thousands of marks
 * cost one DOM node each.
 */
import { axisBottom, axisLeft, select, type ZoomTransform } from 'd3';
import { ERROR_BAND_MIN_POINTS, errorBandPath, errorBarsPath, marksPath, pixelOf, stepPath, type AxisMap } from './plotGeometry.ts';
import type { PlotInput } from './plotTypes.ts';
import { DEFAULT_LINE, layoutDesignLabels } from './designLabelLayout.ts';

export type OverlayParts = Record<'plot' | 'xAxis' | 'yAxis' | 'xLabel' | 'yLabel' | 'step' | 'front' | 'errors' | 'designs', SVGElement>;

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
    if (s.x && s.y) xAxis.call(axisBottom(s.t.rescaleX(s.x.scale)).ticks(Math.max(2, Math.floor(s.width / 90)), s.input.xTickFormat ?? '~s'));
    else xAxis.selectAll('*').remove();
    g.xLabel.setAttribute('transform', `translate(${s.width / 2},${s.height + 36})`);
    g.xLabel.textContent = s.input.xLabel;
  }
  if (which.y) {
    const yAxis = select(g.yAxis as SVGGElement);
    if (s.x && s.y) yAxis.call(axisLeft(s.t.rescaleY(s.y.scale)).ticks(Math.max(2, Math.floor(s.height / 50)), s.input.yTickFormat ?? '~s'));
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
  const bars = input.errorBars;
  const xs = input.data?.xs;
  const ys = input.data?.ys;
  const band = !!bars?.y && !bars.x && input.front.length > ERROR_BAND_MIN_POINTS;
  g.errors.toggleAttribute('data-band', band);
  if (!bars || !s.x || !s.y || !xs || !ys) g.errors.setAttribute('d', '');
  else if (band) g.errors.setAttribute('d', errorBandPath(input.front, { ys, px, py }, bars.y!, s.y, s.t));
  else g.errors.setAttribute('d', errorBarsPath(input.front, { xs, ys, px, py }, bars, { x: s.x, y: s.y }, s.t));
}

/**
 * The current and pinned designs at their own simulated objectives: a star for
 * the current design, a ring for pinned ones, each labelled. A design beyond the
 * axes (the axes follow the sweep's points) sits on the edge, hollow, and says so.
 * Labels are measured, then placed clear of each other inside the plot area (designLabelLayout.ts).
 */
export function drawDesignMarks(g: OverlayParts, s: OverlayState): void {
  const root = g.designs;
  while (root.firstChild) root.removeChild(root.firstChild);
  if (!s.x || !s.y) return;
  const drawn: { x: number; y: number; label: SVGTextElement }[] = [];
  for (const d of s.input.designs) {
    const bx = pixelOf(s.x, d.x);
    const by = pixelOf(s.y, d.y);
    if (Number.isNaN(bx) || Number.isNaN(by)) continue;
    const [zx, zy] = [s.t.applyX(bx), s.t.applyY(by)];
    const x = Math.min(s.width, Math.max(0, zx));
    const y = Math.min(s.height, Math.max(0, zy));
    const off = x !== zx || y !== zy;
    const mark = document.createElementNS(NS, 'g');
    mark.setAttribute('class', `design-mark ${d.kind}${off ? ' off-axes' : ''}`);
    mark.setAttribute('transform', `translate(${x},${y})`);
    mark.setAttribute('data-testid', `design-mark-${d.kind}`);
    const shape = document.createElementNS(NS, 'path');
    shape.setAttribute('d', d.kind === 'current' ? DESIGN_STAR_PATH : DESIGN_RING_PATH);
    const label = document.createElementNS(NS, 'text');
    label.textContent = off ? `${d.label} (beyond the axes)` : d.label;
    mark.append(shape, label);
    root.appendChild(mark);
    drawn.push({ x, y, label });
  }
  // Measured on a scratch label; a hidden plot measures 0: then the average width of 11 px text.
  const scratchMark = document.createElementNS(NS, 'g');
  scratchMark.setAttribute('class', 'design-mark');
  scratchMark.setAttribute('visibility', 'hidden');
  const scratch = document.createElementNS(NS, 'text');
  scratchMark.appendChild(scratch);
  root.appendChild(scratchMark);
  const measure = (text: string) => {
    scratch.textContent = text;
    return scratch.getComputedTextLength() || 6.2 * text.length;
  };
  // Measured while the labels still sit on their marks' baselines (y = 0): the font's real line box,
  // widened by the half of the halo's stroke (sweep.css) that lies outside the glyphs.
  const first = drawn.length > 0 ? drawn[0].label : null;
  const box = first?.getBBox();
  const halo = first ? (parseFloat(getComputedStyle(first).strokeWidth) || 0) / 2 : 0;
  const line = box && box.height > 0 ? { ascent: -box.y + halo, descent: box.height + box.y + halo } : DEFAULT_LINE;
  const labels = layoutDesignLabels(drawn.map((d) => ({ x: d.x, y: d.y, text: d.label.textContent ?? '' })), s.width, s.height, measure, line);
  scratchMark.remove();
  labels.forEach((l, k) => {
    const t = drawn[k].label;
    t.setAttribute('x', String(l.dx));
    t.setAttribute('y', String(l.dy));
    t.setAttribute('text-anchor', l.anchor);
    if (l.full) {
      t.textContent = l.text;
      const title = document.createElementNS(NS, 'title');
      title.textContent = l.full;
      t.appendChild(title);
    }
  });
}

const NS = 'http://www.w3.org/2000/svg';
/** A five-pointed star of radius 9, and a ring of radius 6. */
export const DESIGN_STAR_PATH = Array.from({ length: 10 }, (_, i) => {
  const r = i % 2 === 0 ? 9 : 4;
  const a = -Math.PI / 2 + (i * Math.PI) / 5;
  return `${i === 0 ? 'M' : 'L'}${(r * Math.cos(a)).toFixed(2)} ${(r * Math.sin(a)).toFixed(2)}`;
}).join('') + 'Z';
export const DESIGN_RING_PATH = 'M-6 0a6 6 0 1 0 12 0a6 6 0 1 0 -12 0Z';
