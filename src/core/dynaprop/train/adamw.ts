/**
 * AdamW (Loshchilov & Hutter) with decoupled weight decay, written out in tfjs ops
 * so its arithmetic is the same on every backend and in every run for a seed.
 * Biases, LayerNorm parameters and embeddings are not decayed, as in BERT.
 */
import * as tf from '../tf.ts';
import { isMatrixWeight, type ParamMap } from '../model/params.ts';

export interface AdamWOptions {
  beta1: number;
  beta2: number;
  epsilon: number;
  weightDecay: number;
}

export const ADAMW_DEFAULTS: AdamWOptions = { beta1: 0.9, beta2: 0.999, epsilon: 1e-6, weightDecay: 0.01 };

export class AdamW {
  private m = new Map<string, tf.Variable>();
  private v = new Map<string, tf.Variable>();
  private t = 0;

  constructor(private readonly params: ParamMap, private readonly o: AdamWOptions = ADAMW_DEFAULTS) {
    for (const [name, p] of params) {
      this.m.set(name, tf.tidy(() => tf.variable(tf.zerosLike(p), false)));
      this.v.set(name, tf.tidy(() => tf.variable(tf.zerosLike(p), false)));
    }
  }

  step(grads: Record<string, tf.Tensor>, learningRate: number): void {
    this.t++;
    const { beta1, beta2, epsilon, weightDecay } = this.o;
    const c1 = 1 - beta1 ** this.t, c2 = 1 - beta2 ** this.t;
    tf.tidy(() => {
      for (const [name, p] of this.params) {
        const g = grads[name];
        if (!g) continue;
        const m = this.m.get(name)!, v = this.v.get(name)!;
        const mNext = tf.add(tf.mul(m, beta1), tf.mul(g, 1 - beta1));
        const vNext = tf.add(tf.mul(v, beta2), tf.mul(tf.square(g), 1 - beta2));
        m.assign(mNext);
        v.assign(vNext);
        let update = tf.div(tf.div(mNext, c1), tf.add(tf.sqrt(tf.div(vNext, c2)), epsilon));
        if (weightDecay > 0 && isMatrixWeight(name)) update = tf.add(update, tf.mul(p, weightDecay));
        p.assign(tf.sub(p, tf.mul(update, learningRate)));
      }
    });
  }

  dispose(): void {
    for (const t of [...this.m.values(), ...this.v.values()]) t.dispose();
  }
}

/** Linear warm-up over the first `warmupSteps`, then linear decay to 0 at `totalSteps`. */
export function learningRateAt(step: number, peak: number, warmupSteps: number, totalSteps: number): number {
  if (warmupSteps > 0 && step < warmupSteps) return (peak * (step + 1)) / warmupSteps;
  const left = Math.max(0, totalSteps - step);
  return (peak * left) / Math.max(1, totalSteps - warmupSteps);
}

/**
 * Scales every gradient so their global L2 norm is at most `maxNorm` (HF's
 * clip_grad_norm_). Returns the norm before clipping, read back once per step.
 */
export function clipByGlobalNorm(grads: Record<string, tf.Tensor>, maxNorm: number): { grads: Record<string, tf.Tensor>; norm: number } {
  const normT = tf.tidy(() => tf.sqrt(tf.addN(Object.values(grads).map((g) => tf.sum(tf.square(g))))));
  const norm = normT.dataSync()[0];
  normT.dispose();
  if (!(maxNorm > 0) || norm <= maxNorm) return { grads, norm };
  const scale = maxNorm / (norm + 1e-6);
  const clipped: Record<string, tf.Tensor> = {};
  for (const [name, g] of Object.entries(grads)) { clipped[name] = tf.mul(g, scale); g.dispose(); }
  return { grads: clipped, norm };
}
