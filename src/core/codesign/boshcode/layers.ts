/**
 * The surrogates' building blocks as plain tfjs variables (the core does not use
 * tfjs-layers): dense layers with PyTorch's default initialisation, and the
 * natural-parameter-network layers that carry a mean and a variance through the
 * network (Wang et al. 2016; docs/codesign.md §BOSHCODE).
 */
import * as tf from '../../dynaprop/tf.ts';
import type { Rng } from '../../rng.ts';

export interface Dense { w: tf.Variable; b: tf.Variable }

const uniform = (rng: Rng, n: number, a: number) => Float32Array.from({ length: n }, () => (rng.next() * 2 - 1) * a);

function variable(values: Float32Array, shape: number[]): tf.Variable {
  const t = tf.tensor(values, shape);
  const v = tf.variable(t, true);
  t.dispose();
  return v;
}

/** U(±1/√fan_in) for weights and biases, as torch.nn.Linear. */
export function createDense(rng: Rng, inDim: number, outDim: number): Dense {
  const a = 1 / Math.sqrt(inDim);
  return { w: variable(uniform(rng, inDim * outDim, a), [inDim, outDim]), b: variable(uniform(rng, outDim, a), [outDim]) };
}

export function applyDense(d: Dense, x: tf.Tensor2D): tf.Tensor2D {
  return tf.add(tf.matMul(x, d.w as tf.Tensor2D), d.b) as tf.Tensor2D;
}

/** A linear layer over Gaussians: weight and bias means and (softplus-parameterised) variances. */
export interface NpnDense { wm: tf.Variable; ws: tf.Variable; bm: tf.Variable; bs: tf.Variable }

const inverseSoftplus = (y: number) => Math.log(Math.expm1(y));

export function createNpnDense(rng: Rng, inDim: number, outDim: number): NpnDense {
  const a = Math.sqrt(6) / Math.sqrt(inDim + outDim);
  const ws = Float32Array.from({ length: inDim * outDim }, () => inverseSoftplus(Math.max(1e-8, 0.01 * a * rng.next())));
  return {
    wm: variable(uniform(rng, inDim * outDim, a), [inDim, outDim]),
    ws: variable(ws, [inDim, outDim]),
    bm: variable(new Float32Array(outDim), [outDim]),
    bs: variable(new Float32Array(outDim).fill(-10), [outDim]),
  };
}

export interface Gaussian { m: tf.Tensor2D; s: tf.Tensor2D }

/** o_m = x_m·W_m + b_m; o_s = x_s·(W_s + W_m²) + x_m²·W_s + b_s. */
export function applyNpnDense(d: NpnDense, x: Gaussian): Gaussian {
  const ws = tf.softplus(d.ws) as tf.Tensor2D;
  const m = tf.add(tf.matMul(x.m, d.wm as tf.Tensor2D), d.bm) as tf.Tensor2D;
  const s = tf.add(tf.add(tf.matMul(x.s, tf.add(ws, tf.square(d.wm)) as tf.Tensor2D), tf.matMul(tf.square(x.m), ws)), tf.softplus(d.bs)) as tf.Tensor2D;
  return { m, s };
}

const KAPPA = Math.sqrt(8 / Math.PI);

/** Moments of ReLU of a Gaussian, with the probit approximation of the normal CDF. */
export function npnRelu(x: Gaussian): Gaussian {
  const sd = tf.sqrt(tf.add(x.s, 1e-8));
  const r = tf.sigmoid(tf.mul(KAPPA, tf.div(x.m, sd)));
  const phi = tf.div(tf.exp(tf.div(tf.neg(tf.square(x.m)), tf.mul(2, tf.add(x.s, 1e-8)))), Math.sqrt(2 * Math.PI));
  const m = tf.add(tf.mul(r, x.m), tf.mul(sd, phi)) as tf.Tensor2D;
  const s = tf.relu(tf.sub(tf.add(tf.mul(r, tf.add(tf.square(x.m), x.s)), tf.mul(tf.mul(x.m, sd), phi)), tf.square(m))) as tf.Tensor2D;
  return { m, s: tf.add(s, 1e-8) as tf.Tensor2D };
}

const XI2 = Math.PI / 8, ALPHA = 4 - 2 * Math.SQRT2, BETA = -Math.log(Math.SQRT2 + 1);

/** Moments of a sigmoid of a Gaussian (MacKay's approximation). */
export function npnSigmoid(x: Gaussian): Gaussian {
  const m = tf.sigmoid(tf.div(x.m, tf.sqrt(tf.add(1, tf.mul(XI2, x.s))))) as tf.Tensor2D;
  const second = tf.sigmoid(tf.div(tf.mul(ALPHA, tf.add(x.m, BETA)), tf.sqrt(tf.add(1, tf.mul(XI2 * ALPHA * ALPHA, x.s)))));
  return { m, s: tf.add(tf.relu(tf.sub(second, tf.square(m))), 1e-8) as tf.Tensor2D };
}

export function concatGaussian(a: Gaussian, b: Gaussian): Gaussian {
  return { m: tf.concat([a.m, b.m], 1) as tf.Tensor2D, s: tf.concat([a.s, b.s], 1) as tf.Tensor2D };
}

export function variablesOf(layers: (Dense | NpnDense)[]): tf.Variable[] {
  return layers.flatMap((l) => Object.values(l) as tf.Variable[]);
}
