/**
 * A sweep spec (the session's SweepSettings) compiled once into what sampling
 * needs: the varied parameters in catalogue order, the number of samples, and,
 * for Latin hypercube sampling, one permutation of the strata per parameter.
 * Compiling depends only on the spec, so every worker builds the same plan.
 */
import type { SweepSettings } from '../share/schema.ts';
import { SWEEP_LIMITS } from '../share/limits.ts';
import { levelCount, SWEEP_PARAMS, type SweepParam } from './params.ts';
import { STREAM, streamRng } from './streams.ts';

export interface SweepPlan {
  spec: SweepSettings;
  /**
   * Parameters drawn as levels (grid: the grid parameters), in catalogue order.
   * Transformer parameters are absent when `randomModel` draws the model whole.
   */
  params: readonly SweepParam[];
  /** Number of samples (grid: product of level counts, capped at the sample limit). */
  count: number;
  /**
   * True when every transformer parameter varies under the random or LHS sampler:
   * models are then drawn whole from the FlexiBERT 2.0 space (`randomModel`),
   * heterogeneous layers included, instead of from the per-layer-uniform params.
   */
  randomModel: boolean;
  /** LHS only: `strata[d][i]` is sample i's stratum (0..count-1) in dimension d. */
  strata: readonly Int32Array[] | null;
}

/** The spaces a spec varies. */
export function variedSpaces(spec: Pick<SweepSettings, 'vary'>): ('accelerator' | 'transformer')[] {
  return spec.vary === 'both' ? ['accelerator', 'transformer'] : [spec.vary];
}

/**
 * Varied parameters: the spec's `params` within the chosen spaces (unknown ids are
 * ignored); when none remain, every parameter of those spaces.
 */
export function resolveParams(spec: Pick<SweepSettings, 'vary' | 'params'>): SweepParam[] {
  const spaces = variedSpaces(spec);
  const inSpace = SWEEP_PARAMS.filter((p) => spaces.includes(p.space));
  const chosen = inSpace.filter((p) => spec.params.includes(p.id));
  return chosen.length > 0 ? chosen : inSpace;
}

/**
 * Grid parameters, the one list a grid sweep uses: the spec's gridParams among
 * the parameters of the varied spaces, in catalogue order (the "vary" ticks of
 * the other samplers play no part); if none, the first three varied.
 */
export function resolveGridParams(spec: Pick<SweepSettings, 'vary' | 'params' | 'gridParams'>): SweepParam[] {
  const spaces = variedSpaces(spec);
  const chosen = SWEEP_PARAMS.filter((p) => spaces.includes(p.space) && spec.gridParams.includes(p.id));
  return (chosen.length > 0 ? chosen : resolveParams(spec)).slice(0, SWEEP_LIMITS.maxGridParams);
}

/** What a grid spec enumerates: its parameters, their level counts, the product and the count run. */
export interface GridSummary {
  params: SweepParam[];
  levels: number[];
  /** Product of the level counts: every combination. */
  combinations: number;
  /** Points the sweep runs: the combinations, capped at the sample limit. */
  count: number;
  capped: boolean;
}

export function gridSummary(spec: Pick<SweepSettings, 'vary' | 'params' | 'gridParams'>): GridSummary {
  const params = resolveGridParams(spec);
  const levels = params.map(levelCount);
  const combinations = levels.reduce((n, l) => n * l, 1);
  const count = Math.min(combinations, SWEEP_LIMITS.maxSamples);
  return { params, levels, combinations, count, capped: count < combinations };
}

/** Number of points a spec produces. */
export function sweepSize(spec: SweepSettings): number {
  if (spec.sampler !== 'grid') return Math.max(1, Math.min(spec.samples, SWEEP_LIMITS.maxSamples));
  return gridSummary(spec).count;
}

export function compileSweep(spec: SweepSettings): SweepPlan {
  const grid = spec.sampler === 'grid';
  const varied = grid ? resolveGridParams(spec) : resolveParams(spec);
  const count = sweepSize(spec);
  const transformerVaried = varied.filter((p) => p.space === 'transformer').length;
  const allTransformer = SWEEP_PARAMS.filter((p) => p.space === 'transformer').length;
  const randomModel = !grid && transformerVaried === allTransformer;
  const params = randomModel ? varied.filter((p) => p.space === 'accelerator') : varied;
  const strata = spec.sampler === 'lhs' ? params.map((_, d) => permutation(count, spec.seed, d)) : null;
  return { spec, params, count, randomModel, strata };
}

/** Fisher–Yates shuffle of 0..n-1 from the dimension's own stream. */
function permutation(n: number, seed: number, dimension: number): Int32Array {
  const rng = streamRng(seed, STREAM.lhsPermutation, dimension);
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}
