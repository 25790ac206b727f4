/**
 * An incremental 2-D non-dominated set (minimisation) kept as a staircase: steps
 * sorted by x ascending, hence y strictly descending. It is the sweep structure
 * behind the 3-objective first front (is a new point covered by one seen
 * before?) and the 3-objective hypervolume (how much area does it add?).
 *
 * Steps live in plain arrays; an insertion splices, which costs a memmove of the
 * steps to its right. The staircase holds only a 2-D front, usually a tiny
 * fraction of the points, so this beats a balanced tree in practice.
 */
export class Staircase2d {
  private readonly xs: number[] = [];
  private readonly ys: number[] = [];

  /**
   * @param refX - reference (upper) bound of x for `insert`'s added area; Infinity
   *   when only coverage queries matter.
   * @param refY - the same for y.
   */
  constructor(
    private readonly refX = Infinity,
    private readonly refY = Infinity,
  ) {}

  get size(): number {
    return this.xs.length;
  }

  /** True when some step is no worse than (x, y) in both coordinates (weak dominance). */
  covers(x: number, y: number): boolean {
    const i = this.lastAtOrLeftOf(x);
    // Steps left of x have descending y, so the last one has the lowest y among them.
    return i >= 0 && this.ys[i] <= y;
  }

  /**
   * Adds (x, y) unless it is covered, dropping the steps it dominates.
   * @returns the area of [x, refX] × [y, refY] not covered before, i.e. how much
   *   the dominated area below the reference grows (0 when covered).
   */
  insert(x: number, y: number): number {
    const { xs, ys } = this;
    let left = this.lastAtOrLeftOf(x);
    if (left >= 0 && ys[left] <= y) return 0;
    // Uncovered region of the new box: between the new y and the ceiling set by
    // the steps at or left of x, walking right past the steps the new point dominates.
    let ceiling = left >= 0 ? Math.min(ys[left], this.refY) : this.refY;
    // A step at the same x (with a larger y) is dominated by (x, y): drop it,
    // after it set the ceiling, since the area it covered is already counted.
    if (left >= 0 && xs[left] === x) {
      xs.splice(left, 1);
      ys.splice(left, 1);
      left--;
    }
    let cx = x;
    let area = 0;
    let right = left + 1;
    while (right < xs.length && ys[right] >= y) {
      area += (Math.min(xs[right], this.refX) - cx) * Math.max(0, ceiling - y);
      cx = Math.min(xs[right], this.refX);
      ceiling = Math.min(ys[right], this.refY);
      right++;
    }
    const end = right < xs.length ? Math.min(xs[right], this.refX) : this.refX;
    area += (end - cx) * Math.max(0, ceiling - y);
    xs.splice(left + 1, right - left - 1, x);
    ys.splice(left + 1, right - left - 1, y);
    return area;
  }

  /** Index of the last step with x ≤ qx, or -1 (binary search). */
  private lastAtOrLeftOf(qx: number): number {
    let lo = 0;
    let hi = this.xs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.xs[mid] <= qx) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }
}
