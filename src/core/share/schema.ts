/**
 * The versioned state of a whole explorer view: what a share link, a session file
 * and localStorage hold. Only user intent is stored (designs, settings, sweep spec
 * and seed, plot choices), never results: those are recomputed from it.
 *
 * Shapes are checked with zod; the design-space rules are checked by the core
 * validators, so a link can never hold a design the editors could not.
 */
import { z } from 'zod';
import { OBJECTIVES, SESSION_VERSION, SWEEP_LIMITS, TIMELINE_ROWS, VIEW_TABS } from './limits.ts';
import { RUN_SETTING_LIMITS } from '../elector/types.ts';

// Before any schema is built: zod would otherwise probe for eval (`Function('')`) to compile
// fast validators, which the app's Content-Security-Policy forbids (src/build/csp.ts).
z.config({ jitless: true });

export { OBJECTIVES, SESSION_VERSION, SWEEP_LIMITS, TIMELINE_ROWS, VIEW_TABS, type Objective, type TimelineRows, type ViewTab } from './limits.ts';

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
  /**
   * The brushed rectangle (v4), in data coordinates of the axes it was drawn on
   * (inclusive bounds): a re-run from the seed selects the same points, however
   * many, in a few dozen characters. Null when nothing is brushed.
   */
  brush: z.strictObject({
    x: z.enum(OBJECTIVES),
    y: z.enum(OBJECTIVES),
    x0: z.number(),
    x1: z.number(),
    y0: z.number(),
    y1: z.number(),
  }).refine((b) => b.x0 <= b.x1 && b.y0 <= b.y1, 'the brush rectangle needs x0 ≤ x1 and y0 ≤ y1').nullable(),
  /**
   * Brushed point indices, as version-3 views stored them (at most the first 1,000);
   * kept so an old link still opens with its selection. Views brushed since store `brush`.
   */
  selection: z.array(z.number().int().min(0).max(SWEEP_LIMITS.maxSamples)).max(1000).optional(),
  /** The sweep point loaded into the editors, if any. */
  focus: z.number().int().min(0).max(SWEEP_LIMITS.maxSamples).nullable(),
});

export const viewSchema = z.strictObject({
  tab: z.enum(VIEW_TABS),
  timelineRows: z.enum(TIMELINE_ROWS),
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
  /** What is on screen (v4): the open tab and the timeline's row grouping. */
  view: viewSchema,
});

export type RunSettings = z.infer<typeof settingsSchema>;
export type SweepSettings = z.infer<typeof sweepSchema>;
export type PlotSettings = z.infer<typeof plotSchema>;
export type PlotBrush = NonNullable<PlotSettings['brush']>;
export type ViewSettings = z.infer<typeof viewSchema>;
export type PinnedDesignRaw = z.infer<typeof pinnedSchema>;
export type SessionStateRaw = z.infer<typeof sessionSchema>;
