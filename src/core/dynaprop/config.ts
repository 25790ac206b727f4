/**
 * A DynaProp run's settings, with their defaults and ranges in one place, shared by
 * the validator, the lab panel, share links and the command-line tool.
 */
import type { ModelDict } from '../space/transformer/types.ts';
import { MODEL_PRESETS } from '../space/transformer/presets.ts';

export const DATASET_IDS = ['names', 'spam'] as const;
export type DatasetId = (typeof DATASET_IDS)[number];

export const BACKENDS = ['wasm', 'webgl', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

/**
 * `delta`: prune the gradient δ entering each prune site (the paper's DynaProp).
 * `param`: prune parameter gradients after clipping (the reference code).
 * `both`: the two together.
 */
export const GRADIENT_MODES = ['delta', 'param', 'both'] as const;
export type GradientMode = (typeof GRADIENT_MODES)[number];

export interface DynaPropRunConfig {
  dataset: DatasetId;
  model: ModelDict;
  /** Optimizer steps. */
  steps: number;
  batchSize: number;
  /** Tokens per sequence, CLS included; at most the dataset's stored length. */
  seqLen: number;
  /** Peak learning rate of the linear warm-up / linear decay schedule. */
  learningRate: number;
  warmupFraction: number;
  weightDecay: number;
  /** Global-norm gradient clipping; 0 turns it off. */
  clipNorm: number;
  dropout: number;
  seed: number;
  /** Wanted activation sparsity in [0, 1), or null for no forward pruning. */
  targetActivationSparsity: number | null;
  /** Wanted gradient sparsity in [0, 1), or null for no backward pruning. */
  targetGradientSparsity: number | null;
  gradientMode: GradientMode;
  /** One τ for all sites (as the reference code), or one per op type. */
  thresholdScope: 'global' | 'perOpType';
  /** Re-profile the thresholds every K steps, because the distributions drift. */
  reprofileEvery: number;
  /** Read sparsity counts back and report progress every N steps. */
  reportEvery: number;
  /**
   * Count zeros on every k-th training step only (1: every step). Pruning runs on
   * every step either way; counting is sampled because it costs as much as pruning.
   */
  countEvery: number;
  /** Validation accuracy every M steps (and at the end). */
  evalEvery: number;
}

export const DYNAPROP_LIMITS = {
  steps: { min: 1, max: 100_000, default: 300 },
  batchSize: { min: 1, max: 512, default: 32 },
  seqLen: { min: 4, max: 128 },
  learningRate: { min: 1e-6, max: 1, default: 1e-3 },
  warmupFraction: { min: 0, max: 0.5, default: 0.1 },
  weightDecay: { min: 0, max: 1, default: 0.01 },
  clipNorm: { min: 0, max: 1e6, default: 1 },
  dropout: { min: 0, max: 0.9, default: 0.1 },
  seed: { min: 0, max: 2 ** 32 - 1, default: 1 },
  reprofileEvery: { min: 1, max: 100_000, default: 50 },
  reportEvery: { min: 1, max: 10_000, default: 10 },
  countEvery: { min: 1, max: 1_000, default: 4 },
  evalEvery: { min: 1, max: 100_000, default: 100 },
} as const;

/** Stored token length per dataset, and the default run length for each. */
export const DATASET_SEQ_LEN: Record<DatasetId, number> = { names: 16, spam: 64 };

/** Small enough to train in a browser tab: BERT-Tiny's shape. */
export const DEFAULT_DYNAPROP_MODEL: ModelDict = MODEL_PRESETS['bert-tiny'].model;

export function defaultRunConfig(dataset: DatasetId = 'names'): DynaPropRunConfig {
  const d = DYNAPROP_LIMITS;
  return {
    dataset,
    model: DEFAULT_DYNAPROP_MODEL,
    steps: d.steps.default,
    batchSize: d.batchSize.default,
    seqLen: DATASET_SEQ_LEN[dataset],
    learningRate: d.learningRate.default,
    warmupFraction: d.warmupFraction.default,
    weightDecay: d.weightDecay.default,
    clipNorm: d.clipNorm.default,
    dropout: d.dropout.default,
    seed: d.seed.default,
    targetActivationSparsity: null,
    targetGradientSparsity: null,
    gradientMode: 'delta',
    thresholdScope: 'global',
    reprofileEvery: d.reprofileEvery.default,
    reportEvery: d.reportEvery.default,
    countEvery: d.countEvery.default,
    evalEvery: d.evalEvery.default,
  };
}
