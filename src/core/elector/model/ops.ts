/**
 * The whole run as an ordered op list (elector model).
 *
 * Inference: embedding gather → embedding LayerNorm → layers → output store.
 * Training adds the backward pass (layers in reverse, each op's backward in reverse)
 * and one AdamW step over every parameter (specs/elector-physical.md §5.1).
 *
 * The embedding table ((V + S) rows × h_0, V = 30,522 as in the simulator) stays in
 * main memory: only the rows used are read, b·S word rows plus S position rows
 * (positions are shared by the batch). It never occupies the weight buffer.
 */
import { TRANSFORMER_SPACE } from '../../space/transformer/schema.ts';
import type { ModelDict } from '../../space/transformer/types.ts';
import type { SimMode } from '../types.ts';
import { backwardOps } from './backwardOps.ts';
import { layerForwardOps } from './layerOps.ts';
import { elementwise, optimizer, transfer } from './opBuilders.ts';
import type { SimOp } from './opTypes.ts';

export interface OpList {
  ops: SimOp[];
  /** Trainable parameters: layers, LayerNorms, biases and the whole embedding table. */
  params: number;
  /** Weight elements of the layers (matrices, kernels, biases): what the weight buffer may hold. */
  layerWeightElems: number;
}

const cache = new Map<string, OpList>();
const CACHE_SIZE = 32;

/**
 * `buildOps`, remembered for the last few (model, batch, mode): sweeps over accelerators
 * and sparsities simulate the same model many times. Keyed by the model's content, so an
 * edited dict never hits a stale entry. Callers must not mutate the returned ops.
 */
export function cachedOps(model: ModelDict, batch: number, mode: SimMode): OpList {
  const key = `${mode}|${batch}|${JSON.stringify(model)}`;
  let list = cache.get(key);
  if (list) {
    cache.delete(key); // re-insert: the Map's order is the recency order
  } else {
    list = buildOps(model, batch, mode);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  }
  cache.set(key, list);
  return list;
}

export function buildOps(model: ModelDict, batch: number, mode: SimMode): OpList {
  const S = TRANSFORMER_SPACE.sequenceLength;
  const h0 = model.h[0];
  const hL = model.h[model.l - 1];
  const outside = { layer: -1, head: -1, direction: 'forward' } as const;
  const embedding = transfer('load', 'embedding', outside, { elems: (batch * S + S) * h0, tensor: 'weight', buffer: 'activation' });
  const forward: SimOp[] = [
    embedding,
    elementwise('layerNorm', 'emb-ln', outside, {
      batch, rows: S, cols: h0, in: 'act', out: 'act', paramElems: 2 * h0, stashElems: batch * S * h0,
    }),
  ];
  for (let l = 0; l < model.l; l++) forward.push(...layerForwardOps(model, l, batch, S));
  forward.push(transfer('store', 'output', { ...outside, layer: model.l - 1 }, { elems: batch * S * hL, tensor: 'act', buffer: 'activation' }));

  let layerWeightElems = 0;
  let otherParams = 0;
  for (const op of forward) {
    if (op.kind === 'matmul' && op.b === 'weight') layerWeightElems += op.groups * op.k * op.n + op.biasElems;
    else if (op.kind === 'conv' && op.b === 'weight') layerWeightElems += op.bElems;
    else if (op.kind === 'layerNorm') otherParams += op.paramElems;
  }
  const params = layerWeightElems + otherParams + (TRANSFORMER_SPACE.simulatorVocabulary + S) * h0;
  if (mode === 'inference') return { ops: forward, params, layerWeightElems };

  const ops = forward.slice();
  for (let i = forward.length - 1; i >= 0; i--) ops.push(...backwardOps(forward[i]));
  ops.push(optimizer('adamw', params));
  return { ops, params, layerWeightElems };
}
