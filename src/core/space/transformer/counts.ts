/**
 * Model size and compute of a FlexiBERT 2.0 model: parameters per
 * docs/flexibert.md §6 (vocabulary 50,265, 514 positions, relative-key position
 * tables, pooler included) and forward multiply–accumulates per §7.
 * Head widths are read from the op strings, so A = Σ d may be smaller than h.
 * Expects a valid model (see validate.ts); throws on an unparsable op.
 *
 * Sweeps that vary the transformer count every sampled model, so the totals are
 * closed-form loops over layers and heads with no allocation: an op string is
 * read in place (type prefix and width digits, no slicing or regex), and a head
 * equal to the previous one in its layer (heads are stored grouped by type)
 * reuses its costs. All terms are integers far below 2^53, so the sums are
 * exact in any order.
 */
import { parseHeadOp } from './ops.ts';
import { TRANSFORMER_SPACE } from './schema.ts';
import { HEAD_TYPES, type ModelDict } from './types.ts';

const VOCAB = TRANSFORMER_SPACE.modelVocabulary;
const POSITIONS = TRANSFORMER_SPACE.maxPositions;

/** Kernel size by HEAD_TYPES index (0 for non-convolution heads). */
const KERNEL: readonly number[] = HEAD_TYPES.map((t) => (t.startsWith('c_') ? Number(t.slice(2)) : 0));
const SA_SDP = 0;
const SA_WMA = 1;
const L_DFT = 2;
const L_DCT = 3;

/** Character codes of each head type's name, for matching without slicing. */
const TYPE_CODES: readonly (readonly number[])[] = HEAD_TYPES.map((t) => Array.from(t, (c) => c.charCodeAt(0)));
const UNDERSCORE = 95;
const ZERO = 48;

/**
 * An op string packed as `8·d + type index` (HEAD_TYPES order), read with
 * charCodeAt only: string builtins (lastIndexOf, startsWith, slice) cost a
 * runtime call each, which dominated the count of a sampled model. Accepts
 * exactly what `parseHeadOp` accepts (a known type, `_`, then 1–6 digits without
 * a leading zero); anything else gets parseHeadOp's message, prefixed with the layer.
 */
function packedHeadOp(op: string, layer: number): number {
  if (typeof op !== 'string') return fail(op, layer);
  let d = 0;
  let place = 1;
  let cut = op.length - 1;
  for (; cut >= 0; cut--) {
    const c = op.charCodeAt(cut) - ZERO;
    if (c < 0 || c > 9) break;
    d += c * place;
    place *= 10;
  }
  const digits = op.length - 1 - cut;
  if (cut <= 0 || op.charCodeAt(cut) !== UNDERSCORE || digits < 1 || digits > 6 || op.charCodeAt(cut + 1) === ZERO) return fail(op, layer);
  for (let t = 0; t < TYPE_CODES.length; t++) {
    const codes = TYPE_CODES[t];
    if (codes.length !== cut) continue;
    let k = 0;
    while (k < cut && op.charCodeAt(k) === codes[k]) k++;
    if (k === cut) return 8 * d + t;
  }
  return fail(op, layer);
}

function fail(op: unknown, layer: number): never {
  const parsed = parseHeadOp(op);
  throw new Error(`o[${layer}]: ${'error' in parsed ? parsed.error : `unexpected op ${String(op).slice(0, 40)}`}`);
}

/** A head's own weights: wma's W; a convolution's kernels and projections (§6). */
function headExtraParams(type: number, d: number): number {
  if (type === SA_WMA) return d * d;
  const k = KERNEL[type];
  return k > 0 ? 2 * d * d + 2 * d * k + 2 * d + k : 0;
}

/** A head's type-specific MACs for T tokens (§7). */
function headOpMacs(type: number, d: number, T: number): number {
  switch (type) {
    case SA_SDP: return T * T * d;
    case SA_WMA: return T * T * d + T * d * d;
    case L_DFT: return 2 * T * T * d + 2 * T * d * d;
    case L_DCT: return T * T * d + T * d * d;
    default: return 2 * T * d * d + 3 * T * d * KERNEL[type] + T * d;
  }
}

function emptyLayer(i: number): never {
  throw new Error(`o[${i}]: a layer needs at least one head`);
}

/** Parameters and forward MACs of a model, from one pass over its layers and heads. */
export interface ModelCounts {
  /** Trainable parameters (no task head), as `parameterCount`. */
  parameters: number;
  /** Forward MACs for one sequence, as `macsPerSequence`. */
  macs: number;
}

/**
 * Both counts at once (a sweep needs both for every sampled model). Heads of a
 * layer are stored grouped by type, so a head equal to the previous one reuses its parse.
 */
export function modelCounts(m: ModelDict, seqLen: number = TRANSFORMER_SPACE.sequenceLength): ModelCounts {
  const T = seqLen;
  const h1 = m.h[0];
  let parameters = (VOCAB + POSITIONS + 1) * h1 + 2 * h1;
  let macs = 0;
  for (let i = 0; i < m.l; i++) {
    const h = m.h[i];
    const ops = m.o[i];
    const n = ops.length;
    let A = 0;
    let d = 0;
    let previous = '';
    let opD = 0;
    let opParams = 0;
    let opMacs = 0;
    if (n === 0) emptyLayer(i);
    for (let j = 0; j < n; j++) {
      if (j === 0 || ops[j] !== previous) {
        previous = ops[j];
        const packed = packedHeadOp(previous, i);
        const type = packed % 8;
        opD = (packed - type) / 8;
        opParams = headExtraParams(type, opD);
        opMacs = headOpMacs(type, opD, T);
        if (j === 0) d = opD;
      }
      A += opD;
      parameters += opParams;
      macs += opMacs;
    }
    const ffWeights = feedForwardWeights(h, m.f[i]);
    const next = i + 1 < m.l ? m.h[i + 1] : h;
    // Q, K, V with biases; relative-key tables; attention output dense + bias + LayerNorm;
    // feed-forward weights, their biases (Σ widths + h) and LayerNorm.
    parameters += 3 * (h * A + A) + (2 * POSITIONS - 1) * d + A * h + h + 2 * h;
    parameters += ffWeights + sum(m.f[i]) + h + 2 * h;
    // QKV, relative-position scores and probs·V (n·T²·d each), attention output, feed-forward.
    macs += 3 * T * h * A + 2 * n * T * T * d + T * A * h + T * ffWeights;
    if (next !== h) {
      parameters += h * next + next;
      macs += T * h * next;
    }
  }
  const hl = m.h[m.l - 1];
  return { parameters: parameters + hl * hl + hl, macs: macs + hl * hl };
}

function sum(values: readonly number[]): number {
  let s = 0;
  for (let j = 0; j < values.length; j++) s += values[j];
  return s;
}

/** Trainable parameters of the model as the FlexiBERT 2.0 code builds it (no task head). */
export function parameterCount(m: ModelDict): number {
  return modelCounts(m).parameters;
}

/** Forward MACs of one encoder layer for one sequence, by part (§7). */
export interface LayerMacs {
  /** Q, K, V projections: 3·T·h·A. */
  qkv: number;
  /** Relative-position scores for every head: n·T²·d. */
  relativePosition: number;
  /** probs·V for every head: n·T²·d. */
  context: number;
  /** Work specific to each head's type (QKᵀ, W, DFT/DCT, dynamic convolution). */
  headOps: number;
  /** Attention output projection A → h. */
  attentionOutput: number;
  /** Feed-forward stack and its output dense layer. */
  feedForward: number;
  /** Dense h_i → h_(i+1) when the next layer's hidden size differs; else 0. */
  projection: number;
  total: number;
}

/** Weights of the feed-forward chain h → f_1 → … → f_m → h (MACs per token). */
function feedForwardWeights(h: number, widths: readonly number[]): number {
  let weights = 0;
  let prev = h;
  for (let j = 0; j < widths.length; j++) {
    weights += prev * widths[j];
    prev = widths[j];
  }
  return weights + prev * h;
}

/** Layer i's MACs, by part. */
function layerMacs(m: ModelDict, i: number, T: number): LayerMacs {
  const h = m.h[i];
  const ops = m.o[i];
  const n = ops.length;
  if (n === 0) emptyLayer(i);
  let d = 0;
  let A = 0;
  let headOps = 0;
  for (let j = 0; j < n; j++) {
    const packed = packedHeadOp(ops[j], i);
    const type = packed % 8;
    const width = (packed - type) / 8;
    if (j === 0) d = width;
    A += width;
    headOps += headOpMacs(type, width, T);
  }
  const next = i + 1 < m.l ? m.h[i + 1] : h;
  const qkv = 3 * T * h * A;
  const relativePosition = n * T * T * d;
  const context = n * T * T * d;
  const attentionOutput = T * A * h;
  const feedForward = T * feedForwardWeights(h, m.f[i]);
  const projection = next !== h ? T * h * next : 0;
  const total = qkv + relativePosition + context + headOps + attentionOutput + feedForward + projection;
  return { qkv, relativePosition, context, headOps, attentionOutput, feedForward, projection, total };
}

/** Per-layer forward MACs for one sequence of `seqLen` tokens. */
export function macsByLayer(m: ModelDict, seqLen: number = TRANSFORMER_SPACE.sequenceLength): LayerMacs[] {
  return Array.from({ length: m.l }, (_, i) => layerMacs(m, i, seqLen));
}

/** Forward MACs for one sequence: all layers plus the pooler (h_L², once). */
export function macsPerSequence(m: ModelDict, seqLen: number = TRANSFORMER_SPACE.sequenceLength): number {
  return modelCounts(m, seqLen).macs;
}
