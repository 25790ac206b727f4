/**
 * The `measured` accuracy predictor (docs/codesign.md §3.3): the project's own DynaProp lab
 * runs on one bundled task, fitted with fit.ts's trend and Gaussian process. Its scale is
 * that task's test accuracy, not GLUE. Repeated runs of one model (other seeds) are
 * repeated measurements: their spread is the noise term.
 */
import type { DynaPropRunConfig } from '../../dynaprop/config.ts';
import { ValidationError } from '../../space/issues.ts';
import { MODEL_PRESETS } from '../../space/transformer/presets.ts';
import type { ModelDict } from '../../space/transformer/types.ts';
import { deriveAccuracyRange } from '../objectiveBounds.ts';
import type { AccuracyPrediction } from '../types.ts';
import { fitTrendGp, modelFeatures, type TrendGpOptions } from './fit.ts';
import type { Predictor } from './predictor.ts';

/** What the predictor reads of a lab run (state/dynaprop/labRecord.ts `LabRun` has it all). */
export interface MeasuredRun {
  config: Pick<DynaPropRunConfig, 'dataset' | 'model' | 'steps' | 'seed' | 'targetActivationSparsity' | 'targetGradientSparsity'>;
  /** Test accuracy, a fraction. */
  accuracy: number;
  backend: string;
  tfjsVersion: string;
}

/** Only what the fit reads: a lab run also holds curves and sparsity tables. */
export const measuredRunOf = (r: MeasuredRun): MeasuredRun => ({ config: r.config, accuracy: r.accuracy, backend: r.backend, tfjsVersion: r.tfjsVersion });

export interface MeasuredOptions {
  /** The task fitted; by default the one with the most unpruned runs. */
  task?: string;
  /** Where the runs come from, for the source line (e.g. "lab-measurements.json"). */
  name?: string;
  /** The step count fitted; by default the one with most distinct models on the task. */
  steps?: number;
}

export const MIN_MEASURED_MODELS = 3;
/**
 * Noise when no model was run twice: the spread of BERT-Tiny's names accuracy over seeds
 * 1 and 2 at 150 steps (0.783, 0.735; docs/dynaprop-lab.md §4).
 */
export const DEFAULT_NOISE_STD = 0.03;
/**
 * Kernel length scale in natural units: one decade of parameters, one doubling of depth or
 * width, or a whole layer's worth of heads of another type. Lab-sized models span about
 * one decade, so a model a decade beyond them is mostly the trend's to predict.
 */
export const MEASURED_LENGTH_SCALE = 1;
/**
 * Test accuracy of a model that learned nothing: the majority class of each bundled task's
 * test split (public/data/*.v1.json; measured.test.ts recounts it). The accuracy term's
 * range starts here, so a point of accuracy weighs about as much as with the published
 * predictor, however little the lab-sized models differ among themselves.
 */
export const MAJORITY_CLASS_ACCURACY: Readonly<Record<string, number>> = { names: 0.565, spam: 0.704 };

const inputs = (m: ModelDict) => {
  const f = modelFeatures(m);
  return [f.log10Params, f.log2Depth, f.log2Width, f.fractionWma, f.fractionLinear, f.fractionConv];
};
const modelKey = (m: ModelDict) => JSON.stringify([m.l, m.o, m.h, m.f]);
const unpruned = (r: MeasuredRun) => r.config.targetActivationSparsity === null && r.config.targetGradientSparsity === null;
const fail = (path: string, message: string): never => {
  throw new ValidationError('lab runs', [{ path, message }]);
};

/** The value of `key` whose runs hold the most distinct models, then the most runs; `order` breaks ties. */
function mostModels<K>(runs: readonly MeasuredRun[], key: (r: MeasuredRun) => K, order: (a: K, b: K) => number): K {
  const models = new Map<K, Set<string>>();
  const count = new Map<K, number>();
  for (const r of runs) {
    const k = key(r);
    models.set(k, (models.get(k) ?? new Set()).add(modelKey(r.config.model)));
    count.set(k, (count.get(k) ?? 0) + 1);
  }
  return [...models.keys()].sort((a, b) => models.get(b)!.size - models.get(a)!.size || count.get(b)! - count.get(a)! || order(a, b))[0];
}

/** "150", "150–300": a sorted span of integers, or the one value. */
const span = (xs: number[]) => { const s = [...new Set(xs)].sort((a, b) => a - b); return s.length === 1 ? `${s[0]}` : `${s[0]}–${s[s.length - 1]}`; };
const distinct = (xs: string[]) => [...new Set(xs)].sort().join(', ');

/**
 * Fits the predictor; throws a ValidationError naming what is missing (no unpruned runs,
 * none on the task asked for, fewer than MIN_MEASURED_MODELS distinct models).
 */
export function measuredPredictor(allRuns: readonly MeasuredRun[], options: MeasuredOptions = {}): Predictor {
  // Pruned runs measure DynaProp's cost in accuracy, not the model's: left out.
  const usable = allRuns.filter((r) => unpruned(r) && Number.isFinite(r.accuracy));
  const skipped = allRuns.length - usable.length;
  if (usable.length === 0) fail('runs', `no unpruned DynaProp lab runs among ${allRuns.length} (train a model in the lab with no sparsity targets, or run npm run measure:lab)`);
  const counts = new Map<string, number>();
  for (const r of usable) counts.set(r.config.dataset, (counts.get(r.config.dataset) ?? 0) + 1);
  // The task with the most distinct models (then runs): many repeats of one model on another
  // task must not take the fit away from a task it can actually be fitted on.
  const task = options.task ?? mostModels(usable, (r) => r.config.dataset, (a, b) => a.localeCompare(b));
  const onTask = usable.filter((r) => r.config.dataset === task);
  if (onTask.length === 0) fail('task', `no unpruned runs on "${task}" (runs exist on ${[...counts.keys()].join(', ')})`);
  // Accuracy after 8 steps and after 150 are different measurements: one step count is fitted,
  // the one with most distinct models (then runs, then the longer training).
  const steps = options.steps ?? mostModels(onTask, (r) => r.config.steps, (a, b) => b - a);
  const runs = onTask.filter((r) => r.config.steps === steps);
  const otherSteps = onTask.length - runs.length;
  if (runs.length === 0) fail('steps', `no unpruned runs on ${task} at ${steps} steps`);

  const byModel = new Map<string, MeasuredRun[]>();
  for (const r of runs) byModel.set(modelKey(r.config.model), [...(byModel.get(modelKey(r.config.model)) ?? []), r]);
  if (byModel.size < MIN_MEASURED_MODELS) {
    fail('runs', `${byModel.size} distinct model${byModel.size === 1 ? '' : 's'} in ${runs.length} unpruned runs on ${task} at ${steps} steps; at least ${MIN_MEASURED_MODELS} are needed (train other models in the DynaProp lab, or run npm run measure:lab)`);
  }
  const groups = [...byModel.values()];
  // Pooled within-model variance: each model's runs around their own mean.
  let ss = 0, dof = 0;
  for (const g of groups) {
    const m = g.reduce((s, r) => s + r.accuracy, 0) / g.length;
    ss += g.reduce((s, r) => s + (r.accuracy - m) ** 2, 0);
    dof += g.length - 1;
  }
  // One or two repeats say little about the spread: below 3 degrees of freedom the noise is
  // not trusted below 1.5 points, so a lucky repeat cannot make the fit overconfident.
  const noiseStd = dof > 0 ? Math.max(dof >= 3 ? 0.005 : 0.015, Math.sqrt(ss / dof)) : DEFAULT_NOISE_STD;
  const means = groups.map((g) => g.reduce((s, r) => s + r.accuracy, 0) / g.length);
  const grand = means.reduce((a, b) => a + b, 0) / means.length;
  const spread = Math.sqrt(means.reduce((s, m) => s + (m - grand) ** 2, 0) / means.length);
  // The trend is in size alone, the one relation expected to carry beyond lab-sized models;
  // depth, width and head types only move the prediction near models that were measured.
  const fit: TrendGpOptions = { trendColumns: [0], lengthScale: MEASURED_LENGTH_SCALE, signalStd: Math.max(noiseStd, spread), noiseStd, ridge: 0 };
  const gp = fitTrendGp(runs.map((r) => inputs(r.config.model)), runs.map((r) => r.accuracy), fit);

  const from = options.name ? `${options.name}, ` : '';
  const source = `measured: DynaProp lab test accuracy on ${task} (${from}${runs.length} runs of ${groups.length} models, ${span(runs.map((r) => r.config.steps))} steps)`;
  // A falling trend must not predict below a model that always answers the majority class.
  const floor = MAJORITY_CLASS_ACCURACY[task] ?? 0;
  const predict = (model: ModelDict): AccuracyPrediction => {
    const r = gp.predict(inputs(model));
    return { mean: Math.min(1, Math.max(floor, r.mean)), std: r.std, source };
  };
  const sampled = deriveAccuracyRange((m) => predict(m).mean, { samples: 500 });
  const lo = Math.min(floor, sampled.min, ...means), hi = Math.min(1, Math.max(sampled.max, ...means));
  const pct = (x: number) => (100 * x).toFixed(1);
  const base = predict(MODEL_PRESETS['bert-base'].model);
  return {
    id: 'measured',
    accuracyRange: { min: lo, max: Math.max(hi, lo + 0.01) },
    predict,
    describe: () =>
      `${source}. Seeds ${span(runs.map((r) => r.config.seed))}; backend ${distinct(runs.map((r) => r.backend))}, tfjs ${distinct(runs.map((r) => r.tfjsVersion))}` +
      `${skipped ? `; ${skipped} pruned or unscored runs left out` : ''}${usable.length > onTask.length ? `; ${usable.length - onTask.length} runs on other tasks not used` : ''}` +
      `${otherSteps ? `; ${otherSteps} run${otherSteps === 1 ? '' : 's'} at other step counts (${span(onTask.filter((r) => r.config.steps !== steps).map((r) => r.config.steps))}) not used` : ''}. ` +
      `Model means ${pct(Math.min(...means))}–${pct(Math.max(...means))} %. ` +
      `Linear trend ${gp.coefficients[1] >= 0 ? '+' : ''}${pct(gp.coefficients[1])} points per decade of non-embedding parameters, plus a Gaussian-process ` +
      `correction over size, depth, width and head types; noise ±${pct(noiseStd)} points (${dof > 0 ? `from ${dof} repeated runs` : 'no model run twice: assumed'}). ` +
      `It extrapolates far from lab-sized models: BERT-Base ${pct(base.mean)} ± ${pct(base.std)} %.`,
  };
}
