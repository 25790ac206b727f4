/**
 * Summaries of a 2-D front (minimisation): the hypervolume it dominates up to a
 * reference point, and its knee, the best-balanced trade-off.
 */

export type Point2d = readonly [x: number, y: number];

/**
 * Area dominated by `points` and bounded by `ref` (both objectives minimised).
 * Any point set works (dominated points add nothing); points not strictly better
 * than `ref` in both objectives, or not finite, are ignored.
 */
export function hypervolume2d(points: readonly Point2d[], ref: Point2d): number {
  const [rx, ry] = ref;
  const inside = points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y) && x < rx && y < ry);
  inside.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let area = 0;
  let ceiling = ry;
  for (const [x, y] of inside) {
    if (y >= ceiling) continue;
    // The strip between this point's y and the lowest y so far, from x to the reference.
    area += (rx - x) * (ceiling - y);
    ceiling = y;
  }
  return area;
}

/**
 * Position in `front` of the knee: after scaling both objectives to [0, 1] over
 * the front, the point farthest below the line joining the two extremes (the
 * largest gain in one objective for the least loss in the other). With fewer than
 * three points, or a front with no spread, the point nearest the ideal corner.
 * Returns -1 for an empty front.
 */
export function kneePoint(front: readonly Point2d[]): number {
  if (front.length === 0) return -1;
  const xs = front.map((p) => p[0]);
  const ys = front.map((p) => p[1]);
  const [x0, x1] = extent(xs);
  const [y0, y1] = extent(ys);
  const sx = x1 > x0 ? x1 - x0 : 1;
  const sy = y1 > y0 ? y1 - y0 : 1;
  const u = xs.map((x) => (x - x0) / sx);
  const v = ys.map((y) => (y - y0) / sy);
  if (front.length >= 3 && x1 > x0 && y1 > y0) {
    // Extremes of a normalised front are (0, 1) and (1, 0); the chord is u + v = 1.
    let best = -1;
    let bestGap = -Infinity;
    for (let i = 0; i < front.length; i++) {
      const gap = 1 - u[i] - v[i];
      if (gap > bestGap) [best, bestGap] = [i, gap];
    }
    return best;
  }
  let best = 0;
  for (let i = 1; i < front.length; i++) if (u[i] ** 2 + v[i] ** 2 < u[best] ** 2 + v[best] ** 2) best = i;
  return best;
}

/** The (x, y) pairs of the given indices, e.g. of a `paretoFront` result. */
export function pointsAt(xs: ArrayLike<number>, ys: ArrayLike<number>, indices: ArrayLike<number>): Point2d[] {
  return Array.from(indices, (i) => [xs[i], ys[i]] as const);
}

/** Min and max without spreading (a spread of 100k arguments overflows the stack). */
function extent(values: readonly number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}
