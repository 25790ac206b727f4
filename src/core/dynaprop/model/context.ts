/** What one forward pass carries: parameters, the pruner, dropout and the batch's masks. */
import * as tf from '../tf.ts';
import { matMul } from './matmul.ts';
import type { ParamMap } from './params.ts';
import type { Pruner } from '../pruner.ts';
import type { SiteLayout, SiteTag } from '../sites.ts';

export interface ForwardContext {
  params: ParamMap;
  pruner: Pruner;
  training: boolean;
  dropoutRate: number;
  /** Seeds each dropout mask: the run seed, the step and the call's position in the pass. */
  dropoutSeed: number;
  dropoutCalls: number;
  /** B × 1 × 1 × T additive mask: 0 at real keys, −10⁴ at padding. */
  keyMask: tf.Tensor4D;
  seqLen: number;
}

export function param(ctx: ForwardContext, name: string): tf.Variable {
  const v = ctx.params.get(name);
  if (!v) throw new Error(`missing parameter ${name}`);
  return v;
}

export function prune<T extends tf.Tensor>(ctx: ForwardContext, x: T, tag: SiteTag, layout: SiteLayout): T {
  return ctx.pruner.apply(x, tag, layout);
}

export function dropout<T extends tf.Tensor>(ctx: ForwardContext, x: T): T {
  if (!ctx.training || ctx.dropoutRate <= 0) return x;
  ctx.dropoutCalls++;
  return tf.dropout(x, ctx.dropoutRate, undefined, ctx.dropoutSeed * 1009 + ctx.dropoutCalls) as T;
}

/** x·W + b over the last axis, for x of any rank. */
export function dense(ctx: ForwardContext, x: tf.Tensor, name: string): tf.Tensor {
  const w = param(ctx, `${name}.w`);
  const shape = x.shape;
  const flat = tf.reshape(x, [-1, shape[shape.length - 1]]);
  const y = tf.add(matMul(flat, w), param(ctx, `${name}.b`));
  return tf.reshape(y, [...shape.slice(0, -1), w.shape[1] as number]);
}

export function layerNorm(ctx: ForwardContext, x: tf.Tensor, name: string): tf.Tensor {
  const { mean, variance } = tf.moments(x, -1, true);
  const normed = tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, 1e-12)));
  return tf.add(tf.mul(normed, param(ctx, `${name}.g`)), param(ctx, `${name}.b`));
}

/** GELU with the exact error function, as BERT uses. */
export function gelu(x: tf.Tensor): tf.Tensor {
  return tf.mul(tf.mul(x, 0.5), tf.add(1, tf.erf(tf.div(x, Math.SQRT2))));
}

/** B × T × (n·d) → B × n × T × d. */
export function splitHeads(x: tf.Tensor, heads: number, d: number): tf.Tensor4D {
  const [b, t] = x.shape;
  return tf.transpose(tf.reshape(x, [b, t, heads, d]), [0, 2, 1, 3]);
}

/** Batched product over a leading head axis: x is B × g × T × a, w is g × a × c → B × g × T × c. */
export function perHeadMatMul(x: tf.Tensor4D, w: tf.Tensor3D): tf.Tensor4D {
  const [b, g, t, a] = x.shape;
  const byHead = tf.reshape(tf.transpose(x, [1, 0, 2, 3]), [g, b * t, a]);
  const y = matMul(byHead, w);
  return tf.transpose(tf.reshape(y, [g, b, t, w.shape[2]]), [1, 0, 2, 3]);
}

/** Entries shifted along the sequence axis (axis 2) by `offset`, zero-filled: out[t] = x[t + offset]. */
export function shiftSeq(x: tf.Tensor4D, offset: number): tf.Tensor4D {
  if (offset === 0) return x;
  const [b, g, t, c] = x.shape;
  const k = Math.min(Math.abs(offset), t);
  const zeros = tf.zeros([b, g, k, c]);
  if (offset > 0) return tf.concat([tf.slice(x, [0, 0, k, 0], [b, g, t - k, c]), zeros], 2) as tf.Tensor4D;
  return tf.concat([zeros, tf.slice(x, [0, 0, 0, 0], [b, g, t - k, c])], 2) as tf.Tensor4D;
}

/**
 * Row lookup whose gradient is a scatter-add. tfjs's own gather gradient needs the
 * UnsortedSegmentSum kernel, which the wasm backend lacks; ScatterNd sums
 * duplicate indices and exists on every backend.
 */
export function gatherRows(table: tf.Tensor2D, indices: tf.Tensor1D): tf.Tensor2D {
  const shape = table.shape;
  const op = tf.customGrad(((t: tf.Tensor2D, save: tf.GradSaveFunc) => {
    // Saved, so the tape keeps the indices alive until the backward pass.
    save([indices]);
    return {
      value: tf.gather(t, indices) as tf.Tensor2D,
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.scatterND(tf.reshape(saved[0], [-1, 1]), dy, shape),
    };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  return op(table) as tf.Tensor2D;
}
