/**
 * The 2-D Pareto front for minimisation, in O(n log n): sort by (x, y), then one
 * sweep that keeps the smallest y seen at strictly smaller x.
 *
 * Dominance is the usual one: q dominates p when q is no worse in both
 * objectives and strictly better in at least one. So exact duplicates do not
 * dominate each other (all copies of a front point are on the front), and of
 * several points sharing an x only those with the smallest y survive.
 * Points with a NaN or infinite coordinate are never on the front and never
 * dominate anything.
 */

/**
 * Indices of the non-dominated points, ordered by x ascending (ties: y, then index),
 * so consecutive entries trace the front's staircase.
 *
 * @param subset - only these indices take part (e.g. a previous front plus a new
 *   chunk: the front of a union equals the front of (old front ∪ new points)).
 */
export function paretoFront(xs: ArrayLike<number>, ys: ArrayLike<number>, subset?: ArrayLike<number>): Int32Array {
  let order = finiteIndices(xs, ys, subset);
  if (order.length > PREFILTER_MIN) order = prefilter(xs, ys, order);
  order.sort((a, b) => xs[a] - xs[b] || ys[a] - ys[b] || a - b);
  const out = new Int32Array(order.length);
  let count = 0;
  // Smallest y among points with strictly smaller x than the current group.
  let bestY = Infinity;
  for (let i = 0; i < order.length; ) {
    const x = xs[order[i]];
    const groupMinY = ys[order[i]];
    let j = i;
    for (; j < order.length && xs[order[j]] === x; j++) {
      const k = order[j];
      if (ys[k] === groupMinY && groupMinY < bestY) out[count++] = k;
    }
    if (groupMinY < bestY) bestY = groupMinY;
    i = j;
  }
  return out.slice(0, count);
}

/**
 * The front with each axis minimised (sign 1) or maximised (sign −1), same order and
 * tie-breaks as `paretoFront` on the signed values. Only the candidate rows are copied and
 * signed, so an incremental update (old front plus a new chunk) costs the chunk, not the sweep.
 */
export function paretoFrontSigned(xs: ArrayLike<number>, ys: ArrayLike<number>, signs: readonly [1 | -1, 1 | -1], subset?: ArrayLike<number>): Int32Array {
  if (signs[0] === 1 && signs[1] === 1) return paretoFront(xs, ys, subset);
  const rows = finiteIndices(xs, ys, subset);
  // Ascending rows: local positions then break ties as global indices would.
  if (subset) rows.sort();
  const vx = new Float64Array(rows.length);
  const vy = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) {
    vx[k] = signs[0] * xs[rows[k]];
    vy[k] = signs[1] * ys[rows[k]];
  }
  return paretoFront(vx, vy).map((k) => rows[k]);
}

const PREFILTER_MIN = 4096;
const BUCKETS = 2048;

/**
 * Drops, in O(n), points that a point in a bucket strictly to their left
 * dominates, so only a few survivors need the O(n log n) sort. Buckets split a
 * monotone transform of x (log for wide positive ranges), hence a lower bucket
 * always means a strictly smaller x.
 */
function prefilter(xs: ArrayLike<number>, ys: ArrayLike<number>, order: Int32Array): Int32Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < order.length; k++) {
    const x = xs[order[k]];
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  const useLog = lo > 0 && hi / lo > 100;
  const f0 = useLog ? Math.log(lo) : lo;
  const span = (useLog ? Math.log(hi) : hi) - f0;
  if (!(span > 0) || !Number.isFinite(span)) return order;
  const scale = BUCKETS / span;
  // One bucket per point, computed once (two monomorphic loops rather than a function-valued transform).
  const bucket = new Uint16Array(order.length);
  const minY = new Float64Array(BUCKETS).fill(Infinity);
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    const b = Math.min(BUCKETS - 1, Math.floor(((useLog ? Math.log(xs[i]) : xs[i]) - f0) * scale));
    bucket[k] = b;
    if (ys[i] < minY[b]) minY[b] = ys[i];
  }
  // leftMin[b]: smallest y in buckets before b.
  const leftMin = new Float64Array(BUCKETS);
  let running = Infinity;
  for (let b = 0; b < BUCKETS; b++) {
    leftMin[b] = running;
    if (minY[b] < running) running = minY[b];
  }
  const kept = new Int32Array(order.length);
  let count = 0;
  for (let k = 0; k < order.length; k++) if (ys[order[k]] < leftMin[bucket[k]]) kept[count++] = order[k];
  return kept.subarray(0, count);
}

/** Indices (from `subset`, or 0..n-1) whose x and y are both finite. */
export function finiteIndices(xs: ArrayLike<number>, ys: ArrayLike<number>, subset?: ArrayLike<number>): Int32Array {
  const n = subset ? subset.length : Math.min(xs.length, ys.length);
  const out = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const k = subset ? subset[i] : i;
    if (Number.isFinite(xs[k]) && Number.isFinite(ys[k])) out[count++] = k;
  }
  return out.subarray(0, count);
}

/** True when point a dominates point b (minimisation, any number of objectives). */
export function dominates(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  let strictly = false;
  for (let m = 0; m < a.length; m++) {
    if (a[m] > b[m]) return false;
    if (a[m] < b[m]) strictly = true;
  }
  return strictly;
}
