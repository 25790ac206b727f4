/**
 * The shared vocabulary of co-design (docs/codesign.md): a candidate pair, its
 * evaluation, the objective's weights, and what a search reports as it runs.
 */
import type { ModelDict } from '../space/transformer/types.ts';
import type { AcceleratorConfig } from '../space/accelerator/types.ts';
import type { CostModel, Sparsity, SparsityByOp } from '../elector/types.ts';

export interface Candidate {
  model: ModelDict;
  accelerator: AcceleratorConfig;
}

/** The 37-entry transformer embedding and the 12-entry accelerator embedding (raw values). */
export interface CandidateEmbedding {
  model: number[];
  accelerator: number[];
}

/** An accuracy prediction with its uncertainty (one standard deviation) and where it comes from. */
export interface AccuracyPrediction {
  /** Predicted score on the predictor's scale (GLUE average in [0, 1] for `published`). */
  mean: number;
  std: number;
  /** e.g. "published: Turc et al. 2019 + Devlin et al. 2019, GLUE test average". */
  source: string;
}

/** What the simulator says of a pair, in the units the objective uses. */
export interface PairMetrics {
  /** Seconds for one batch of the accelerator's batch size (inference), or one optimizer step (training). */
  latencyS: number;
  /** Per sequence. */
  dynamicEnergyJ: number;
  leakageEnergyJ: number;
  areaMm2: number;
}

/** Objective weights; all ≥ 0, not all 0. Defaults: the paper's 0.5 / 0.1 / 0.2 / 0.1, and 0.1 for area. */
export interface ObjectiveWeights {
  accuracy: number;
  latency: number;
  dynamicEnergy: number;
  leakageEnergy: number;
  area: number;
}

export type EvaluationMode = 'inference' | 'training' | 'both';

export interface ObjectiveSettings {
  weights: ObjectiveWeights;
  mode: EvaluationMode;
  /** With mode `both`: weight of training in the blended metrics (inference gets 1 − this). */
  trainingShare: number;
  costModel: CostModel;
  /** Default sparsity, or DynaProp's measured values. */
  sparsity?: Partial<Sparsity>;
  /**
   * A constraint: pairs predicted below this score (the predictor's scale) rank below every
   * pair that meets it. `baseline`: the baseline pair's predicted score (baseline.ts), so the
   * best pair is "at no lower predicted accuracy". Absent: no constraint (the default).
   */
  accuracyFloor?: number | 'baseline';
  sparsityByOp?: SparsityByOp;
}

/** One simulator query and its score. A pair the simulator refuses has `metrics: null` and the worst score. */
export interface Evaluation {
  candidate: Candidate;
  embedding: CandidateEmbedding;
  metrics: PairMetrics | null;
  error?: string;
  accuracy: AccuracyPrediction;
  /** The weighted, normalised performance to maximise (docs/codesign.md §2). */
  performance: number;
}

/** Streamed after every simulator query. */
export interface SearchProgress {
  query: number;
  budget: number;
  evaluation: Evaluation;
  bestSoFar: Evaluation;
  /** Surrogate's absolute error on this new point before it was added (BOSHCODE only). */
  surrogateError?: number;
  /** The step that chose this query: `initial`, `gobi`, `uncertainty`, `diversity`, `random`, `evolution`. */
  step: string;
}

export interface SearchResult {
  best: Evaluation;
  history: { query: number; performance: number; bestSoFar: number; step: string }[];
  evaluations: Evaluation[];
  seed: number;
  seconds: number;
}
