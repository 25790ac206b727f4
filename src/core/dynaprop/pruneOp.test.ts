import { describe, expect, it, beforeAll } from 'vitest';
import * as tf from './tf.ts';
import '@tensorflow/tfjs-backend-cpu';
import { pruneTensor, pruneWithGradient } from './pruneOp.ts';

beforeAll(async () => { await tf.setBackend('cpu'); });

describe('prune(x, τ)', () => {
  it('zeroes |x| ≤ τ, keeps the rest (spec acceptance 1)', () => {
    const y = pruneTensor(tf.tensor1d([-0.03, -0.02, 0, 0.02, 0.021]), 0.02);
    // A pruned negative entry is −0 (x·0): a zero for every count and product, so compare it as 0.
    expect(Array.from(y.dataSync(), (v) => (v === 0 ? 0 : v))).toEqual([-0.03, 0, 0, 0, 0.021].map((v) => Math.fround(v)));
  });

  it('gradient of sum(prune(x, τ)) is 1 where |x| > τ, else 0 (spec acceptance 2)', () => {
    const x = tf.tensor1d([-0.5, -0.1, 0, 0.1, 0.3]);
    const g = tf.grad((v: tf.Tensor) => tf.sum(pruneWithGradient(v, 0.2, 0)))(x);
    expect(Array.from(g.dataSync())).toEqual([1, 0, 0, 0, 1]);
  });

  it('prunes the incoming gradient with τ_T before the forward mask', () => {
    const x = tf.tensor1d([1, 2, 3, 0.05]);
    const w = tf.tensor1d([0.01, 0.5, -0.02, 4]);
    let seen: number[] = [];
    const g = tf.grad((v: tf.Tensor) =>
      tf.sum(tf.mul(pruneWithGradient(v, 0.1, 0.02, { onBackward: (d) => { seen = Array.from(d.dataSync()); } }), w)),
    )(x);
    expect(seen.map((v) => +v.toFixed(3))).toEqual([0, 0.5, 0, 4]);
    // The last entry was pruned forward (0.05 ≤ 0.1), so its gradient is masked too.
    expect(Array.from(g.dataSync()).map((v) => +v.toFixed(3))).toEqual([0, 0.5, 0, 0]);
  });

  it('with τ_I = τ_T = 0 the value and gradient are exactly those of x', () => {
    const x = tf.tensor1d([0, -1e-30, 2, -3]);
    const f = (v: tf.Tensor) => tf.sum(tf.square(pruneWithGradient(v, 0, 0)));
    const plain = (v: tf.Tensor) => tf.sum(tf.square(v));
    expect(Array.from(tf.grad(f)(x).dataSync())).toEqual(Array.from(tf.grad(plain)(x).dataSync()));
  });
});
