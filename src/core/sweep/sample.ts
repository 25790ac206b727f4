/**
 * Sample `index` of a sweep, computed from (seed, index) alone: no sample depends
 * on another, so any worker computes any chunk and a link re-runs the same points.
 *
 * - random: each sample draws its levels from its own stream;
 * - LHS: per dimension, sample i falls in stratum `strata[d][i]` of N equal strata
 *   of [0, 1), jittered within it by the sample's stream, then mapped to a level;
 * - grid: the index written in mixed radix, one digit per grid parameter (the
 *   last parameter varies fastest).
 */
import type { Design } from '../share/session.ts';
import type { SweepSettings } from '../share/schema.ts';
import { randomModel } from '../space/transformer/sample.ts';
import { applyAcceleratorLevels, applyTransformerLevels } from './apply.ts';
import { levelCount } from './params.ts';
import { compileSweep, type SweepPlan } from './plan.ts';
import { STREAM, streamRng } from './streams.ts';

/**
 * Plans are cached by the spec's content (a worker receives a fresh copy of the
 * spec with every chunk, and LHS strata for 100k samples take milliseconds).
 */
const plans = new Map<string, SweepPlan>();
const MAX_CACHED_PLANS = 4;

export function planFor(spec: SweepSettings): SweepPlan {
  const key = JSON.stringify([spec.vary, spec.params, spec.samples, spec.sampler, spec.gridParams, spec.seed]);
  let plan = plans.get(key);
  if (!plan) {
    if (plans.size >= MAX_CACHED_PLANS) plans.delete(plans.keys().next().value!);
    plans.set(key, (plan = compileSweep(spec)));
  }
  return plan;
}

/** Levels of sample `index`, one per `plan.params` entry (written into `out`). */
export function sampleLevels(plan: SweepPlan, index: number, out: Int32Array = new Int32Array(plan.params.length)): Int32Array {
  const { params, spec, count } = plan;
  if (!Number.isInteger(index) || index < 0 || index >= count) throw new RangeError(`sample ${index} outside 0..${count - 1}`);
  if (spec.sampler === 'grid') {
    let rest = index;
    for (let d = params.length - 1; d >= 0; d--) {
      const radix = levelCount(params[d]);
      out[d] = rest % radix;
      rest = Math.floor(rest / radix);
    }
    return out;
  }
  const rng = streamRng(spec.seed, STREAM.levels, index);
  for (let d = 0; d < params.length; d++) {
    const levels = levelCount(params[d]);
    const u = plan.strata ? (plan.strata[d][index] + rng.next()) / count : rng.next();
    out[d] = Math.min(levels - 1, Math.floor(u * levels));
  }
  return out;
}

/** The design of sample `index`, given the levels (see `sampleLevels`). */
export function pairFromLevels(plan: SweepPlan, base: Design, index: number, levels: ArrayLike<number>): Design {
  const accelerator = applyAcceleratorLevels(base.accelerator, plan.params, levels);
  const model = plan.randomModel
    ? randomModel(streamRng(plan.spec.seed, STREAM.model, index))
    : applyTransformerLevels(base.model, plan.params, levels);
  return { model, accelerator };
}

/** The (model, accelerator) pair of sample `index` of the sweep `spec` around `base`. */
export function samplePair(spec: SweepSettings | SweepPlan, base: Design, index: number): Design {
  const plan = 'strata' in spec ? spec : planFor(spec);
  return pairFromLevels(plan, base, index, sampleLevels(plan, index));
}
