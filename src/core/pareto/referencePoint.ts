/**
 * The default hypervolume reference point. A hypervolume is only comparable
 * between fronts measured against the same reference, so the rule is fixed and
 * shown to the user next to the number.
 */

/** Margin added beyond the worst value, as a fraction of it. */
export const REFERENCE_MARGIN = 0.1;

/** The rule of `defaultReferencePoint`, in words, for display. */
export const REFERENCE_POINT_RULE =
  'Reference point: for each objective, the worst value among the points (the largest; the lowest ' +
  'for predicted accuracy) with a 10 % margin beyond it, so extreme points still add volume. The ' +
  'margin is 10 % of the worst value’s magnitude (or of the objective’s range, or 1, when that is 0).';

/**
 * Per objective: max × (1 + 0.1) over the finite values of the given rows, so
 * the extreme points of a front still contribute a slab of volume. All of this
 * app's objectives are positive; for generality the margin is 0.1 × |max|,
 * falling back to 0.1 × (max − min) when max is 0 and to 1 when that is 0 too
 * (the reference must lie strictly beyond every point).
 * An objective with no finite value gets NaN.
 *
 * @param columns - one column per objective, indexed by row.
 * @param rows - only these rows count (e.g. the front, or the filtered rows); default all.
 */
export function defaultReferencePoint(columns: readonly ArrayLike<number>[], rows?: ArrayLike<number>): number[] {
  return columns.map((col) => {
    const n = rows ? rows.length : col.length;
    let lo = Infinity;
    let hi = -Infinity;
    for (let k = 0; k < n; k++) {
      const v = col[rows ? rows[k] : k];
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (hi === -Infinity) return Number.NaN;
    const base = hi !== 0 ? Math.abs(hi) : hi - lo;
    return hi + (base > 0 ? REFERENCE_MARGIN * base : 1);
  });
}
