/**
 * The versioned state of a whole explorer view: what a share link, a session file
 * and localStorage hold. Only user intent is stored (designs, settings, sweep spec
 * and seed, plot choices), never results: those are recomputed from it.
 *
 * Shapes are checked with zod; the design-space rules are checked by the core
 * validators, so a link can never hold a design the editors could not.
 */
import { z } from 'zod';
import { OBJECTIVES, SESSION_VERSION, SWEEP_LIMITS } from './limits.ts';
import { RUN_SETTING_LIMITS } from '../elector/types.ts';

export { OBJECTIVES, SESSION_VERSION, SWEEP_LIMITS, type Objective } from './limits.ts';

const sparsity = z.strictObject({
  activation: z.number().min(0).lt(1),
  weight: z.number().min(0).lt(1),
  gradient: z.number().min(0).lt(1),
});

const L = RUN_SETTING_LIMITS;

export const settingsSchema = z.strictObject({
  mode: z.enum(['inference', 'training']),
  costModel: z.enum(['elector', 'reference']),
  sparsity,
  clockMHz: z.number().min(L.clockMHz.min).max(L.clockMHz.max),
  /** Tokens per sequence (v3). The reference cost model runs 128 only; the core says so when asked for another. */
  seqLen: z.number().int().min(L.seqLen.min).max(L.seqLen.max),
  /** Training: micro-batches per optimizer step (v3). */
  accumulationSteps: z.number().int().min(L.accumulationSteps.min).max(L.accumulationSteps.max),
  /** BERT's masked-language-model head (v3). */
  mlmHead: z.boolean(),
  /** Idle compute units are power-gated (v3). */
  powerGating: z.boolean(),
});

/** Designs are shape-checked here and rule-checked by validateModel / validateAccelerator. */
const design = z.strictObject({
  model: z.unknown(),
  accelerator: z.unknown(),
});

const label = z.string().max(80);

export const pinnedSchema = z.strictObject({
  id: z.string().max(40),
  label,
  model: z.unknown(),
  accelerator: z.unknown(),
  settings: settingsSchema,
});

export const sweepSchema = z.strictObject({
  vary: z.enum(['accelerator', 'transformer', 'both']),
  /** Parameters that vary; empty means all of the chosen space. Others stay at the current design. */
  params: z.array(z.string().max(40)).max(40),
  samples: z.number().int().min(1).max(SWEEP_LIMITS.maxSamples),
  sampler: z.enum(['random', 'lhs', 'grid']),
  gridParams: z.array(z.string().max(40)).max(SWEEP_LIMITS.maxGridParams),
  seed: z.number().int().min(0).max(2 ** 32 - 1),
});

const axisScale = z.enum(['auto', 'log', 'linear']);

export const plotSchema = z.strictObject({
  x: z.enum(OBJECTIVES),
  y: z.enum(OBJECTIVES),
  xScale: axisScale,
  yScale: axisScale,
  /** Point indices of the current sweep that are brushed; a re-run from the seed gives the same indices. */
  selection: z.array(z.number().int().min(0).max(SWEEP_LIMITS.maxSamples)).max(1000),
  /** The sweep point loaded into the editors, if any. */
  focus: z.number().int().min(0).max(SWEEP_LIMITS.maxSamples).nullable(),
});

export const sessionSchema = z.strictObject({
  version: z.literal(SESSION_VERSION),
  design,
  settings: settingsSchema,
  pinned: z.array(pinnedSchema).max(4),
  /** Id of the pinned design ratios are taken against; null means the default baseline. */
  baseline: z.string().max(40).nullable(),
  sweep: sweepSchema,
  /** Whether the sweep had been run: a link re-runs it from its seed. */
  sweepRan: z.boolean(),
  /**
   * The design the sweep was built around (parameters that do not vary are held at
   * its values). Kept apart from `design`, which changes when a point is loaded, so a
   * link re-runs exactly the same points. Null before the first sweep.
   */
  sweepBase: design.nullable(),
  plot: plotSchema,
});

export type RunSettings = z.infer<typeof settingsSchema>;
export type SweepSettings = z.infer<typeof sweepSchema>;
export type PlotSettings = z.infer<typeof plotSchema>;
export type PinnedDesignRaw = z.infer<typeof pinnedSchema>;
export type SessionStateRaw = z.infer<typeof sessionSchema>;
