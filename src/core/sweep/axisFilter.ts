/**
 * Brush filter over columns: several axis brushes [lo, hi] (data coordinates,
 * inclusive) combine with AND. Built for dragging a brush over 100,000 rows:
 * each axis keeps its own pass mask, and a row's `fails` count says on how many
 * brushed axes it lies outside. Moving one brush rescans only that axis's column
 * and adjusts the counts where its mask flipped, so an update is one pass over
 * one column (~0.3 ms per 100k rows) instead of over every brushed column.
 * NaN (a point not computed yet, or failed) never passes a brushed axis.
 */

export interface AxisBrush {
  /** Column key (parameter id or objective). */
  axis: string;
  lo: number;
  hi: number;
}

export interface AxisFilter {
  /** Rows the filter covers. */
  readonly length: number;
  /** Per row, the number of brushed axes it fails; 0 = passes. */
  readonly fails: Uint16Array;
  /** Rows passing every brush. */
  passCount: number;
  /** Per brushed axis: its brush and pass mask (1 = inside). */
  readonly axes: Map<string, { lo: number; hi: number; mask: Uint8Array }>;
}

export function createAxisFilter(length: number): AxisFilter {
  return { length, fails: new Uint16Array(length), passCount: length, axes: new Map() };
}

/**
 * Sets (or, with `brush` null, clears) the brush on `axis` over `values`, and
 * updates the counts incrementally. Returns the number of rows passing.
 */
export function setAxisBrush(f: AxisFilter, axis: string, values: ArrayLike<number>, brush: { lo: number; hi: number } | null): number {
  const n = f.length;
  const { fails } = f;
  const old = f.axes.get(axis);
  let pass = f.passCount;
  if (!brush) {
    if (!old) return pass;
    // Rows this axis failed lose one failure; those reaching 0 now pass.
    const m = old.mask;
    for (let i = 0; i < n; i++) if (m[i] === 0 && --fails[i] === 0) pass++;
    f.axes.delete(axis);
    f.passCount = pass;
    return pass;
  }
  const lo = Math.min(brush.lo, brush.hi);
  const hi = Math.max(brush.lo, brush.hi);
  const mask = old?.mask ?? new Uint8Array(n).fill(1);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    const inside = v >= lo && v <= hi ? 1 : 0; // NaN compares false: outside
    if (inside === mask[i]) continue;
    mask[i] = inside;
    if (inside) {
      if (--fails[i] === 0) pass++;
    } else if (fails[i]++ === 0) pass--;
  }
  f.axes.set(axis, { lo, hi, mask });
  f.passCount = pass;
  return pass;
}

/** Re-tests rows [start, end) on every brushed axis, for points that arrived after the brush was set. */
export function refreshRows(f: AxisFilter, columns: (axis: string) => ArrayLike<number> | undefined, start: number, end: number): number {
  let pass = f.passCount;
  const { fails } = f;
  for (const [axis, a] of f.axes) {
    const values = columns(axis);
    if (!values) continue;
    for (let i = start; i < end; i++) {
      const v = values[i];
      const inside = v >= a.lo && v <= a.hi ? 1 : 0;
      if (inside === a.mask[i]) continue;
      a.mask[i] = inside;
      if (inside) {
        if (--fails[i] === 0) pass++;
      } else if (fails[i]++ === 0) pass--;
    }
  }
  f.passCount = pass;
  return pass;
}

/** True when at least one axis is brushed. */
export const isFiltering = (f: AxisFilter): boolean => f.axes.size > 0;

/** Indices of passing rows, ascending (for exports and table filtering). */
export function passingIndices(f: AxisFilter): Int32Array {
  const out = new Int32Array(f.passCount);
  let k = 0;
  for (let i = 0; i < f.length && k < out.length; i++) if (f.fails[i] === 0) out[k++] = i;
  return out;
}

/** `indices` (any order) kept where the row passes: the front or a selection, restricted to the brushes. */
export function keepPassing(indices: Int32Array, fails: Uint16Array | null): Int32Array {
  if (!fails) return indices;
  let k = 0;
  for (let j = 0; j < indices.length; j++) if (fails[indices[j]] === 0) k++;
  if (k === indices.length) return indices;
  const out = new Int32Array(k);
  k = 0;
  for (let j = 0; j < indices.length; j++) if (fails[indices[j]] === 0) out[k++] = indices[j];
  return out;
}
