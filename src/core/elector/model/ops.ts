/**
 * The whole run as an ordered op list (elector model).
 *
 * Inference: embedding gather → embedding LayerNorm → layers → output store.
 * Training adds the backward pass (layers in reverse, each op's backward in reverse)
 * and one AdamW step over every parameter (docs/elector-physical.md §5.1).
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
import { elementwise, linear, optimizer, transfer, type OpPlace } from './opBuilders.ts';
import { OpTable } from './opTable.ts';
import * as opTableModule from './opTable.ts';
import type { SimOp } from './opTypes.ts';
import { tableOps } from './opView.ts';

// Imported bindings are live: V8 reads them through the module's cell at each use and cannot
// fold them. The build loops read these per op, so they work on constant copies.
const {
  C_B, C_FLAGS, C_KIND, C_WEIGHT, CODE_FIELDS, F_B_ELEMS, F_BIAS, F_GROUPS, F_K, F_N, F_PARAM_ELEMS, F_STASH, F_WORKING_SET, FLAG_TIED,
  K_CONV, K_LAYER_NORM, K_MATMUL, NUM_FIELDS,
} = opTableModule;

/** The ops of a run and what the whole-run plan needs from them; independent of the accelerator. */
export class OpList {
  private records: SimOp[] | undefined;

  constructor(
    readonly table: OpTable,
    /** Trainable parameters: layers, LayerNorms, biases and the whole embedding table. */
    readonly params: number,
    /** Weight elements of the layers (matrices, kernels, biases): what the weight buffer may hold. */
    readonly layerWeightElems: number,
    /** Largest activation working set of any op (`workingSetElems`). */
    readonly maxWorkingSetElems: number,
    /** Stash kept by the forward ops of each layer; index = layer + 1 (embedding LN = 0). */
    readonly forwardStashByLayer: Float64Array,
    /** Weight elements of the largest layer (the tied MLM decoder counts as a layer of its own). */
    readonly maxLayerWeightElems: number = 0,
  ) {}

  /** The rows as `SimOp` records, made on first use (tests, diagnostics). Do not mutate. */
  get ops(): SimOp[] {
    this.records ??= tableOps(this.table);
    return this.records;
  }
}

/** Where every list is built: growing it once serves every later model. */
const scratch = new OpTable(1024);
/** Weight elements per layer while a list is built (index = layer + 1; the tied decoder last), reused. */
let layerWeights = new Float64Array(64);

export interface BuildOptions {
  /**
   * The list lives in a shared table, valid only until the next build: for a caller that
   * costs it at once and keeps nothing. Default false: storage of its own.
   */
  transient?: boolean;
  /** Keep op names (timelines, the record view); a transient list may skip them. Default true. */
  names?: boolean;
  /** Tokens per sequence. Default 128. */
  seqLen?: number;
  /** Append BERT's masked-language-model head (its decoder tied to the word embeddings). Default false. */
  mlmHead?: boolean;
}

/** The op list of a run. */
export function buildOps(model: ModelDict, batch: number, mode: SimMode, opts: BuildOptions = {}): OpList {
  const transient = opts.transient ?? false;
  const S = opts.seqLen ?? TRANSFORMER_SPACE.sequenceLength;
  const h0 = model.h[0];
  const hL = model.h[model.l - 1];
  const t = scratch;
  t.clear();
  t.keepNames = !transient || (opts.names ?? true);
  const outside: OpPlace = { layer: -1, head: -1, prefix: '' };
  transfer(t, 'load', 'embedding', outside, { elems: (batch * S + S) * h0, tensor: 'weight', buffer: 'activation' });
  elementwise(t, 'layerNorm', 'emb-ln', outside, {
    batch, rows: S, cols: h0, in: 'act', out: 'act', paramElems: 2 * h0, stashElems: batch * S * h0,
  });
  for (let l = 0; l < model.l; l++) layerForwardOps(t, model, l, batch, S);
  if (opts.mlmHead) mlmHeadOps(t, { ...outside, layer: model.l - 1 }, batch, S, hL, h0);
  else transfer(t, 'store', 'output', { ...outside, layer: model.l - 1 }, { elems: batch * S * hL, tensor: 'act', buffer: 'activation' });
  const forward = t.length;
  if (mode === 'training') for (let i = forward - 1; i >= 0; i--) backwardOps(t, i);

  // One pass for the parameters (forward rows) and what the plan needs (all rows).
  const stash = new Float64Array(model.l + 1);
  let layerWeightElems = 0;
  let otherParams = 0;
  let maxWorkingSet = 0;
  if (layerWeights.length < model.l + 2) layerWeights = new Float64Array(model.l + 2);
  layerWeights.fill(0, 0, model.l + 2);
  const num = t.num, code = t.code;
  for (let i = 0; i < t.length; i++) {
    const n = i * NUM_FIELDS;
    if (num[n + F_WORKING_SET] > maxWorkingSet) maxWorkingSet = num[n + F_WORKING_SET];
    if (i >= forward) continue;
    const layer = t.layer(i);
    stash[layer + 1] += num[n + F_STASH];
    const c = i * CODE_FIELDS;
    const kind = code[c + C_KIND];
    const weighted = code[c + C_B] === C_WEIGHT;
    if (kind === K_MATMUL && weighted && (code[c + C_FLAGS] & FLAG_TIED) !== 0) {
      otherParams += num[n + F_BIAS];
      layerWeights[model.l + 1] += num[n + F_K] * num[n + F_N] + num[n + F_BIAS];
    } else if (kind === K_MATMUL && weighted) {
      const e = num[n + F_GROUPS] * num[n + F_K] * num[n + F_N] + num[n + F_BIAS];
      layerWeightElems += e;
      layerWeights[layer + 1] += e;
    } else if (kind === K_CONV && weighted) {
      layerWeightElems += num[n + F_B_ELEMS];
      layerWeights[layer + 1] += num[n + F_B_ELEMS];
    }
    else if (kind === K_LAYER_NORM) otherParams += num[n + F_PARAM_ELEMS];
  }
  // The embedding table: word rows and position rows (the MLM decoder shares the word rows).
  const params = layerWeightElems + otherParams + (TRANSFORMER_SPACE.simulatorVocabulary + S) * h0;
  // The optimizer row moves no activations and stashes nothing: the aggregates stand.
  if (mode === 'training') optimizer(t, 'adamw', params);
  let maxLayerWeightElems = 0;
  for (let l = 0; l < model.l + 2; l++) maxLayerWeightElems = Math.max(maxLayerWeightElems, layerWeights[l]);
  return new OpList(transient ? t : t.compactCopy(), params, layerWeightElems, maxWorkingSet, stash, maxLayerWeightElems);
}

/**
 * BERT's MLM head on every position: dense h→h, GELU, LayerNorm, then the decoder
 * h→V whose weights are the word-embedding rows (tied; a projection h_L→h_0 first when
 * the last layer's width differs from the embedding's), and a softmax over the
 * vocabulary. The loss is formed on chip: only the per-token loss would leave, which is
 * negligible, so nothing is stored.
 */
function mlmHeadOps(t: OpTable, at: OpPlace, b: number, S: number, hL: number, h0: number): void {
  const tokens = b * S;
  const V = TRANSFORMER_SPACE.simulatorVocabulary;
  linear(t, 'mlm-dense', at, b, 1, S, hL, hL, tokens * hL);
  elementwise(t, 'nonLinearity', 'mlm-gelu', at, { batch: b, rows: S, cols: hL, in: 'act', out: 'act', stashElems: tokens * hL });
  elementwise(t, 'layerNorm', 'mlm-ln', at, { batch: b, rows: S, cols: hL, in: 'act', out: 'act', paramElems: 2 * hL, stashElems: tokens * hL });
  if (hL !== h0) linear(t, 'mlm-proj', at, b, 1, S, hL, h0, tokens * hL);
  // Tied weights: counted once, as the embedding table; the decoder bias (V) is its own.
  const decoder = linear(t, 'mlm-decoder', at, b, 1, S, h0, V, tokens * h0);
  t.code[decoder * CODE_FIELDS + C_FLAGS] |= FLAG_TIED;
  elementwise(t, 'softmax', 'mlm-softmax', at, { batch: b, rows: S, cols: V, in: 'act', out: 'act', stashElems: tokens * V });
}
