/**
 * One objective's scale for the scatter matrix: the Pareto plot's auto rule
 * (plotScales.ts: log when all values are positive and span ≥ 2 decades), mapped
 * to 0–1 so every small plot shares the same code whatever its size.
 */
import { emptyExtent, extendExtent, extentRange, scaleKindFor, type ScaleKind } from '../../sweep/plotScales.ts';

export interface UnitScale {
  kind: ScaleKind;
  /** [lo, hi] of the finite (log: positive) values; null when there are none. */
  range: [number, number] | null;
  /** Value → 0 (lo) … 1 (hi); NaN for a value the scale cannot show (missing, or ≤ 0 on log). */
  toUnit(v: number): number;
}

/** Over `rows` of `values` (all rows when null): the same rows the grey layer shows. */
export function unitScale(values: ArrayLike<number>, rows: Int32Array | null): UnitScale {
  const ext = emptyExtent();
  if (rows) {
    for (const i of rows) extendExtent(ext, values, i, i + 1);
  } else {
    extendExtent(ext, values);
  }
  const kind = scaleKindFor('auto', ext);
  const range = extentRange(ext, kind);
  if (!range) return { kind, range, toUnit: () => Number.NaN };
  const [lo, hi] = range;
  if (kind === 'log') {
    const l0 = Math.log(lo);
    const span = Math.log(hi) - l0;
    return { kind, range, toUnit: (v) => (v > 0 ? (Math.log(v) - l0) / span : Number.NaN) };
  }
  const span = hi - lo;
  return { kind, range, toUnit: (v) => (v - lo) / span };
}
