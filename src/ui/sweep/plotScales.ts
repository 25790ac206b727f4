/**
 * Axis choices for the Pareto plot. "auto" follows HiPlot's rule: log when the
 * values span more than two decades between their 5th and 95th percentiles and
 * are all positive, else linear. Percentiles come from a strided sample so the
 * choice costs O(sample), not a sort of 100k values.
 */
export type AxisScaleChoice = 'auto' | 'log' | 'linear';
export type ScaleKind = 'log' | 'linear';

const SAMPLE = 4096;

/** Finite values of `values` (NaN marks missing points), at most ~`limit` of them, evenly strided. */
export function finiteSample(values: ArrayLike<number>, limit = SAMPLE): Float64Array {
  const step = Math.max(1, Math.floor(values.length / limit));
  const out: number[] = [];
  for (let i = 0; i < values.length; i += step) if (Number.isFinite(values[i])) out.push(values[i]);
  return Float64Array.from(out);
}

/** Sorted-sample quantile, q in [0, 1]. */
function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

export function chooseScaleKind(choice: AxisScaleChoice, values: ArrayLike<number>): ScaleKind {
  if (choice !== 'auto') return choice;
  const ext = dataExtent(values, 'linear');
  if (!ext || ext[0] <= 0) return 'linear';
  const sample = finiteSample(values).sort();
  const p5 = quantile(sample, 0.05);
  const p95 = quantile(sample, 0.95);
  return p5 > 0 && p95 / p5 > 100 ? 'log' : 'linear';
}

/**
 * [min, max] of the drawable values (finite; positive on a log axis), or null
 * if there are none. A zero-width extent is widened so a scale can be built.
 */
export function dataExtent(values: ArrayLike<number>, kind: ScaleKind): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v) || (kind === 'log' && v <= 0)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) return null;
  if (lo === hi) return kind === 'log' ? [lo / 2, hi * 2] : lo === 0 ? [-1, 1] : [lo - Math.abs(lo) / 2, hi + Math.abs(hi) / 2];
  return [lo, hi];
}

/** Values a log axis cannot show (zero or negative), so the UI can say how many were left out. */
export function countNonPositive(values: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]) && values[i] <= 0) n++;
  return n;
}
