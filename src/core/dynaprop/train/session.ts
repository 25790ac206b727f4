/**
 * One model under training: its parameters, optimizer, pruner and ledgers, and the
 * three things a run does with a batch: a training step, an evaluation, and a
 * profiling pass for the threshold tables. Everything a step allocates is disposed
 * before it returns, so `tf.memory().numTensors` stays flat.
 */
import * as tf from '../tf.ts';
import type { DynaPropRunConfig } from '../config.ts';
import { planLayers, type LayerPlan } from '../model/layerPlan.ts';
import { createParams, disposeParams, isMatrixWeight, type ParamMap } from '../model/params.ts';
import { forwardLogits } from '../model/encoder.ts';
import type { ForwardContext } from '../model/context.ts';
import { SparsityLedger } from '../ledger.ts';
import { NO_PRUNING, Pruner } from '../pruner.ts';
import { pruneTensor } from '../pruneOp.ts';
import { MagnitudeProfiler } from '../profiler.ts';
import { AdamW, clipByGlobalNorm, learningRateAt } from './adamw.ts';

/** A padded batch on the host. */
export interface HostBatch {
  /** B × T token ids, PAD-filled. */
  ids: Int32Array;
  /** B × T, 1 at real tokens. */
  mask: Float32Array;
  labels: Int32Array;
}

const PARAM_TAG = { layer: -1, opType: 'pooler', site: 'pooler' } as const;

export class TrainingSession {
  readonly plan: LayerPlan[];
  readonly params: ParamMap;
  readonly trainLedger = new SparsityLedger();
  readonly evalLedger = new SparsityLedger();
  readonly pruner: Pruner;
  /** τ for parameter gradients (`param` and `both` modes). */
  paramGradientTau = 0;
  private optimizer: AdamW;
  private stepIndex = 0;

  constructor(readonly config: DynaPropRunConfig, vocabSize: number, numClasses: number, instrument = true) {
    this.plan = planLayers(config.model);
    this.params = createParams(this.plan, { vocabSize, seqLen: config.seqLen, numClasses, seed: config.seed });
    this.optimizer = new AdamW(this.params, { beta1: 0.9, beta2: 0.999, epsilon: 1e-6, weightDecay: config.weightDecay });
    this.pruner = new Pruner({ ...NO_PRUNING }, this.trainLedger);
    this.pruner.active = instrument;
    this.pruner.pruneDelta = config.gradientMode !== 'param';
  }

  get step(): number { return this.stepIndex; }

  /** One optimizer step; returns the loss and the gradient norm before clipping. */
  trainStep(batch: HostBatch): { loss: number; gradNorm: number; learningRate: number } {
    const c = this.config;
    const lr = learningRateAt(this.stepIndex, c.learningRate, Math.round(c.warmupFraction * c.steps), c.steps);
    this.trainLedger.counting = this.stepIndex % c.countEvery === 0;
    const { loss, grads } = this.lossAndGrads(batch, this.trainLedger, true);
    const clipped = clipByGlobalNorm(grads.grads, c.clipNorm);
    let final = clipped.grads;
    if (c.gradientMode !== 'delta' && this.paramGradientTau > 0) final = this.pruneParamGradients(final);
    else if (c.gradientMode !== 'delta') this.countParamGradients(final);
    this.optimizer.step(final, lr);
    for (const g of Object.values(final)) g.dispose();
    this.stepIndex++;
    return { loss, gradNorm: clipped.norm, learningRate: lr };
  }

  /** Accuracy and mean loss; forward pruning stays on, as in the reference code. */
  evaluate(batches: Iterable<HostBatch>): { accuracy: number; loss: number; count: number } {
    let correct = 0, lossSum = 0, count = 0;
    for (const batch of batches) {
      const [c, l] = this.withBatch(batch, this.evalLedger, false, (ctx, ids, labels) => {
        const logits = forwardLogits(ctx, this.plan, ids);
        const hits = tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), labels), 'float32'));
        const loss = tf.mul(tf.losses.softmaxCrossEntropy(tf.oneHot(labels, logits.shape[1]), logits), batch.labels.length);
        return tf.stack([hits, loss]).dataSync();
      });
      correct += c; lossSum += l; count += batch.labels.length;
    }
    return { accuracy: count ? correct / count : 0, loss: count ? lossSum / count : 0, count };
  }

  /** Gradients on a held-out batch, counted in the evaluation ledger and not applied. */
  heldOutGradients(batch: HostBatch): void {
    const { grads } = this.lossAndGrads(batch, this.evalLedger, false);
    const clipped = clipByGlobalNorm(grads.grads, this.config.clipNorm).grads;
    for (const g of Object.values(clipped)) g.dispose();
  }

  /**
   * Samples magnitudes at every site (forward, and backward when `withGradients`)
   * under the current thresholds, without counting in the ledgers.
   */
  profile(batches: Iterable<HostBatch>, withGradients: boolean, seed: number): MagnitudeProfiler {
    const profiler = new MagnitudeProfiler(4096, seed);
    this.pruner.profiler = profiler;
    const ledgerWas = this.trainLedger.enabled;
    this.trainLedger.enabled = false;
    try {
      for (const batch of batches) {
        if (!withGradients) {
          this.withBatch(batch, this.trainLedger, false, (ctx, ids) => { forwardLogits(ctx, this.plan, ids); });
          continue;
        }
        const { grads } = this.lossAndGrads(batch, this.trainLedger, false);
        const clipped = clipByGlobalNorm(grads.grads, this.config.clipNorm).grads;
        if (this.config.gradientMode !== 'delta') {
          for (const g of Object.values(clipped)) profiler.sample(PARAM_TAG, 'param', g);
        }
        for (const g of Object.values(clipped)) g.dispose();
      }
    } finally {
      this.pruner.profiler = null;
      this.trainLedger.enabled = ledgerWas;
    }
    return profiler;
  }

  /** Fraction of matrix weights that are exactly zero, or at most `tau` when pruning them. */
  weightSparsity(tau = 0): number {
    let zeros = 0, numel = 0;
    for (const [name, p] of this.params) {
      if (!isMatrixWeight(name)) continue;
      const z = tf.tidy(() => tf.sum(tf.cast(tf.lessEqual(tf.abs(p), tau), 'float32')));
      zeros += z.dataSync()[0]; z.dispose();
      numel += p.size;
    }
    return numel ? zeros / numel : 0;
  }

  dispose(): void {
    this.trainLedger.dispose();
    this.evalLedger.dispose();
    this.optimizer.dispose();
    disposeParams(this.params);
  }

  private lossAndGrads(batch: HostBatch, ledger: SparsityLedger, training: boolean) {
    return this.withBatch(batch, ledger, training, (ctx, ids, labels) => {
      const result = tf.variableGrads(() => {
        const logits = forwardLogits(ctx, this.plan, ids);
        return tf.losses.softmaxCrossEntropy(tf.oneHot(labels, logits.shape[1]), logits) as tf.Scalar;
      }, [...this.params.values()]);
      const loss = result.value.dataSync()[0];
      result.value.dispose();
      // Keyed by our parameter names (tfjs keys them by its own variable names), and
      // kept past the pass's tidy scope; the caller disposes them after the update.
      const grads: Record<string, tf.Tensor> = {};
      for (const [name, v] of this.params) {
        const g = result.grads[v.name];
        if (g) grads[name] = tf.keep(g);
      }
      return { loss, grads: { grads } };
    });
  }

  private withBatch<R>(batch: HostBatch, ledger: SparsityLedger, training: boolean, body: (ctx: ForwardContext, ids: tf.Tensor2D, labels: tf.Tensor1D) => R): R {
    const b = batch.labels.length, t = this.config.seqLen;
    const lengths = Array.from({ length: b }, (_, i) => batch.mask.subarray(i * t, (i + 1) * t).reduce((a, x) => a + x, 0));
    const mask = tf.tensor2d(batch.mask, [b, t]);
    ledger.setBatch({ mask, hostMask: batch.mask, lengths, seqLen: t });
    const previousLedger = this.pruner.ledger;
    this.pruner.ledger = ledger;
    try {
      let result!: R;
      tf.tidy(() => {
        const ids = tf.tensor2d(batch.ids, [b, t], 'int32');
        const labels = tf.tensor1d(batch.labels, 'int32');
        const keyMask = tf.reshape(tf.mul(tf.sub(1, mask), -1e4), [b, 1, 1, t]) as tf.Tensor4D;
        const ctx: ForwardContext = {
          params: this.params, pruner: this.pruner, training, dropoutRate: this.config.dropout,
          dropoutSeed: this.config.seed * 100_003 + this.stepIndex, dropoutCalls: 0, keyMask, seqLen: t,
        };
        result = body(ctx, ids, labels);
      });
      return result;
    } finally {
      this.pruner.ledger = previousLedger;
      mask.dispose();
    }
  }

  private pruneParamGradients(grads: Record<string, tf.Tensor>): Record<string, tf.Tensor> {
    const out: Record<string, tf.Tensor> = {};
    for (const [name, g] of Object.entries(grads)) {
      out[name] = tf.keep(pruneTensor(g, this.paramGradientTau));
      if (out[name] !== g) g.dispose();
      this.trainLedger.record(PARAM_TAG, 'param', out[name], 'sequence');
    }
    return out;
  }

  private countParamGradients(grads: Record<string, tf.Tensor>): void {
    for (const g of Object.values(grads)) this.trainLedger.record(PARAM_TAG, 'param', g, 'sequence');
  }
}
