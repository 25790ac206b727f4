/**
 * One DynaProp training run: thresholds calibrated from the lookup tables for the
 * wanted sparsities (re-profiled every K steps), training with progress and
 * cancellation, then held-out measurement of the achieved sparsity and test accuracy.
 */
import * as tf from './tf.ts';
import { createRng } from '../rng.ts';
import type { DynaPropRunConfig } from './config.ts';
import { validateRunConfig, ConfigError } from './validateConfig.ts';
import { TrainingSession, type HostBatch } from './train/session.ts';
import { buildThresholdTable, thresholdForSparsity, type ThresholdTable } from './thresholdTable.ts';
import { summarizeSparsity, type SparsitySummary } from './summary.ts';
import type { SiteOpType } from './sites.ts';
import type { DatasetFile, DatasetSplit } from './data/datasetFile.ts';
import { batchOrder, DATASET_INFO, makeBatch, type Alignment } from './data/batches.ts';

export interface DynaPropProgress {
  step: number;
  steps: number;
  loss: number;
  learningRate: number;
  thresholds: { tauI: number; tauT: number };
  /** Cumulative training sparsity so far. */
  activation: number | null;
  gradient: number | null;
  validation?: { accuracy: number; loss: number };
  /** Per-site sparsity (training, cumulative), for the heat map. */
  perSite?: SparsitySummary['perSite'];
}

export interface DynaPropResult {
  config: DynaPropRunConfig;
  accuracy: number;
  loss: number;
  validation: { accuracy: number; loss: number };
  history: { step: number; loss: number; validationAccuracy?: number }[];
  thresholds: { tauI: number; tauT: number; tauParam: number; tables: ThresholdTable[] };
  /** Sparsity over all training steps. */
  training: SparsitySummary;
  /** Sparsity on held-out (validation) batches with the final thresholds and weights. */
  heldOut: SparsitySummary;
  weightSparsity: number;
  backend: string;
  tfjsVersion: string;
  steps: number;
  seconds: number;
}

export interface RunOptions {
  onProgress?: (p: DynaPropProgress) => void;
  /** Checked between steps; set `cancelled` to stop with a `RunCancelled` error. */
  control?: { cancelled: boolean };
  /** Lets the event loop run between steps (a worker must see a cancel message). */
  pause?: () => Promise<void>;
  /** Validation batches for each evaluation (all when unset). */
  evalBatches?: number;
}

export class RunCancelled extends Error {
  constructor(readonly step: number) { super(`cancelled at step ${step}`); }
}

// Four batches and 4,096 samples per site keep held-out sparsity within ±0.03 of the target (run.test.ts).
const CALIBRATION_BATCHES = 4;
const HELD_OUT_GRADIENT_BATCHES = 4;

function* splitBatches(split: DatasetSplit, batchSize: number, seqLen: number, align: Alignment, limit = Infinity): Generator<HostBatch> {
  for (let start = 0, n = 0; start < split.count && n < limit; start += batchSize, n++) {
    const idx = Array.from({ length: Math.min(batchSize, split.count - start) }, (_, i) => start + i);
    yield makeBatch(split, idx, seqLen, align);
  }
}

export async function runDynaProp(input: DynaPropRunConfig, data: DatasetFile, opts: RunOptions = {}): Promise<DynaPropResult> {
  const config = validateRunConfig(input);
  if (config.seqLen > data.maxLen) throw new ConfigError('seqLen', `${config.seqLen} exceeds the ${data.name} dataset's stored length ${data.maxLen}`);
  const started = performance.now();
  const train = data.splits.train, validation = data.splits.validation;
  const session = new TrainingSession(config, data.vocab.length, data.labels.length);
  const rng = createRng(config.seed);
  const calibrationRng = createRng(`${config.seed}:calibration`);
  const align = DATASET_INFO[config.dataset].align;
  const batches = (split: DatasetSplit, limit?: number) => splitBatches(split, config.batchSize, config.seqLen, align, limit);
  const calibration = batchOrder(train.count, config.batchSize, calibrationRng, 0).slice(0, CALIBRATION_BATCHES).map((idx) => makeBatch(train, idx, config.seqLen, align));
  const tables: ThresholdTable[] = [];
  const wantsA = config.targetActivationSparsity !== null, wantsT = config.targetGradientSparsity !== null;

  const calibrate = (rounds: number) => {
    for (let r = 0; r < rounds; r++) {
      const profiler = session.profile(calibration, wantsT, config.seed + r);
      tables.length = 0;
      if (wantsA) session.pruner.thresholds = { ...session.pruner.thresholds, ...thresholdsFor(profiler.samples, 'fwd', config.targetActivationSparsity!, config.thresholdScope, tables) };
      if (wantsT && config.gradientMode !== 'param') {
        const t = thresholdsFor(profiler.samples, 'bwd', config.targetGradientSparsity!, config.thresholdScope, tables);
        session.pruner.thresholds = { ...session.pruner.thresholds, gradient: t.activation, gradientByOpType: t.activationByOpType };
      }
      if (wantsT && config.gradientMode !== 'delta') {
        const table = buildThresholdTable(profiler.samples, 'param');
        if (table) { tables.push(table); session.paramGradientTau = thresholdForSparsity(table, config.targetGradientSparsity!); }
      }
      profiler.dispose();
    }
  };

  const history: DynaPropResult['history'] = [];
  try {
    if (wantsA || wantsT) calibrate(wantsA && wantsT ? 3 : 2);
    let order: number[][] = [], epoch = 0, lastLoss = NaN;
    for (let step = 0; step < config.steps; step++) {
      if (opts.control?.cancelled) throw new RunCancelled(step);
      if (step > 0 && (wantsA || wantsT) && step % config.reprofileEvery === 0) calibrate(1);
      if (order.length === 0) order = batchOrder(train.count, config.batchSize, rng, epoch++);
      const out = session.trainStep(makeBatch(train, order.shift()!, config.seqLen, align));
      lastLoss = out.loss;
      const entry: DynaPropResult['history'][number] = { step: step + 1, loss: out.loss };
      const last = step + 1 === config.steps;
      let validationNow: { accuracy: number; loss: number } | undefined;
      if ((step + 1) % config.evalEvery === 0 || last) {
        session.evalLedger.enabled = false;
        validationNow = session.evaluate(batches(validation, opts.evalBatches));
        session.evalLedger.enabled = true;
        entry.validationAccuracy = validationNow.accuracy;
      }
      history.push(entry);
      if ((step + 1) % config.reportEvery === 0 || last || validationNow) {
        const s = summarizeSparsity(session.trainLedger.snapshot());
        opts.onProgress?.({
          step: step + 1, steps: config.steps, loss: out.loss, learningRate: out.learningRate,
          thresholds: { tauI: session.pruner.thresholds.activation, tauT: session.pruner.thresholds.gradient || session.paramGradientTau },
          activation: s.activation.all, gradient: s.gradient.all ?? s.paramGradient.all, validation: validationNow, perSite: s.perSite,
        });
      }
      await opts.pause?.();
    }
    const training = summarizeSparsity(session.trainLedger.snapshot());
    // Held out: thresholds re-derived for the final weights, then measured on validation batches.
    if (wantsA || wantsT) calibrate(1);
    session.evalLedger.reset();
    const validationFinal = session.evaluate(batches(validation, opts.evalBatches));
    for (const b of batches(validation, HELD_OUT_GRADIENT_BATCHES)) session.heldOutGradients(b);
    const heldOut = summarizeSparsity(session.evalLedger.snapshot());
    session.evalLedger.enabled = false;
    const test = session.evaluate(batches(data.splits.test));
    return {
      config, accuracy: test.accuracy, loss: Number.isFinite(test.loss) ? test.loss : lastLoss, validation: validationFinal, history,
      thresholds: { tauI: session.pruner.thresholds.activation, tauT: session.pruner.thresholds.gradient, tauParam: session.paramGradientTau, tables: [...tables] },
      training, heldOut, weightSparsity: session.weightSparsity(0),
      backend: tf.getBackend(), tfjsVersion: tf.version_core, steps: config.steps, seconds: (performance.now() - started) / 1000,
    };
  } finally {
    session.dispose();
  }
}

function thresholdsFor(samples: Parameters<typeof buildThresholdTable>[0], direction: 'fwd' | 'bwd', target: number, scope: DynaPropRunConfig['thresholdScope'], tables: ThresholdTable[]) {
  const global = buildThresholdTable(samples, direction);
  if (!global) return { activation: 0 };
  tables.push(global);
  const out: { activation: number; activationByOpType?: Partial<Record<SiteOpType, number>> } = { activation: thresholdForSparsity(global, target) };
  if (scope === 'perOpType') {
    out.activationByOpType = {};
    for (const op of new Set(samples.filter((s) => s.direction === direction).map((s) => s.tag.opType))) {
      const t = buildThresholdTable(samples, direction, op);
      if (t) { tables.push(t); out.activationByOpType[op] = thresholdForSparsity(t, target); }
    }
  }
  return out;
}
