/**
 * Data → pixel mapping for the plot without per-point d3 calls: a log or linear
 * scale is an affine map of x (or ln x), so 100k points cost two multiply-adds
 * each. Zoom is another affine map on top (k·p + t), applied when drawing.
 */
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3';
import type { ScaleKind } from './plotScales.ts';

export interface AxisMap {
  kind: ScaleKind;
  /** The d3 scale (domain padded; linear ones nice'd), for ticks and labels. */
  scale: ScaleContinuousNumeric<number, number>;
  /** pixel = a · f(v) + b, f = ln for log axes. */
  a: number;
  b: number;
}

/** Log-axis padding each side, in decades: a share of the span, at least a sliver. */
export const LOG_PAD_SPAN_SHARE = 0.03;
export const LOG_PAD_MIN_DECADES = 0.04;
/**
 * Log-axis ends snap outward to this grid (in decades), so a streamed point that
 * nudges the extent rarely moves the axis (and re-projects every point).
 */
export const LOG_DOMAIN_STEP_DECADES = 0.05;

/**
 * The scale an axis draws over `extent`. Linear axes are padded by 3% of the
 * span and nice'd (round tick ends read well). Log axes are padded by a small
 * fraction of a decade, snapped to a 0.05-decade grid, and not nice'd: rounding
 * out to whole decades added up to an empty decade each side (1 µs–10 ms for
 * data in 10 µs–1.5 ms).
 */
export function axisMap(kind: ScaleKind, extent: [number, number], range: [number, number]): AxisMap {
  let scale: ScaleContinuousNumeric<number, number>;
  if (kind === 'log') {
    const [l0, l1] = [Math.log10(extent[0]), Math.log10(extent[1])];
    const pad = Math.max(LOG_PAD_SPAN_SHARE * (l1 - l0), LOG_PAD_MIN_DECADES);
    const step = LOG_DOMAIN_STEP_DECADES;
    scale = scaleLog().domain([10 ** (Math.floor((l0 - pad) / step) * step), 10 ** (Math.ceil((l1 + pad) / step) * step)]).range(range);
  } else {
    const pad = (extent[1] - extent[0]) * 0.03;
    // Padding must not push non-negative data below zero.
    const lo = extent[0] >= 0 ? Math.max(0, extent[0] - pad) : extent[0] - pad;
    scale = scaleLinear().domain([lo, extent[1] + pad]).range(range).nice();
  }
  const f = kind === 'log' ? Math.log : (v: number) => v;
  const [d0, d1] = scale.domain().map(f);
  const a = (range[1] - range[0]) / (d1 - d0);
  return { kind, scale, a, b: range[0] - a * d0 };
}

/** True when two maps place every point at the same pixel. */
export function sameAxisMap(p: AxisMap | null, q: AxisMap | null): boolean {
  return p === q || (p !== null && q !== null && p.kind === q.kind && p.a === q.a && p.b === q.b);
}

/**
 * Base (unzoomed) pixel positions of points [start, end); NaN where the point
 * cannot be drawn (missing, failed, or non-positive on a log axis).
 */
export function projectPoints(values: Float64Array, map: AxisMap, out: Float32Array, start = 0, end = values.length): Float32Array {
  const { a, b } = map;
  if (map.kind === 'log') {
    for (let i = start; i < end; i++) {
      const v = values[i];
      out[i] = v > 0 && v < Infinity ? a * Math.log(v) + b : Number.NaN;
    }
  } else {
    for (let i = start; i < end; i++) {
      const v = values[i];
      out[i] = Number.isFinite(v) ? a * v + b : Number.NaN;
    }
  }
  return out;
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

/**
 * The front's staircase: right along y_i, then up or down to y_{i+1}. The front comes
 * in order of its minimised x, so the same path serves maximised axes (accuracy).
 */
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

/** Base pixel of a value on an axis map (NaN where it cannot be drawn, e.g. ≤ 0 on a log axis). */
export function pixelOf(map: AxisMap, v: number): number {
  if (!Number.isFinite(v) || (map.kind === 'log' && v <= 0)) return Number.NaN;
  return map.a * (map.kind === 'log' ? Math.log(v) : v) + map.b;
}

/**
 * ±1σ bars through the front's points, along each axis that has a deviation column
 * (predicted accuracy), with 3 px caps; zoom applies as for the marks.
 */
export function errorBarsPath(
  front: ArrayLike<number>,
  points: { xs: ArrayLike<number>; ys: ArrayLike<number>; px: Float32Array; py: Float32Array },
  std: { x: ArrayLike<number> | null; y: ArrayLike<number> | null },
  maps: { x: AxisMap; y: AxisMap },
  t: { k: number; x: number; y: number },
): string {
  const parts: string[] = [];
  const f = (v: number) => v.toFixed(1);
  for (let j = 0; j < front.length; j++) {
    const i = front[j];
    const cx = t.k * points.px[i] + t.x;
    const cy = t.k * points.py[i] + t.y;
    if (cx !== cx || cy !== cy) continue;
    const sy = std.y?.[i];
    if (sy !== undefined && sy > 0) {
      const lo = t.k * pixelOf(maps.y, points.ys[i] - sy) + t.y;
      const hi = t.k * pixelOf(maps.y, points.ys[i] + sy) + t.y;
      if (lo === lo && hi === hi) parts.push(`M${f(cx)},${f(lo)}V${f(hi)}M${f(cx - 3)},${f(lo)}h6M${f(cx - 3)},${f(hi)}h6`);
    }
    const sx = std.x?.[i];
    if (sx !== undefined && sx > 0) {
      const lo = t.k * pixelOf(maps.x, points.xs[i] - sx) + t.x;
      const hi = t.k * pixelOf(maps.x, points.xs[i] + sx) + t.x;
      if (lo === lo && hi === hi) parts.push(`M${f(lo)},${f(cy)}H${f(hi)}M${f(lo)},${f(cy - 3)}v6M${f(hi)},${f(cy - 3)}v6`);
    }
  }
  return parts.join('');
}

/** Above this many front points, ±1σ along y is drawn as one band instead of a bar each (bars would hide the front). */
export const ERROR_BAND_MIN_POINTS = 30;

/**
 * The ±1σ band along y through the front's points, in the front's order (by x): the
 * upper edge forward, the lower edge back, closed.
 */
export function errorBandPath(
  front: ArrayLike<number>,
  points: { ys: ArrayLike<number>; px: Float32Array; py: Float32Array },
  std: ArrayLike<number>,
  map: AxisMap,
  t: { k: number; x: number; y: number },
): string {
  const upper: string[] = [];
  const lower: string[] = [];
  for (let j = 0; j < front.length; j++) {
    const i = front[j];
    const cx = t.k * points.px[i] + t.x;
    const hi = t.k * pixelOf(map, points.ys[i] + std[i]) + t.y;
    const lo = t.k * pixelOf(map, points.ys[i] - std[i]) + t.y;
    if (cx !== cx || hi !== hi || lo !== lo) continue;
    upper.push(`${cx.toFixed(1)},${hi.toFixed(1)}`);
    lower.push(`${cx.toFixed(1)},${lo.toFixed(1)}`);
  }
  if (upper.length < 2) return '';
  return `M${upper.join('L')}L${lower.reverse().join('L')}Z`;
}

/** How far the front's marks may reach past the plot area unzoomed: a diamond (radius 4.5) at an extreme value sits on an axis line. */
export const MARK_BLEED_PX = 6;

/**
 * The clip of the front's marks. Unzoomed, every point lies inside the plot area, so widening the
 * clip only lets marks on its edges show whole; zoomed, it is the area itself, so marks scrolled out
 * of view never cover the axes.
 */
export function markClip(width: number, height: number, zoomed: boolean): { x: number; y: number; width: number; height: number } {
  const b = zoomed ? 0 : MARK_BLEED_PX;
  return { x: -b, y: -b, width: width + 2 * b, height: height + 2 * b };
}
