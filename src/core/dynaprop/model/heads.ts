/**
 * The head types of FlexiBERT 2.0 on one group of same-type heads (B × g × T × d
 * slices of Q, K and V), each with its own prune sites (docs/dynaprop.md §3).
 */
import * as tf from '../tf.ts';
import { matMul, matMulT } from './matmul.ts';
import type { HeadGroup } from './layerPlan.ts';
import { param, perHeadMatMul, prune, shiftSeq, type ForwardContext } from './context.ts';
import { dct2, dftCos, dftSin } from './transforms.ts';
import type { SiteName, SiteOpType, SiteTag } from '../sites.ts';

export interface GroupInput {
  layer: number;
  group: HeadGroup;
  q: tf.Tensor4D;
  k: tf.Tensor4D;
  v: tf.Tensor4D;
  /** Relative-position scores Q·R for this group, B × g × T × T. */
  rel: tf.Tensor4D;
}

export function siteOpType(group: HeadGroup): SiteOpType {
  return group.kernel > 0 ? 'c_k' : (group.type as SiteOpType);
}

/** Every head: softmax over (content scores + relative scores)/√d, then probs·V; plus its own mixing term. */
export function headGroupOutput(ctx: ForwardContext, x: GroupInput): tf.Tensor4D {
  const { layer, group, q, k, v } = x;
  const opType = siteOpType(group);
  const tag = (site: SiteName): SiteTag => ({ layer, opType, site });
  const d = q.shape[3];
  const isSa = group.type === 'sa_sdp' || group.type === 'sa_wma';
  let scores: tf.Tensor4D = x.rel;
  if (isSa) {
    let left = q;
    if (group.type === 'sa_wma') left = prune(ctx, perHeadMatMul(q, param(ctx, `L${layer}.sa_wma.wma`) as tf.Tensor3D), tag('wma'), 'heads');
    const content = prune(ctx, matMulT(left, k) as tf.Tensor4D, tag('scores'), 'pairs');
    scores = tf.add(content, scores);
  }
  let probs = tf.softmax(tf.add(tf.div(scores, Math.sqrt(d)), ctx.keyMask)) as tf.Tensor4D;
  if (isSa) probs = prune(ctx, probs, tag('probs'), 'pairs');
  const context = prune(ctx, matMul(probs, v) as tf.Tensor4D, tag('context'), 'heads');
  if (isSa) return context;
  if (group.kernel > 0) return tf.add(context, convolution(ctx, x, tag));
  return tf.add(context, prune(ctx, linearTransform(group.type === 'l_dft', v), tag('transform'), 'heads'));
}

function linearTransform(dft: boolean, v: tf.Tensor4D): tf.Tensor4D {
  const [b, g, t, d] = v.shape;
  const left = (m: Float32Array, x: tf.Tensor4D) => {
    const cols = tf.reshape(tf.transpose(x, [2, 0, 1, 3]), [t, b * g * d]);
    return tf.transpose(tf.reshape(matMul(tf.tensor2d(m, [t, t]), cols), [t, b, g, d]), [1, 2, 0, 3]) as tf.Tensor4D;
  };
  const right = (x: tf.Tensor4D, m: Float32Array, transpose: boolean) =>
    tf.reshape((transpose ? matMulT : matMul)(tf.reshape(x, [b * g * t, d]), tf.tensor2d(m, [d, d])), [b, g, t, d]) as tf.Tensor4D;
  if (!dft) return right(left(dct2(t), v), dct2(d), true);
  return tf.sub(right(left(dftCos(t), v), dftCos(d), false), right(left(dftSin(t), v), dftSin(d), false));
}

/** ConvBERT's span-based dynamic convolution on V, with kernel weights predicted per token from K and Q. */
function convolution(ctx: ForwardContext, x: GroupInput, tag: (site: SiteName) => SiteTag): tf.Tensor4D {
  const { layer, group, q, k, v } = x;
  const G = `L${layer}.${group.type}`;
  const g = group.count, kernel = group.kernel, half = (kernel - 1) / 2, d = q.shape[3];
  const perHead = (name: string, width: number) => tf.reshape(param(ctx, name), [1, g, 1, width]);
  const depthwise = param(ctx, `${G}.depthwise`);
  let span: tf.Tensor4D = tf.zerosLike(k);
  for (let j = 0; j < kernel; j++) {
    const wj = tf.reshape(tf.slice(depthwise, [0, j, 0], [g, 1, d]), [1, g, 1, d]);
    span = tf.add(span, tf.mul(shiftSeq(k, j - half), wj));
  }
  span = tf.add(perHeadMatMul(span, param(ctx, `${G}.pointwise.w`) as tf.Tensor3D), perHead(`${G}.pointwise.b`, d));
  const logits = tf.add(perHeadMatMul(tf.mul(span, q), param(ctx, `${G}.kernel.w`) as tf.Tensor3D), perHead(`${G}.kernel.b`, kernel));
  const taps = prune(ctx, tf.softmax(logits) as tf.Tensor4D, tag('convKernel'), 'heads');
  const u = tf.add(perHeadMatMul(v, param(ctx, `${G}.out.w`) as tf.Tensor3D), perHead(`${G}.out.b`, d));
  const [b, , t] = v.shape;
  let out: tf.Tensor4D = tf.zerosLike(v);
  for (let j = 0; j < kernel; j++) {
    const weight = tf.slice(taps, [0, 0, 0, j], [b, g, t, 1]);
    out = tf.add(out, tf.mul(shiftSeq(u as tf.Tensor4D, j - half), weight));
  }
  return prune(ctx, out, tag('convOut'), 'heads');
}
