/**
 * Non-dominated sorting for k objectives (minimisation): rank 0 is the Pareto
 * front, rank 1 the front of what remains, and so on. Used by co-design to rank
 * candidates; the plot uses the faster 2-D `paretoFront`.
 *
 * Algorithm: efficient non-dominated sort with binary search (ENS-BS, Zhang et al.
 * 2015). After a lexicographic sort no point can be dominated by a later one, and
 * if a front dominates a point so does every earlier front, so each point's rank
 * is found by a binary search over the fronts built so far. Memory stays O(n),
 * unlike the O(n²) bookkeeping of the classic fast non-dominated sort.
 */
import { dominates } from './front2d.ts';

/** Rank of points with a NaN or infinite objective: they are left out of every front. */
export const UNRANKED = -1;

/**
 * @param objectives - one column per objective, all the same length.
 * @returns rank per point (0 = non-dominated), or `UNRANKED` for non-finite points.
 */
export function nonDominatedSort(objectives: readonly ArrayLike<number>[]): Int32Array {
  const k = objectives.length;
  const n = k === 0 ? 0 : objectives[0].length;
  if (objectives.some((c) => c.length !== n)) throw new RangeError('nonDominatedSort: objective columns differ in length');
  const ranks = new Int32Array(n).fill(UNRANKED);
  const points: Float64Array[] = [];
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = new Float64Array(k);
    let finite = true;
    for (let m = 0; m < k; m++) {
      p[m] = objectives[m][i];
      if (!Number.isFinite(p[m])) finite = false;
    }
    points.push(p);
    if (finite) order.push(i);
  }
  order.sort((a, b) => lexCompare(points[a], points[b]) || a - b);

  const fronts: number[][] = [];
  for (const i of order) {
    let lo = 0;
    let hi = fronts.length;
    // Smallest front index that does not dominate point i.
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (frontDominates(fronts[mid], points, points[i])) lo = mid + 1;
      else hi = mid;
    }
    if (lo === fronts.length) fronts.push([]);
    fronts[lo].push(i);
    ranks[i] = lo;
  }
  return ranks;
}

function lexCompare(a: Float64Array, b: Float64Array): number {
  for (let m = 0; m < a.length; m++) if (a[m] !== b[m]) return a[m] - b[m];
  return 0;
}

/**
 * Scans newest first: the most recently added members are the likeliest dominators.
 * With two objectives the newest member alone decides: it has the largest x and the
 * smallest y of its front, so if any member dominates p, it does too.
 */
function frontDominates(front: number[], points: Float64Array[], p: Float64Array): boolean {
  const stop = p.length === 2 ? front.length - 1 : 0;
  for (let j = front.length - 1; j >= stop; j--) if (dominates(points[front[j]], p)) return true;
  return false;
}
