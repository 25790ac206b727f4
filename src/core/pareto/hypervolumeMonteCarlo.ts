/**
 * Monte Carlo hypervolume, for fronts too large or with too many objectives for
 * the exact `hypervolume`: sample uniformly in the box between the front's ideal
 * point (per-objective minimum) and the reference, and count the samples some
 * point weakly dominates. The count is binomial, so the standard error is
 * box × √(p̂(1 − p̂)/N); the true value lies within ±3 standard errors in all but
 * ~0.3 % of runs.
 */
import type { Rng } from '../rng.ts';

export interface HypervolumeEstimate {
  /** Estimated hypervolume, in the product of the objectives' units. */
  estimate: number;
  /** Standard error of `estimate` (same units). */
  standardError: number;
  /** Volume of the sampled box (ideal point to reference); the estimate is a fraction of it. */
  boxVolume: number;
}

/**
 * @param points - as for `hypervolume`: objective values in reference order;
 *   points not strictly inside the reference, or non-finite, are ignored.
 * @param samples - number of uniform samples (the error shrinks as 1/√samples).
 * @param rng - seeded source (createRng), so an estimate reproduces.
 */
export function hypervolumeMonteCarlo(
  points: readonly ArrayLike<number>[],
  reference: readonly number[],
  samples: number,
  rng: Rng,
): HypervolumeEstimate {
  const m = reference.length;
  if (m === 0 || !reference.every(Number.isFinite)) throw new RangeError('hypervolumeMonteCarlo: bad reference point');
  if (!(samples >= 1)) throw new RangeError('hypervolumeMonteCarlo: samples must be ≥ 1');
  const inside = points.filter((p) => {
    for (let d = 0; d < m; d++) if (!(p[d] < reference[d] && p[d] > -Infinity)) return false;
    return true;
  });
  if (inside.length === 0) return { estimate: 0, standardError: 0, boxVolume: 0 };
  // Row-major copy sorted by the first objective: a sample's possible dominators
  // are a prefix, and the points likeliest to dominate it come first.
  inside.sort((a, b) => a[0] - b[0]);
  const n = inside.length;
  const flat = new Float64Array(n * m);
  inside.forEach((p, i) => {
    for (let d = 0; d < m; d++) flat[i * m + d] = p[d];
  });
  const ideal = Array.from({ length: m }, (_, d) => {
    let lo = Infinity;
    for (let i = 0; i < n; i++) lo = Math.min(lo, flat[i * m + d]);
    return lo;
  });
  let boxVolume = 1;
  for (let d = 0; d < m; d++) boxVolume *= reference[d] - ideal[d];

  const u = new Float64Array(m);
  let hits = 0;
  for (let s = 0; s < samples; s++) {
    for (let d = 0; d < m; d++) u[d] = ideal[d] + rng.next() * (reference[d] - ideal[d]);
    for (let i = 0; i < n && flat[i * m] <= u[0]; i++) {
      let d = 1;
      while (d < m && flat[i * m + d] <= u[d]) d++;
      if (d === m) {
        hits++;
        break;
      }
    }
  }
  const p = hits / samples;
  return { estimate: p * boxVolume, standardError: boxVolume * Math.sqrt((p * (1 - p)) / samples), boxVolume };
}
