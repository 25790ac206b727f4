/**
 * From the lab's settings (the session's `dynaprop` section) to the core's run
 * configurations: the model the lab trains, report and evaluation intervals that give
 * smooth curves whatever the step count, and a check that names the bad field before
 * anything is sent to the worker.
 */
import { defaultRunConfig, type DynaPropRunConfig } from '../../core/dynaprop/config.ts';
import { ConfigError, validateRunConfig } from '../../core/dynaprop/validateConfig.ts';
import { experimentConfigs } from '../../core/dynaprop/experiment.ts';
import { datasetUrl } from '../../core/dynaprop/data/batches.ts';
import { MODEL_PRESETS } from '../../core/space/transformer/presets.ts';
import type { ModelDict } from '../../core/space/transformer/types.ts';
import type { LabSettings } from '../../core/share/schema.ts';

/**
 * About this many loss points per run, and up to ten validation evaluations, at least ten
 * steps apart: each evaluation runs the whole validation split (26 batches for names), so a
 * short run evaluated every few steps would spend most of its time evaluating.
 */
const LOSS_POINTS = 60;

/**
 * Validation batches per evaluation during a lab run (the first 8 of names' 26, 256
 * sequences): enough for the curve, and a 100-step names run spends ~2 s evaluating
 * instead of ~9 s. The reported test accuracy is always over the whole test split.
 */
export const LAB_EVAL_BATCHES = 8;
const EVALUATIONS = 10;
const MIN_STEPS_BETWEEN_EVALUATIONS = 10;

export function labModel(lab: Pick<LabSettings, 'model'>, editorModel: ModelDict): ModelDict {
  return lab.model === 'editor' ? editorModel : MODEL_PRESETS['bert-tiny'].model;
}

/** The core configuration of the lab's single run (targets as set) — unchecked. */
export function labRunConfig(lab: LabSettings, editorModel: ModelDict): DynaPropRunConfig {
  const base = defaultRunConfig(lab.dataset);
  return {
    ...base,
    dataset: lab.dataset,
    model: labModel(lab, editorModel),
    steps: lab.steps,
    batchSize: lab.batchSize,
    seqLen: lab.seqLen,
    learningRate: lab.learningRate,
    seed: lab.seed,
    targetActivationSparsity: lab.targetActivationSparsity,
    targetGradientSparsity: lab.targetGradientSparsity,
    gradientMode: lab.gradientMode,
    // Reading the counts back costs a sync with the device: no more often than the curve needs
    // (and every step only in runs of under 20 steps).
    reportEvery: Math.max(1, Math.ceil(lab.steps / LOSS_POINTS), Math.min(5, Math.floor(lab.steps / 10))),
    evalEvery: Math.max(MIN_STEPS_BETWEEN_EVALUATIONS, Math.ceil(lab.steps / EVALUATIONS)),
    // Re-profile at most every 50 steps, and at least twice in a short run.
    reprofileEvery: Math.max(1, Math.min(base.reprofileEvery, Math.ceil(lab.steps / 3))),
  };
}

export type LabCheck<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

/** Runs the core's validator: a model the tfjs builder cannot build is named here, not in the worker. */
export function checkLabRun(lab: LabSettings, editorModel: ModelDict): LabCheck<DynaPropRunConfig> {
  return checked(() => validateRunConfig(labRunConfig(lab, editorModel)), lab);
}

/** The experiment's runs: the unpruned baseline, then every grid point. */
export function checkLabExperiment(lab: LabSettings, editorModel: ModelDict): LabCheck<DynaPropRunConfig[]> {
  return checked(() => experimentConfigs(labRunConfig(lab, editorModel), lab.grid), lab);
}

function checked<T>(f: () => T, lab: LabSettings): LabCheck<T> {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    const field = e.field.startsWith('model') && lab.model === 'editor' ? `the editor's model (${e.field})` : e.field;
    return { ok: false, field: e.field, message: `${field}: ${e.message.replace(/^[^:]*: /, '')}` };
  }
}

/** The dataset file's URL, absolute (the worker resolves relative URLs against its own script). */
export function labDatasetUrl(dataset: LabSettings['dataset'], base: string): string {
  return new URL(datasetUrl(dataset), base).href;
}

/** "a 0.5 · g none": a run's targets, for tables and plots. */
export function targetsLabel(config: Pick<DynaPropRunConfig, 'targetActivationSparsity' | 'targetGradientSparsity'>): string {
  const t = (x: number | null) => (x === null ? 'none' : String(x));
  const a = config.targetActivationSparsity, g = config.targetGradientSparsity;
  return a === null && g === null ? 'unpruned' : `act ${t(a)} · grad ${t(g)}`;
}
