/**
 * Parameter values of a sweep's points, as columns for the parallel-coordinates
 * view. The run store keeps only objective columns; a point's parameters are
 * regenerated from the plan (sampling depends on (spec, index) alone, see
 * sample.ts), so nothing extra is stored or shipped from the workers.
 *
 * A numeric parameter's column holds its value (PEs, MB, …); a choice (head type,
 * main memory, feed-forward stack, non-linearity) holds its level index, and the
 * axis labels ticks with `param.valueLabel(level)`.
 * When the plan draws models whole (`randomModel`), transformer parameters are not
 * levels of the plan and get no column (a model's layers may differ from each other).
 */
import type { SweepParam } from './params.ts';
import type { SweepPlan } from './plan.ts';
import { sampleLevels } from './sample.ts';

export interface ParamColumn {
  param: SweepParam;
  /** True when values are level indices of a choice, not numbers with a unit. */
  categorical: boolean;
  /** Length plan.count; NaN until `fillParamColumns` covered the row. */
  values: Float32Array;
}

/** Numeric when every level is a number: then the column stores the value itself. */
export function isCategorical(param: SweepParam): boolean {
  return param.values.some((v) => typeof v !== 'number');
}

/** One NaN-filled column per varied parameter of the plan, in plan order. */
export function emptyParamColumns(plan: SweepPlan): ParamColumn[] {
  return plan.params.map((param) => ({
    param,
    categorical: isCategorical(param),
    values: new Float32Array(plan.count).fill(Number.NaN),
  }));
}

/**
 * Fills rows [start, end) of `cols` from the plan. Cheap enough to follow a
 * running sweep range by range (~0.3 µs per row and parameter for random sampling).
 */
export function fillParamColumns(plan: SweepPlan, cols: readonly ParamColumn[], start: number, end: number): void {
  const levels = new Int32Array(plan.params.length);
  const hi = Math.min(end, plan.count);
  for (let i = Math.max(0, start); i < hi; i++) {
    sampleLevels(plan, i, levels);
    for (let d = 0; d < cols.length; d++) {
      const c = cols[d];
      c.values[i] = c.categorical ? levels[d] : (c.param.values[levels[d]] as number);
    }
  }
}

/** All rows at once (tests, history and imported sweeps, which arrive complete). */
export function buildParamColumns(plan: SweepPlan): ParamColumn[] {
  const cols = emptyParamColumns(plan);
  fillParamColumns(plan, cols, 0, plan.count);
  return cols;
}
