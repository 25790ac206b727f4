/**
 * Data → pixel mapping for the plot without per-point d3 calls: a log or linear
 * scale is an affine map of x (or ln x), so 100k points cost two multiply-adds
 * each. Zoom is another affine map on top (k·p + t), applied when drawing.
 */
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3';
import type { ScaleKind } from './plotScales.ts';

export interface AxisMap {
  kind: ScaleKind;
  /** The nice'd d3 scale, for ticks and labels. */
  scale: ScaleContinuousNumeric<number, number>;
  /** pixel = a · f(v) + b, f = ln for log axes. */
  a: number;
  b: number;
}

/** A nice'd scale over `extent` (padded by 3% of the span, in log space for log axes). */
export function axisMap(kind: ScaleKind, extent: [number, number], range: [number, number]): AxisMap {
  const f = kind === 'log' ? Math.log : (v: number) => v;
  const inv = kind === 'log' ? Math.exp : (v: number) => v;
  const [f0, f1] = [f(extent[0]), f(extent[1])];
  const pad = (f1 - f0) * 0.03;
  // Padding must not push non-negative data below zero on a linear axis.
  const domain: [number, number] = [kind === 'linear' && extent[0] >= 0 ? Math.max(0, f0 - pad) : inv(f0 - pad), inv(f1 + pad)];
  const scale = (kind === 'log' ? scaleLog() : scaleLinear()).domain(domain).range(range).nice();
  const [d0, d1] = scale.domain().map(f);
  const a = (range[1] - range[0]) / (d1 - d0);
  return { kind, scale, a, b: range[0] - a * d0 };
}

/**
 * Base (unzoomed) pixel positions of every point; NaN where the point cannot be
 * drawn (missing, failed, or non-positive on a log axis).
 */
export function projectPoints(values: Float64Array, map: AxisMap, out: Float32Array): Float32Array {
  const { a, b } = map;
  if (map.kind === 'log') {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      out[i] = v > 0 && v < Infinity ? a * Math.log(v) + b : Number.NaN;
    }
  } else {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      out[i] = Number.isFinite(v) ? a * v + b : Number.NaN;
    }
  }
  return out;
}

/** Indices whose projected x and y are both drawable. */
export function drawableIndices(px: Float32Array, py: Float32Array): Int32Array {
  const out = new Int32Array(px.length);
  let n = 0;
  for (let i = 0; i < px.length; i++) if (px[i] === px[i] && py[i] === py[i]) out[n++] = i;
  return out.slice(0, n);
}

/** SVG path data of marks (diamonds or squares) of half-size r at the given zoomed positions. */
export function marksPath(indices: ArrayLike<number>, px: Float32Array, py: Float32Array, k: number, tx: number, ty: number, r: number, shape: 'diamond' | 'square', limit = 20_000): string {
  const parts: string[] = [];
  const n = Math.min(indices.length, limit);
  for (let j = 0; j < n; j++) {
    const i = indices[j];
    if (px[i] !== px[i] || py[i] !== py[i]) continue;
    const x = (k * px[i] + tx).toFixed(1);
    const y = (k * py[i] + ty).toFixed(1);
    parts.push(shape === 'diamond' ? `M${x},${(+y - r).toFixed(1)}l${r},${r}l${-r},${r}l${-r},${-r}z` : `M${(+x - r).toFixed(1)},${(+y - r).toFixed(1)}h${2 * r}v${2 * r}h${-2 * r}z`);
  }
  return parts.join('');
}

/** The front's staircase (minimisation: right along y_i, then down to y_{i+1}). */
export function stepPath(front: ArrayLike<number>, px: Float32Array, py: Float32Array, k: number, tx: number, ty: number): string {
  const pts: [number, number][] = [];
  for (let j = 0; j < front.length; j++) {
    const i = front[j];
    if (px[i] === px[i] && py[i] === py[i]) pts.push([k * px[i] + tx, k * py[i] + ty]);
  }
  if (pts.length === 0) return '';
  let d = `M${pts[0][0].toFixed(1)},${pts[0][1].toFixed(1)}`;
  for (let j = 1; j < pts.length; j++) d += `H${pts[j][0].toFixed(1)}V${pts[j][1].toFixed(1)}`;
  return d;
}
