/**
 * GOBI: gradient-based optimisation of the acquisition with respect to the inputs.
 * All restarts run as one batch (the acquisition of a row depends on that row only),
 * the surrogate's weights stay fixed, and each step is clamped into the input bounds.
 * Adam by default; AdaHessian (a Hutchinson estimate of the Hessian's diagonal, from a
 * second derivative through tfjs's gradients) as an option.
 */
import * as tf from '../../dynaprop/tf.ts';
import { createRng } from '../../rng.ts';
import type { Surrogate } from './surrogate.ts';

export interface GobiOptions {
  iterations: number;
  learningRate: number;
  optimizer: 'adam' | 'adahessian';
  /** k in a = μ − k·u. */
  exploration: number;
  /** Stop once no restart's acquisition moved by more than this for 5 iterations. */
  tolerance: number;
  seed: number;
}

export const GOBI_DEFAULTS: Omit<GobiOptions, 'seed'> = { iterations: 40, learningRate: 0.1, optimizer: 'adam', exploration: 0.5, tolerance: 1e-5 };

export interface GobiPoint { model: Float32Array; accelerator: Float32Array; acquisition: number }

export function gobi(surrogate: Surrogate, starts: { model: number[]; accelerator: number[] }[], bounds: { model: [number[], number[]]; accelerator: [number[], number[]] }, o: GobiOptions): { points: GobiPoint[]; iterations: number } {
  const r = starts.length;
  const rng = createRng(`${o.seed}:gobi`);
  const lo1 = tf.tensor2d([bounds.model[0]]), hi1 = tf.tensor2d([bounds.model[1]]);
  const lo2 = tf.tensor2d([bounds.accelerator[0]]), hi2 = tf.tensor2d([bounds.accelerator[1]]);
  let z1 = tf.tensor2d(starts.map((s) => s.model)), z2 = tf.tensor2d(starts.map((s) => s.accelerator));
  const state = { m1: tf.zerosLike(z1), v1: tf.zerosLike(z1), m2: tf.zerosLike(z2), v2: tf.zerosLike(z2) };
  const objective = (...z: tf.Tensor[]) => tf.sum(surrogate.acquisition(z[0] as tf.Tensor2D, z[1] as tf.Tensor2D, o.exploration)) as tf.Scalar;
  const gradient = tf.grads(objective);
  let previous: Float32Array | null = null, still = 0, it = 0;
  try {
    for (; it < o.iterations; it++) {
      const next = tf.tidy(() => {
        const [g1, g2] = gradient([z1, z2]) as [tf.Tensor2D, tf.Tensor2D];
        let d1: tf.Tensor = tf.square(g1), d2: tf.Tensor = tf.square(g2);
        if (o.optimizer === 'adahessian') [d1, d2] = hessianDiagonal(objective, z1, z2, rng);
        const t = it + 1;
        const step = (z: tf.Tensor2D, g: tf.Tensor, d: tf.Tensor, m: tf.Tensor, v: tf.Tensor) => {
          const mN = tf.add(tf.mul(m, 0.9), tf.mul(g, 0.1)), vN = tf.add(tf.mul(v, 0.999), tf.mul(d, 0.001));
          const denom = o.optimizer === 'adahessian' ? tf.add(tf.sqrt(tf.div(vN, 1 - 0.999 ** t)), 1e-4) : tf.add(tf.sqrt(tf.div(vN, 1 - 0.999 ** t)), 1e-8);
          return { z: tf.sub(z, tf.mul(o.learningRate, tf.div(tf.div(mN, 1 - 0.9 ** t), denom))), m: mN, v: vN };
        };
        const s1 = step(z1, g1, o.optimizer === 'adahessian' ? d1 : tf.square(g1), state.m1, state.v1);
        const s2 = step(z2, g2, o.optimizer === 'adahessian' ? d2 : tf.square(g2), state.m2, state.v2);
        return { z1: tf.minimum(tf.maximum(s1.z, lo1), hi1) as tf.Tensor2D, z2: tf.minimum(tf.maximum(s2.z, lo2), hi2) as tf.Tensor2D, m1: s1.m, v1: s1.v, m2: s2.m, v2: s2.v };
      });
      tf.dispose([z1, z2, state.m1, state.v1, state.m2, state.v2]);
      ({ z1, z2 } = next);
      Object.assign(state, { m1: next.m1, v1: next.v1, m2: next.m2, v2: next.v2 });
      const a = tf.tidy(() => surrogate.acquisition(z1, z2, o.exploration).dataSync() as Float32Array);
      if (previous && a.every((x, i) => Math.abs(x - previous![i]) < o.tolerance)) { if (++still > 5) { it++; break; } } else still = 0;
      previous = a;
    }
    const acq = tf.tidy(() => surrogate.acquisition(z1, z2, o.exploration).dataSync() as Float32Array);
    const m = z1.dataSync() as Float32Array, acc = z2.dataSync() as Float32Array;
    const w1 = z1.shape[1], w2 = z2.shape[1];
    return { points: Array.from({ length: r }, (_, i) => ({ model: m.slice(i * w1, (i + 1) * w1), accelerator: acc.slice(i * w2, (i + 1) * w2), acquisition: acq[i] })), iterations: it };
  } finally {
    tf.dispose([z1, z2, state.m1, state.v1, state.m2, state.v2, lo1, hi1, lo2, hi2]);
  }
}

/** |H·v| with a Rademacher v, from the gradient of (∇a · v): AdaHessian's diagonal estimate. */
function hessianDiagonal(objective: (...z: tf.Tensor[]) => tf.Scalar, z1: tf.Tensor2D, z2: tf.Tensor2D, rng: ReturnType<typeof createRng>): [tf.Tensor, tf.Tensor] {
  const rademacher = (t: tf.Tensor2D) => tf.tensor2d(Float32Array.from({ length: t.size }, () => (rng.next() < 0.5 ? -1 : 1)), t.shape);
  const v1 = rademacher(z1), v2 = rademacher(z2);
  const gv = (...z: tf.Tensor[]) => {
    const [g1, g2] = tf.grads(objective)(z);
    return tf.add(tf.sum(tf.mul(g1, v1)), tf.sum(tf.mul(g2, v2))) as tf.Scalar;
  };
  const [h1, h2] = tf.grads(gv)([z1, z2]);
  return [tf.square(tf.abs(h1)), tf.square(tf.abs(h2))];
}
