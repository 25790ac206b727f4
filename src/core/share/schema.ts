/**
 * The versioned state of a whole explorer view: what a share link, a session file
 * and localStorage hold. Only user intent is stored (designs, settings, sweep spec
 * and seed, plot choices), never results: those are recomputed from it.
 *
 * Shapes are checked with zod; the design-space rules are checked by the core
 * validators, so a link can never hold a design the editors could not.
 */
// zod's tree-shakable "mini" build: the same checks and messages as classic zod, without the
// method-chaining API that pulls every schema kind and JSON-Schema conversion into the bundle.
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import {
  CODESIGN_ACCURACY_FLOORS, CODESIGN_ALGORITHMS, CODESIGN_FIXED, CODESIGN_MODES, CODESIGN_PREDICTORS, CODESIGN_RANGES,
  DATASET_STORED_LEN, LAB_BACKENDS, LAB_DATASETS, LAB_GRADIENT_MODES, LAB_GRID_MAX, LAB_MODEL_SOURCES, LAB_RANGES,
  OBJECTIVES, SESSION_VERSION, SWEEP_LIMITS, TIMELINE_ROWS, VIEW_TABS,
} from './limits.ts';
import { MAPPING_OBJECTIVES, RUN_SETTING_LIMITS } from '../elector/types.ts';

// Before any schema is built: zod would otherwise probe for eval (`Function('')`) to compile
// fast validators, which the app's Content-Security-Policy forbids (src/build/csp.ts).
z.config({ jitless: true });
// Mini loads no locale: English messages, as classic zod gives ("Too big: expected number to be <=10000").
z.config(en());

export { OBJECTIVES, SESSION_VERSION, SWEEP_LIMITS, TIMELINE_ROWS, VIEW_TABS, type Objective, type TimelineRows, type ViewTab } from './limits.ts';

/** A number in [min, max]; `int` for whole numbers. */
/** Columns a sweep has at most (12 accelerator and 5 transformer parameters, 10 objectives), with room to grow. */
const PARALLEL_MAX_COLUMNS = 64;

const range = (min: number, max: number, int = false) => (int ? z.int() : z.number()).check(z.gte(min), z.lte(max));
const fraction = z.number().check(z.gte(0), z.lt(1));
const sparsity = z.strictObject({ activation: fraction, weight: fraction, gradient: fraction });
const someSparsity = z.optional(z.partial(sparsity));

const L = RUN_SETTING_LIMITS;

export const settingsSchema = z.strictObject({
  mode: z.enum(['inference', 'training']),
  costModel: z.enum(['elector', 'reference']),
  sparsity,
  clockMHz: range(L.clockMHz.min, L.clockMHz.max),
  /** Tokens per sequence (v3). The reference cost model runs 128 only; the core says so when asked for another. */
  seqLen: range(L.seqLen.min, L.seqLen.max, true),
  /** Training: micro-batches per optimizer step (v3). */
  accumulationSteps: range(L.accumulationSteps.min, L.accumulationSteps.max, true),
  /** BERT's masked-language-model head (v3). */
  mlmHead: z.boolean(),
  /** Idle compute units are power-gated (v3). */
  powerGating: z.boolean(),
  /**
   * What the elector model's mapper optimises when it cuts a batch into passes (v7). Optional:
   * saved sweep records hold older settings (absent = `balanced`); v6 links migrate to `balanced`.
   */
  mappingObjective: z.optional(z.enum(MAPPING_OBJECTIVES)),
  /**
   * Per ELECTOR op kind, sparsities that replace the global ones for that kind (v5):
   * what "Use measured sparsity" in the DynaProp lab fills. Absent: the global values everywhere.
   */
  sparsityByOp: z.optional(z.strictObject({
    matmul: someSparsity, conv: someSparsity, softmax: someSparsity, layerNorm: someSparsity, nonLinearity: someSparsity,
  })),
});

const R = LAB_RANGES;
const whole = ([min, max]: readonly [number, number]) => range(min, max, true);
const targets = z.array(z.nullable(fraction)).check(z.minLength(1), z.maxLength(LAB_GRID_MAX));

/** The DynaProp lab's settings (v5): the run and the experiment grid, never weights or results. */
export const labSchema = z.strictObject({
  dataset: z.enum(LAB_DATASETS),
  /** The model the lab trains: the editor's, or the BERT-Tiny preset. */
  model: z.enum(LAB_MODEL_SOURCES),
  steps: whole(R.steps),
  batchSize: whole(R.batchSize),
  seqLen: whole(R.seqLen),
  learningRate: range(R.learningRate[0], R.learningRate[1]),
  seed: whole(R.seed),
  /** Null: no pruning in that direction. */
  targetActivationSparsity: z.nullable(fraction),
  targetGradientSparsity: z.nullable(fraction),
  gradientMode: z.enum(LAB_GRADIENT_MODES),
  backend: z.enum(LAB_BACKENDS),
  /** Targets of the experiment runner (null: that direction unpruned); the unpruned baseline always runs. */
  grid: z.strictObject({ activation: targets, gradient: targets }),
}).check(z.refine((l) => l.seqLen <= DATASET_STORED_LEN[l.dataset], { path: ['seqLen'], message: 'longer than the chosen dataset stores (names 16, spam 128 tokens)' }));

const C = CODESIGN_RANGES;
const weight = range(C.weight[0], C.weight[1]);

/** The co-design panel's settings (v5): objective weights, predictor kind, search; never results or imported data. */
export const codesignSchema = z.strictObject({
  weights: z.strictObject({ accuracy: weight, latency: weight, dynamicEnergy: weight, leakageEnergy: weight, area: weight })
    .check(z.refine((w) => Object.values(w).some((v) => v > 0), 'all weights are 0: at least one must be positive')),
  /** `imported` needs the dataset file again after a reload or in another browser (it is not in links). */
  predictor: z.enum(CODESIGN_PREDICTORS),
  algorithm: z.enum(CODESIGN_ALGORITHMS),
  budget: whole(C.budget),
  seed: whole(C.seed),
  mode: z.enum(CODESIGN_MODES),
  fixed: z.enum(CODESIGN_FIXED),
  /**
   * v6. `baseline`: no pair predicted below the baseline's accuracy ranks above one that is not.
   * Optional: saved search records hold v5 settings (absent = `none`); v5 links migrate to `none`.
   */
  accuracyFloor: z.optional(z.enum(CODESIGN_ACCURACY_FLOORS)),
});

/** Designs are shape-checked here and rule-checked by validateModel / validateAccelerator. */
const design = z.strictObject({
  model: z.unknown(),
  accelerator: z.unknown(),
});

const label = z.string().check(z.maxLength(80));

export const pinnedSchema = z.strictObject({
  id: z.string().check(z.maxLength(40)),
  label,
  model: z.unknown(),
  accelerator: z.unknown(),
  settings: settingsSchema,
});

export const sweepSchema = z.strictObject({
  vary: z.enum(['accelerator', 'transformer', 'both']),
  /** Parameters that vary; empty means all of the chosen space. Others stay at the current design. */
  params: z.array(z.string().check(z.maxLength(40))).check(z.maxLength(40)),
  samples: range(1, SWEEP_LIMITS.maxSamples, true),
  sampler: z.enum(['random', 'lhs', 'grid']),
  gridParams: z.array(z.string().check(z.maxLength(40))).check(z.maxLength(SWEEP_LIMITS.maxGridParams)),
  seed: range(0, SWEEP_LIMITS.maxSeed, true),
});

/** A column of a sweep (plot encodings, parallel coordinates): a parameter id (`pe`, `tile.x`) or an objective. */
const columnKey = z.string().check(z.minLength(1), z.maxLength(40), z.regex(/^[A-Za-z][A-Za-z0-9_.]*$/, 'expected a column key such as "pe" or "latency"'));
const columnKeys = z.array(columnKey).check(z.maxLength(PARALLEL_MAX_COLUMNS));

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
  brush: z.nullable(z.strictObject({
    x: z.enum(OBJECTIVES),
    y: z.enum(OBJECTIVES),
    x0: z.number(),
    x1: z.number(),
    y0: z.number(),
    y1: z.number(),
  }).check(z.refine((b) => b.x0 <= b.x1 && b.y0 <= b.y1, 'the brush rectangle needs x0 ≤ x1 and y0 ≤ y1'))),
  /**
   * Brushed point indices, as version-3 views stored them (at most the first 1,000);
   * kept so an old link still opens with its selection. Views brushed since store `brush`.
   */
  selection: z.optional(z.array(range(0, SWEEP_LIMITS.maxSamples, true)).check(z.maxLength(1000))),
  /** The sweep point loaded into the editors, if any. */
  focus: z.nullable(range(0, SWEEP_LIMITS.maxSamples, true)),
  /** Colour, and size, of the cloud's marks by a column (an objective or a parameter id); absent or '' for none. */
  colourBy: z.optional(z.union([z.literal(''), columnKey])),
  sizeBy: z.optional(z.union([z.literal(''), columnKey])),
});


/**
 * The sweep's parallel coordinates (v5, optional: views saved before it open on the defaults):
 * whether the panel is open, its layout, and its axis brushes in data coordinates, so a
 * re-run from the seed filters the same points. Keys that name no column of the sweep are
 * ignored when the view is shown.
 */
export const parallelSchema = z.strictObject({
  open: z.boolean(),
  /** Column keys left to right; keys not listed follow in their natural order. */
  order: columnKeys,
  flipped: columnKeys,
  /** Axes set to log, and set to linear, by the user; others follow the automatic rule. */
  log: columnKeys,
  linear: columnKeys,
  /** The column lines are coloured by; '' is latency. */
  colourBy: z.union([z.literal(''), columnKey]),
  /** Per brushed axis, [lo, hi] inclusive, in the column's own units. */
  brushes: z.record(columnKey, z.tuple([z.number(), z.number()]).check(z.refine(([lo, hi]) => lo <= hi, 'a brush needs lo ≤ hi')))
    .check(z.refine((b) => Object.keys(b).length <= PARALLEL_MAX_COLUMNS, `at most ${PARALLEL_MAX_COLUMNS} brushed axes`)),
});

/** The sweep's many-objective analysis (v5, optional): whether it is open and the objectives it fronts. */
export const analysisSchema = z.strictObject({
  open: z.boolean(),
  objectives: z.array(z.enum(OBJECTIVES)).check(
    z.minLength(2), z.maxLength(OBJECTIVES.length),
    z.refine((o) => new Set(o).size === o.length, 'an objective is listed twice'),
  ),
});

export const viewSchema = z.strictObject({
  tab: z.enum(VIEW_TABS),
  timelineRows: z.enum(TIMELINE_ROWS),
});

export const sessionSchema = z.strictObject({
  version: z.literal(SESSION_VERSION),
  design,
  settings: settingsSchema,
  pinned: z.array(pinnedSchema).check(z.maxLength(4)),
  /** Id of the pinned design ratios are taken against; null means the default baseline. */
  baseline: z.nullable(z.string().check(z.maxLength(40))),
  sweep: sweepSchema,
  /** Whether the sweep had been run: a link re-runs it from its seed. */
  sweepRan: z.boolean(),
  /**
   * The design the sweep was built around (parameters that do not vary are held at
   * its values). Kept apart from `design`, which changes when a point is loaded, so a
   * link re-runs exactly the same points. Null before the first sweep.
   */
  sweepBase: z.nullable(design),
  plot: plotSchema,
  /** What is on screen (v4): the open tab and the timeline's row grouping. */
  view: viewSchema,
  dynaprop: labSchema,
  /** The co-design panel's settings (v5; a v5 view saved before the panel existed lacks them and opens on the defaults). */
  codesign: z.optional(codesignSchema),
  parallel: z.optional(parallelSchema),
  analysis: z.optional(analysisSchema),
});

export type RunSettings = z.infer<typeof settingsSchema>;
export type SweepSettings = z.infer<typeof sweepSchema>;
export type PlotSettings = z.infer<typeof plotSchema>;
export type PlotBrush = NonNullable<PlotSettings['brush']>;
export type ViewSettings = z.infer<typeof viewSchema>;
export type LabSettings = z.infer<typeof labSchema>;
export type CodesignSettings = z.infer<typeof codesignSchema>;
export type ParallelSettings = z.infer<typeof parallelSchema>;
export type AnalysisSettings = z.infer<typeof analysisSchema>;
export type PinnedDesignRaw = z.infer<typeof pinnedSchema>;
export type SessionStateRaw = z.infer<typeof sessionSchema>;
