/**
 * The co-design objective (docs/codesign.md §2): simulate a pair in inference,
 * training or both, turn the result into per-sequence metrics, and score
 * performance = Σ w_k·term_k / Σ w_k, with accuracy rewarded and latency, dynamic
 * energy, leakage energy and area penalised, each normalised to [0, 1].
 */
import { perSequenceJ } from '../metrics/perSequence.ts';
import { simulate } from '../elector/simulate.ts';
import type { SimMode, SimResult } from '../elector/types.ts';
import { acceleratorToEmbedding } from '../space/accelerator/embedding.ts';
import { ValidationError, type ValidationIssue } from '../space/issues.ts';
import { encodeModel } from '../space/transformer/embedding.ts';
import { accuracyFloorOf, accuracyRangeOf, withinFloor } from './accuracyFloor.ts';
import { METRIC_BOUNDS, type Bounds } from './objectiveBounds.ts';
import { PUBLISHED_ACCURACY_RANGE } from './predictors/published.ts';
import type { Predictor } from './predictors/predictor.ts';
import type { Candidate, Evaluation, ObjectiveSettings, ObjectiveWeights, PairMetrics } from './types.ts';

/**
 * `sampled`: log-scaled between the frozen bounds of objectiveBounds.ts, accuracy linear in
 * the predictor's range (§2.2). `reference`: the reference's linear terms against fixed
 * maxima, per batch, unclamped (§2.3).
 */
export type Normalisation = 'sampled' | 'reference';

/** ObjectiveSettings plus the choice of normalisation (absent = `sampled`). */
export interface CodesignObjective extends ObjectiveSettings {
  normalisation?: Normalisation;
}

export const DEFAULT_WEIGHTS: Readonly<ObjectiveWeights> = Object.freeze({ accuracy: 0.5, latency: 0.1, dynamicEnergy: 0.2, leakageEnergy: 0.1, area: 0.1 });

export const DEFAULT_OBJECTIVE: Readonly<CodesignObjective> = Object.freeze({
  weights: DEFAULT_WEIGHTS, mode: 'inference', trainingShare: 0.5, costModel: 'elector', normalisation: 'sampled',
});

/** The reference implementation's objective: no area term, its cost model, inference, its maxima (§2.3). */
export const REFERENCE_OBJECTIVE: Readonly<CodesignObjective> = Object.freeze({
  weights: Object.freeze({ ...DEFAULT_WEIGHTS, area: 0 }), mode: 'inference', trainingShare: 0.5, costModel: 'reference', normalisation: 'reference',
});

/** The reference's maxima (HEAD of its co-design script): GLUE, cycles at 700 MHz, nJ per simulated batch. */
export const REFERENCE_MAXIMA = Object.freeze({ glue: 1, cycles: 4e9, dynamicNJ: 9e10, leakageNJ: 2e10 });

/** The reference's score of a pair the simulator refuses. */
export const FAILED_PERFORMANCE = -1;

const WEIGHT_KEYS = ['accuracy', 'latency', 'dynamicEnergy', 'leakageEnergy', 'area'] as const;

/** Checks untrusted settings; throws a ValidationError naming each bad field. Missing fields take the defaults. */
export function validateObjective(x: unknown): CodesignObjective {
  const issues: ValidationIssue[] = [];
  if (typeof x !== 'object' || x === null || Array.isArray(x)) throw new ValidationError('objective', [{ path: '', message: 'expected an object' }]);
  const s = { ...DEFAULT_OBJECTIVE, ...(x as Partial<CodesignObjective>) };
  const w = { ...DEFAULT_WEIGHTS, ...(typeof s.weights === 'object' && s.weights !== null ? s.weights : {}) } as Record<string, unknown>;
  if (typeof s.weights !== 'object' || s.weights === null) issues.push({ path: 'weights', message: 'expected an object of five weights' });
  for (const k of WEIGHT_KEYS) {
    const v = w[k];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) issues.push({ path: `weights.${k}`, message: `${String(v)} must be a number ≥ 0` });
  }
  if (issues.length === 0 && WEIGHT_KEYS.every((k) => w[k] === 0)) issues.push({ path: 'weights', message: 'all weights are 0: at least one must be positive' });
  if (s.mode !== 'inference' && s.mode !== 'training' && s.mode !== 'both') issues.push({ path: 'mode', message: `"${String(s.mode)}" must be inference, training or both` });
  if (typeof s.trainingShare !== 'number' || !(s.trainingShare >= 0 && s.trainingShare <= 1)) issues.push({ path: 'trainingShare', message: `${String(s.trainingShare)} must be a number in [0, 1]` });
  if (s.costModel !== 'elector' && s.costModel !== 'reference') issues.push({ path: 'costModel', message: `"${String(s.costModel)}" must be elector or reference` });
  if (s.normalisation !== 'sampled' && s.normalisation !== 'reference') issues.push({ path: 'normalisation', message: `"${String(s.normalisation)}" must be sampled or reference` });
  const floor = s.accuracyFloor;
  if (floor !== undefined && floor !== 'baseline' && !(typeof floor === 'number' && floor >= 0 && floor <= 1)) {
    issues.push({ path: 'accuracyFloor', message: `${String(floor)} must be "baseline" or a score in [0, 1]` });
  } else if (floor !== undefined && s.normalisation === 'reference') {
    // The floor ranks pairs under it below every pair above it only while performance lies in [0, 1].
    issues.push({ path: 'accuracyFloor', message: 'needs the default (sampled) normalisation: the reference objective\'s terms are unbounded' });
  }
  for (const [k, v] of Object.entries(s.sparsity ?? {})) {
    if (v !== undefined && !(typeof v === 'number' && v >= 0 && v < 1)) issues.push({ path: `sparsity.${k}`, message: `${String(v)} must be a number in [0, 1)` });
  }
  if (issues.length > 0) throw new ValidationError('objective', issues);
  return { ...s, weights: w as unknown as ObjectiveWeights };
}

/** One mode's simulation in the objective's units, plus the per-batch totals the reference normalises. */
export interface ModeRun {
  metrics: PairMetrics;
  /** Cycles, dynamic and leakage nJ of one batch (inference) or one optimizer step (training). */
  cycles: number;
  dynamicNJ: number;
  leakageNJ: number;
}

/** Training: the result is one micro-batch with its share of the optimizer; a step is `accumulationSteps` of them. */
export function modeRun(r: SimResult): ModeRun {
  const steps = r.mode === 'training' ? (r.run?.accumulationSteps ?? 1) : 1;
  return {
    metrics: { latencyS: r.latencyS * steps, dynamicEnergyJ: perSequenceJ(r.dynamicNJ, r.batchSize), leakageEnergyJ: perSequenceJ(r.leakageNJ, r.batchSize), areaMm2: r.areaMm2 },
    cycles: r.cycles * steps,
    dynamicNJ: r.dynamicNJ * steps,
    leakageNJ: r.leakageNJ * steps,
  };
}

const modesOf = (s: ObjectiveSettings): { mode: SimMode; share: number }[] =>
  s.mode === 'both' ? [{ mode: 'inference', share: 1 - s.trainingShare }, { mode: 'training', share: s.trainingShare }] : [{ mode: s.mode, share: 1 }];

/** Runs the simulator for every mode the settings ask for; throws what the simulator throws. */
export function simulatePair(c: Candidate, s: ObjectiveSettings): Partial<Record<SimMode, ModeRun>> {
  const runs: Partial<Record<SimMode, ModeRun>> = {};
  for (const { mode } of modesOf(s)) {
    runs[mode] = modeRun(simulate(c.model, c.accelerator, { mode, costModel: s.costModel, sparsity: s.sparsity, sparsityByOp: s.sparsityByOp, timeline: false }));
  }
  return runs;
}

/** log(x/low)/log(high/low), clamped to [0, 1]: 0 at the best bound, 1 at the worst. */
export function logNormalise(x: number, [low, high]: Bounds): number {
  return Math.min(1, Math.max(0, Math.log(x / low) / Math.log(high / low)));
}

/** The normalised terms in [0, 1] (accuracy higher-better, the rest lower-better), blended over modes. */
export function normalisedTerms(runs: Partial<Record<SimMode, ModeRun>>, accuracyMean: number, s: CodesignObjective, accuracyRange = PUBLISHED_ACCURACY_RANGE) {
  const reference = s.normalisation === 'reference';
  const t = { accuracy: 0, latency: 0, dynamicEnergy: 0, leakageEnergy: 0, area: 0 };
  t.accuracy = reference
    ? accuracyMean / REFERENCE_MAXIMA.glue
    : Math.min(1, Math.max(0, (accuracyMean - accuracyRange.min) / (accuracyRange.max - accuracyRange.min)));
  for (const { mode, share } of modesOf(s)) {
    const r = runs[mode];
    if (!r) throw new Error(`internal: no ${mode} run`);
    if (reference) {
      t.latency += share * (r.cycles / REFERENCE_MAXIMA.cycles);
      t.dynamicEnergy += share * (r.dynamicNJ / REFERENCE_MAXIMA.dynamicNJ);
      t.leakageEnergy += share * (r.leakageNJ / REFERENCE_MAXIMA.leakageNJ);
      t.area += 0; // the reference has no area term
    } else {
      const b = METRIC_BOUNDS[s.costModel][mode];
      t.latency += share * logNormalise(r.metrics.latencyS, b.latencyS);
      t.dynamicEnergy += share * logNormalise(r.metrics.dynamicEnergyJ, b.dynamicEnergyJ);
      t.leakageEnergy += share * logNormalise(r.metrics.leakageEnergyJ, b.leakageEnergyJ);
      t.area += share * logNormalise(r.metrics.areaMm2, b.areaMm2);
    }
  }
  return t;
}

/** performance = (w_acc·acc + Σ_k w_k·(1 − term_k)) / Σ w. */
export function performanceOf(terms: ReturnType<typeof normalisedTerms>, w: ObjectiveWeights): number {
  const total = w.accuracy + w.latency + w.dynamicEnergy + w.leakageEnergy + w.area;
  const sum = w.accuracy * terms.accuracy + w.latency * (1 - terms.latency) + w.dynamicEnergy * (1 - terms.dynamicEnergy) +
    w.leakageEnergy * (1 - terms.leakageEnergy) + w.area * (1 - terms.area);
  return sum / total;
}

/** Blends the modes' metrics with the same shares as the score (arithmetic mean). */
export function blendMetrics(runs: Partial<Record<SimMode, ModeRun>>, s: ObjectiveSettings): PairMetrics {
  const m: PairMetrics = { latencyS: 0, dynamicEnergyJ: 0, leakageEnergyJ: 0, areaMm2: 0 };
  for (const { mode, share } of modesOf(s)) {
    const r = runs[mode]!.metrics;
    m.latencyS += share * r.latencyS;
    m.dynamicEnergyJ += share * r.dynamicEnergyJ;
    m.leakageEnergyJ += share * r.leakageEnergyJ;
    m.areaMm2 += share * r.areaMm2;
  }
  return m;
}

/**
 * Scores one pair. The candidate must lie in the design spaces (encoding throws a
 * ValidationError otherwise); a pair the simulator refuses gets `metrics: null`, the
 * error, and performance −1, as the reference scores failures.
 */
export function evaluatePair(candidate: Candidate, settings: CodesignObjective, predictor: Predictor): Evaluation {
  const embedding = { model: encodeModel(candidate.model), accelerator: [...acceleratorToEmbedding(candidate.accelerator)] };
  const accuracy = predictor.predict(candidate.model);
  let runs: Partial<Record<SimMode, ModeRun>>;
  try {
    runs = simulatePair(candidate, settings);
  } catch (e) {
    return { candidate, embedding, metrics: null, error: (e as Error).message, accuracy, performance: FAILED_PERFORMANCE };
  }
  const range = accuracyRangeOf(predictor);
  const terms = normalisedTerms(runs, accuracy.mean, settings, range);
  const performance = withinFloor(performanceOf(terms, settings.weights), accuracy.mean, accuracyFloorOf(settings, predictor), range);
  return { candidate, embedding, metrics: blendMetrics(runs, settings), accuracy, performance };
}
