/**
 * The brush as the session keeps it: a rectangle in data coordinates of the axes
 * it was drawn on, not point indices. A re-run from the seed selects the same
 * points however many there are, and a link stays short.
 *
 * The rectangle stored is the brushed points' bounding box, widened to the fewest
 * significant digits that still select exactly those points (the plot maps data to
 * pixels monotonically, so no other point lies inside the bounding box).
 */
import type { Objective, PlotBrush } from '../../core/share/schema.ts';
import type { ObjectiveColumns } from '../../core/sweep/objectives.ts';

const DIGITS = [4, 6, 8, 10, 12, 15] as const;

/** The rectangle that selects exactly `indices` (brushed on axes x, y), or null for an empty selection. */
export function brushFromSelection(columns: ObjectiveColumns, indices: Int32Array, x: Objective, y: Objective): PlotBrush | null {
  const xs = columns[x];
  const ys = columns[y];
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    const [a, b] = [xs[i], ys[i]];
    if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
    if (a < x0) x0 = a;
    if (a > x1) x1 = a;
    if (b < y0) y0 = b;
    if (b > y1) y1 = b;
  }
  if (x0 > x1) return null;
  const exact: PlotBrush = { x, y, x0, x1, y0, y1 };
  const want = countInBrush(columns, exact);
  for (const p of DIGITS) {
    const rounded: PlotBrush = { x, y, x0: roundSig(x0, p, -1), x1: roundSig(x1, p, 1), y0: roundSig(y0, p, -1), y1: roundSig(y1, p, 1) };
    if (rounded.x0 <= x0 && rounded.x1 >= x1 && rounded.y0 <= y0 && rounded.y1 >= y1 && countInBrush(columns, rounded) === want) return rounded;
  }
  return exact;
}

/** The points inside the rectangle (inclusive), in index order. */
export function pointsInBrush(columns: ObjectiveColumns, brush: PlotBrush, total = columns[brush.x].length): Int32Array {
  const xs = columns[brush.x];
  const ys = columns[brush.y];
  const n = Math.min(total, xs.length);
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (inside(xs[i], ys[i], brush)) out.push(i);
  return Int32Array.from(out);
}

function countInBrush(columns: ObjectiveColumns, brush: PlotBrush): number {
  const xs = columns[brush.x];
  const ys = columns[brush.y];
  let count = 0;
  for (let i = 0; i < xs.length; i++) if (inside(xs[i], ys[i], brush)) count++;
  return count;
}

// NaN (not computed, failed) fails every comparison.
const inside = (a: number, b: number, r: PlotBrush) => a >= r.x0 && a <= r.x1 && b >= r.y0 && b <= r.y1;

/** `v` to `digits` significant digits, rounded down (dir −1) or up (dir 1). */
export function roundSig(v: number, digits: number, dir: -1 | 1): number {
  if (v === 0 || !Number.isFinite(v)) return v;
  const e = Math.floor(Math.log10(Math.abs(v)));
  const shift = digits - 1 - e;
  // Scale by a power of ten held exactly (multiply for small numbers, divide for large ones).
  const scaled = shift >= 0 ? v * 10 ** shift : v / 10 ** -shift;
  const r = dir < 0 ? Math.floor(scaled) : Math.ceil(scaled);
  return shift >= 0 ? r / 10 ** shift : r * 10 ** -shift;
}
