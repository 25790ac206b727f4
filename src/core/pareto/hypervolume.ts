/**
 * Exact hypervolume (minimisation) in any number of objectives: the measure of the
 * region dominated by a point set and bounded above by a reference point. It is
 * the usual single-number quality of a front: larger is better, and it only grows
 * when a point is added.
 *
 * Algorithm by dimension:
 * - 1–2 objectives: sort and sweep, O(n log n).
 * - 3 objectives: sweep up the third objective keeping the 2-D staircase of the
 *   points seen and its area (HV3D-style), O(n log n) plus splices.
 * - 4 or more: WFG (While, Bradstreet & Barone 2012). Sum, over points sorted
 *   worst-first in the last objective, of each point's exclusive contribution
 *   against the later ones. The later points, clipped to the point's box
 *   ("limit set"), all share its last coordinate, so that contribution is a slab
 *   of height (reference − point) over a (m−1)-objective problem on the
 *   non-dominated limit set, solved recursively.
 * A 4-objective front of 2,000 points takes a fraction of a second; the cost grows
 * steeply with the number of objectives, see `hypervolumeMonteCarlo` for beyond.
 */
import { Staircase2d } from './staircase2d.ts';

/**
 * @param points - one entry per point, objective values in `reference` order
 *   (extra trailing values are ignored). Points not strictly better than the
 *   reference in every objective, or with a non-finite value, contribute nothing;
 *   dominated and duplicate points are allowed and add nothing.
 * @param reference - upper bound per objective (see `defaultReferencePoint`).
 */
export function hypervolume(points: readonly ArrayLike<number>[], reference: readonly number[]): number {
  const m = reference.length;
  if (m === 0) throw new RangeError('hypervolume: empty reference point');
  if (!reference.every(Number.isFinite)) throw new RangeError('hypervolume: reference must be finite');
  const inside: Float64Array[] = [];
  for (const p of points) {
    if (p.length < m) throw new RangeError(`hypervolume: point has ${p.length} values, reference ${m}`);
    let ok = true;
    // `!(a < b)` also rejects NaN.
    for (let d = 0; d < m && ok; d++) if (!(p[d] < reference[d]) || p[d] === -Infinity) ok = false;
    if (ok) inside.push(Float64Array.from({ length: m }, (_, d) => p[d]));
  }
  return volume(m >= 4 ? nonDominated(inside, m) : inside, m, reference);
}

/** Volume dominated by `pts` in their first `d` coordinates; every point lies strictly inside `ref`. */
function volume(pts: Float64Array[], d: number, ref: readonly number[]): number {
  if (pts.length === 0) return 0;
  if (d === 1) return ref[0] - pts.reduce((lo, p) => Math.min(lo, p[0]), Infinity);
  if (d === 2) return area2(pts, ref);
  if (d === 3) return volume3(pts, ref);
  return wfg(pts, d, ref);
}

function area2(pts: Float64Array[], ref: readonly number[]): number {
  pts.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let area = 0;
  let ceiling = ref[1];
  for (const p of pts) {
    if (p[1] >= ceiling) continue;
    area += (ref[0] - p[0]) * (ceiling - p[1]);
    ceiling = p[1];
  }
  return area;
}

function volume3(pts: Float64Array[], ref: readonly number[]): number {
  pts.sort((a, b) => a[2] - b[2]);
  const stairs = new Staircase2d(ref[0], ref[1]);
  let area = 0;
  let vol = 0;
  for (let k = 0; k < pts.length; k++) {
    area += stairs.insert(pts[k][0], pts[k][1]);
    // The cross-section is constant until the next point's z (or the reference).
    const zNext = k + 1 < pts.length ? pts[k + 1][2] : ref[2];
    vol += area * (zNext - pts[k][2]);
  }
  return vol;
}

function wfg(pts: Float64Array[], d: number, ref: readonly number[]): number {
  const last = d - 1;
  pts.sort((a, b) => b[last] - a[last]);
  let total = 0;
  for (let k = 0; k < pts.length; k++) {
    const pk = pts[k];
    const limit: Float64Array[] = [];
    for (let j = k + 1; j < pts.length; j++) {
      const q = new Float64Array(last);
      for (let t = 0; t < last; t++) q[t] = Math.max(pk[t], pts[j][t]);
      limit.push(q);
    }
    let box = 1;
    for (let t = 0; t < last; t++) box *= ref[t] - pk[t];
    // The 2-D and 3-D sweeps ignore dominated points themselves; filtering first only pays above.
    const rest = last >= 4 ? nonDominated(limit, last) : limit;
    total += (ref[last] - pk[last]) * (box - volume(rest, last, ref));
  }
  return total;
}

/**
 * Points no other point weakly dominates (one copy of duplicates), by sort-filter:
 * after sorting by coordinate sum a point can only be weakly dominated by an
 * earlier one, and checking the kept ones suffices.
 */
function nonDominated(pts: Float64Array[], d: number): Float64Array[] {
  const sum = (p: Float64Array) => {
    let s = 0;
    for (let t = 0; t < d; t++) s += p[t];
    return s;
  };
  const keyed = pts.map((p) => ({ p, s: sum(p) }));
  // Rounding can tie the sums of a point and its dominator; the lexicographic tiebreak orders them.
  keyed.sort((a, b) => a.s - b.s || lex(a.p, b.p, d));
  const kept: Float64Array[] = [];
  for (const { p } of keyed) {
    let covered = false;
    for (let k = 0; k < kept.length && !covered; k++) {
      const q = kept[k];
      let t = 0;
      while (t < d && q[t] <= p[t]) t++;
      covered = t === d;
    }
    if (!covered) kept.push(p);
  }
  return kept;
}

function lex(a: Float64Array, b: Float64Array, d: number): number {
  for (let t = 0; t < d; t++) if (a[t] !== b[t]) return a[t] - b[t];
  return 0;
}
