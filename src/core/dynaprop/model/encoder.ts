/**
 * A FlexiBERT 2.0 encoder classifier in tfjs (docs/flexibert.md §5): embeddings,
 * heterogeneous attention layers with relative positions, feed-forward stacks,
 * projections between hidden sizes, a tanh pooler on the first token and a linear
 * classifier. Prune sites are those of docs/dynaprop.md §3.
 */
import * as tf from '../tf.ts';
import { matMulT } from './matmul.ts';
import type { LayerPlan } from './layerPlan.ts';
import { dense, dropout, gatherRows, gelu, layerNorm, param, prune, splitHeads, type ForwardContext } from './context.ts';
import { headGroupOutput, siteOpType } from './heads.ts';

/** ids: B × T int32; returns logits B × classes. */
export function forwardLogits(ctx: ForwardContext, plan: LayerPlan[], ids: tf.Tensor2D): tf.Tensor2D {
  const [b, t] = ids.shape;
  let x = tf.add(tf.reshape(gatherRows(param(ctx, 'emb.word') as tf.Tensor2D, tf.reshape(ids, [-1]) as tf.Tensor1D), [b, t, plan[0].hidden]), param(ctx, 'emb.type'));
  x = dropout(ctx, layerNorm(ctx, x, 'emb.ln'));
  const relIndex = relativeIndex(t);
  plan.forEach((p, i) => { x = encoderLayer(ctx, p, i, x, relIndex); });
  const width = x.shape[2] as number;
  const first = tf.reshape(tf.slice(x, [0, 0, 0], [b, 1, width]), [b, width]);
  const pooled = tf.tanh(prune(ctx, dense(ctx, first, 'pooler'), { layer: -1, opType: 'pooler', site: 'pooler' }, 'sequence'));
  return dense(ctx, dropout(ctx, pooled), 'classifier') as tf.Tensor2D;
}

/** Index into the relative-position table: row p − r + T − 1 for query p and key r. */
function relativeIndex(t: number): tf.Tensor1D {
  const idx = new Int32Array(t * t);
  for (let p = 0; p < t; p++) for (let r = 0; r < t; r++) idx[p * t + r] = p - r + t - 1;
  return tf.tensor1d(idx, 'int32');
}

function encoderLayer(ctx: ForwardContext, p: LayerPlan, i: number, x: tf.Tensor, relIndex: tf.Tensor1D): tf.Tensor {
  const L = `L${i}`, d = p.headWidth, n = p.heads;
  const [b, t] = x.shape;
  const q = splitHeads(dense(ctx, x, `${L}.q`), n, d);
  const k = splitHeads(dense(ctx, x, `${L}.k`), n, d);
  const v = splitHeads(dense(ctx, x, `${L}.v`), n, d);
  // R[p − r + T − 1] for every (p, r): T × T × d.
  const rel = tf.reshape(gatherRows(param(ctx, `${L}.rel`) as tf.Tensor2D, relIndex), [t, t, d]);
  const outputs = p.groups.map((group) => {
    const opType = siteOpType(group);
    const slice = (m: tf.Tensor4D, site: 'q' | 'k' | 'v') =>
      prune(ctx, tf.slice(m, [0, group.start, 0, 0], [b, group.count, t, d]), { layer: i, opType, site }, 'heads');
    const qg = slice(q, 'q'), kg = slice(k, 'k'), vg = slice(v, 'v');
    // Q·R batched over query positions: T × (B·g) × d times T × d × T.
    const byPos = tf.reshape(tf.transpose(qg, [2, 0, 1, 3]), [t, b * group.count, d]);
    const relScores = tf.transpose(tf.reshape(matMulT(byPos, rel), [t, b, group.count, t]), [1, 2, 0, 3]) as tf.Tensor4D;
    return headGroupOutput(ctx, { layer: i, group, q: qg, k: kg, v: vg, rel: relScores });
  });
  const merged = tf.reshape(tf.transpose(outputs.length === 1 ? outputs[0] : tf.concat(outputs, 1), [0, 2, 1, 3]), [b, t, n * d]);
  const attn = prune(ctx, dense(ctx, merged, `${L}.attnOut`), { layer: i, opType: 'attn', site: 'attnOut' }, 'tokens');
  const y = layerNorm(ctx, tf.add(dropout(ctx, attn), x), `${L}.ln1`);
  let z: tf.Tensor = y;
  p.ff.forEach((_, j) => {
    const site = `ff${j + 1}` as 'ff1' | 'ff2' | 'ff3';
    z = gelu(prune(ctx, dense(ctx, z, `${L}.${site}`), { layer: i, opType: 'ff', site }, 'tokens'));
  });
  const ffOut = prune(ctx, dense(ctx, z, `${L}.ffOut`), { layer: i, opType: 'ff', site: 'ffOut' }, 'tokens');
  let out = layerNorm(ctx, tf.add(dropout(ctx, ffOut), y), `${L}.ln2`);
  if (p.projectTo !== null) out = prune(ctx, dense(ctx, out, `${L}.proj`), { layer: i, opType: 'proj', site: 'proj' }, 'tokens');
  return out;
}
