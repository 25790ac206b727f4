/**
 * Axis choices for the Pareto plot. "auto" picks log when every finite value is
 * positive and they span two decades or more (max/min ≥ 100), else linear. Sweep
 * objectives are heavy-tailed (a few slow designs stretch the latency axis), so a
 * percentile rule kept linear axes that squeezed the front into a corner; the
 * extent rule is also O(n) with no sort, and can be kept up to date as points stream in.
 */
export type AxisScaleChoice = 'auto' | 'log' | 'linear';
export type ScaleKind = 'log' | 'linear';

/** Span (max/min) from which "auto" switches to a log axis. */
export const LOG_SPAN_MIN = 100;

/**
 * Running extent of a column over its finite values: min/max of all of them,
 * and the smallest positive one (a log axis shows only positive values).
 */
export interface ColumnExtent {
  min: number;
  max: number;
  minPositive: number;
}

export const emptyExtent = (): ColumnExtent => ({ min: Infinity, max: -Infinity, minPositive: Infinity });

/** Widens `ext` by values[start..end); returns true if it changed. */
export function extendExtent(ext: ColumnExtent, values: ArrayLike<number>, start = 0, end = values.length): boolean {
  let { min, max, minPositive } = ext;
  for (let i = start; i < end; i++) {
    const v = values[i];
    // NaN fails every comparison; ±Infinity is excluded explicitly.
    if (!(v > -Infinity && v < Infinity)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
    if (v > 0 && v < minPositive) minPositive = v;
  }
  const changed = min !== ext.min || max !== ext.max || minPositive !== ext.minPositive;
  Object.assign(ext, { min, max, minPositive });
  return changed;
}

/** The auto rule on an extent: log when min > 0 and max/min ≥ 100, else linear. */
export function scaleKindFor(choice: AxisScaleChoice, ext: ColumnExtent): ScaleKind {
  if (choice !== 'auto') return choice;
  return ext.min > 0 && ext.max / ext.min >= LOG_SPAN_MIN ? 'log' : 'linear';
}

/** The auto rule on raw values (NaN marks missing points and is ignored). */
export function chooseScaleKind(choice: AxisScaleChoice, values: ArrayLike<number>): ScaleKind {
  if (choice !== 'auto') return choice;
  const ext = emptyExtent();
  extendExtent(ext, values);
  return scaleKindFor(choice, ext);
}

/**
 * [lo, hi] a scale of `kind` is built over (finite values; positive ones on a
 * log axis), or null if there are none. A zero-width extent is widened.
 */
export function extentRange(ext: ColumnExtent, kind: ScaleKind): [number, number] | null {
  const lo = kind === 'log' ? ext.minPositive : ext.min;
  const hi = ext.max;
  if (!(lo <= hi) || (kind === 'log' && !(hi > 0))) return null;
  if (lo === hi) return kind === 'log' ? [lo / 2, hi * 2] : lo === 0 ? [-1, 1] : [lo - Math.abs(lo) / 2, hi + Math.abs(hi) / 2];
  return [lo, hi];
}

/** `extentRange` of raw values. */
export function dataExtent(values: ArrayLike<number>, kind: ScaleKind): [number, number] | null {
  const ext = emptyExtent();
  extendExtent(ext, values);
  return extentRange(ext, kind);
}

/** Values a log axis cannot show (zero or negative), so the UI can say how many were left out. */
export function countNonPositive(values: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]) && values[i] <= 0) n++;
  return n;
}
