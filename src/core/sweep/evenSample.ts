/**
 * An even, repeatable sample of a sweep's rows for drawing: every row up to `limit`, every
 * k-th beyond, so the sample spans the whole range and a redraw picks the same rows. Views
 * that draw (parallel-coordinate lines, scatter-matrix points) sample; counts, fronts,
 * brushes and exports always use every row.
 */
export interface EvenSample {
  rows: Int32Array;
  /** Every `stride`-th row was kept; 1 keeps all. */
  stride: number;
}

/** Every `stride`-th of `rows` (or of 0..n-1 when null), so that at most `limit` remain. */
export function evenSample(rows: Int32Array | null, n: number, limit: number): EvenSample {
  const count = rows ? rows.length : n;
  const stride = Math.max(1, Math.ceil(count / limit));
  const out = new Int32Array(Math.ceil(count / stride));
  for (let k = 0, o = 0; k < count; k += stride, o++) out[o] = rows ? rows[k] : k;
  return { rows: out, stride };
}
