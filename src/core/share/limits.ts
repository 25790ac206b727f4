/**
 * Plain constants of the session schema, kept free of zod so that workers and the
 * core (sweeps, objectives) can import them without pulling the validator in.
 */
export const SESSION_VERSION = 7;

/**
 * What a sweep records per point. `accuracy` (predicted, maximised) and `accuracyStd` (its
 * one-sigma uncertainty) came after the others; stored sweeps without them read as NaN.
 */
export const OBJECTIVES = ['latency', 'energy', 'dynamicEnergy', 'leakageEnergy', 'area', 'edp', 'parameters', 'macs', 'accuracy', 'accuracyStd'] as const;
export type Objective = (typeof OBJECTIVES)[number];

export const SWEEP_LIMITS = { maxSamples: 1_000_000, maxGridParams: 3, maxSeed: 2 ** 32 - 1 } as const;

/** The explorer's result views (tabs), in the order they are shown. */
export const VIEW_TABS = ['results', 'compare', 'sweep', 'dynaprop', 'codesign'] as const;
export type ViewTab = (typeof VIEW_TABS)[number];

/** How the per-op timeline groups its rows. */
export const TIMELINE_ROWS = ['layer', 'kind'] as const;
export type TimelineRows = (typeof TIMELINE_ROWS)[number];

/**
 * The DynaProp lab (v5). The run ranges are the core's (`DYNAPROP_LIMITS`, `DATASET_IDS`,
 * `GRADIENT_MODES` in core/dynaprop/config.ts), restated here so the session schema does not
 * pull the DynaProp core into the main bundle; limits.test.ts keeps the two in step.
 */
export const LAB_DATASETS = ['names', 'spam'] as const;
export const LAB_GRADIENT_MODES = ['delta', 'param', 'both'] as const;
export const LAB_MODEL_SOURCES = ['editor', 'bert-tiny'] as const;
export type LabModelSource = (typeof LAB_MODEL_SOURCES)[number];
export const LAB_BACKENDS = ['auto', 'wasm', 'webgl', 'cpu'] as const;
export type LabBackend = (typeof LAB_BACKENDS)[number];
/** [min, max] of the run settings a link may hold. */
export const LAB_RANGES = { steps: [1, 1e5], batchSize: [1, 512], seqLen: [4, 128], learningRate: [1e-6, 1], seed: [0, 2 ** 32 - 1] } as const;
/** Targets per axis of the lab's experiment grid (6 × 6 runs at most, plus the baseline). */
export const LAB_GRID_MAX = 6;
/** Tokens each bundled dataset stores (CLS included): the longest sequence a run can ask for. */
export const DATASET_STORED_LEN = { names: 16, spam: 128 } as const;

/**
 * The co-design panel (v5, added with the DynaProp lab's version). The algorithms and modes are
 * the core's (workers/codesign.worker.ts, core/codesign/types.ts), restated so the session schema
 * does not pull the co-design core into the main bundle.
 */
export const CODESIGN_ALGORITHMS = ['boshcode', 'evolution', 'random'] as const;
export type CodesignAlgorithm = (typeof CODESIGN_ALGORITHMS)[number];
export const CODESIGN_MODES = ['inference', 'training', 'both'] as const;
export const CODESIGN_PREDICTORS = ['published', 'measured', 'imported'] as const;
/** One-sided search: `accelerator` holds the editor's accelerator fixed (architecture search), `transformer` its model. */
export const CODESIGN_FIXED = ['none', 'accelerator', 'transformer'] as const;
/** An accuracy constraint of the co-design objective (core/codesign/types.ts `accuracyFloor`). */
export const CODESIGN_ACCURACY_FLOORS = ['none', 'baseline'] as const;
export type CodesignFixed = (typeof CODESIGN_FIXED)[number];
export const CODESIGN_RANGES = { budget: [1, 10_000], seed: [0, 2 ** 32 - 1], weight: [0, 100] } as const;
