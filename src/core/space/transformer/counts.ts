/**
 * Model size and compute of a FlexiBERT 2.0 model: parameters per
 * specs/flexibert.md §6 (vocabulary 50,265, 514 positions, relative-key position
 * tables, pooler included) and forward multiply–accumulates per §7.
 * Head widths are read from the op strings, so A = Σ d may be smaller than h.
 * Expects a valid model (see validate.ts); throws on an unparsable op.
 */
import { parseHeadOp } from './ops.ts';
import { TRANSFORMER_SPACE } from './schema.ts';
import type { HeadOp, ModelDict } from './types.ts';

const VOCAB = TRANSFORMER_SPACE.modelVocabulary;
const POSITIONS = TRANSFORMER_SPACE.maxPositions;

function headsOf(m: ModelDict, i: number): HeadOp[] {
  return m.o[i].map((op) => {
    const parsed = parseHeadOp(op);
    if ('error' in parsed) throw new Error(`o[${i}]: ${parsed.error}`);
    return parsed;
  });
}

/** Shared per-layer shape: hidden h, head count n, per-head width d, concatenated width A. */
function layerShape(m: ModelDict, i: number) {
  const heads = headsOf(m, i);
  const attention = heads.reduce((s, op) => s + op.d, 0);
  return { heads, h: m.h[i], n: heads.length, d: heads[0].d, attention, next: i + 1 < m.l ? m.h[i + 1] : m.h[i] };
}

/** Sum of `in·out + out` over a chain of dense layers h → f_1 → … → f_m → h. */
function feedForwardChain(h: number, widths: readonly number[]): { weights: number; biases: number } {
  const dims = [h, ...widths, h];
  let weights = 0;
  let biases = 0;
  for (let j = 1; j < dims.length; j++) {
    weights += dims[j - 1] * dims[j];
    biases += dims[j];
  }
  return { weights, biases };
}

/** Trainable parameters of the model as the FlexiBERT 2.0 code builds it (no task head). */
export function parameterCount(m: ModelDict): number {
  const h1 = m.h[0];
  let total = (VOCAB + POSITIONS + 1) * h1 + 2 * h1;
  for (let i = 0; i < m.l; i++) {
    const { heads, h, d, attention: A, next } = layerShape(m, i);
    total += 3 * (h * A + A) + (2 * POSITIONS - 1) * d;
    for (const op of heads) {
      if (op.type === 'sa_wma') total += op.d * op.d;
      if (op.family === 'c') total += 2 * op.d * op.d + 2 * op.d * op.kernel + 2 * op.d + op.kernel;
    }
    total += A * h + h + 2 * h;
    const ff = feedForwardChain(h, m.f[i]);
    total += ff.weights + ff.biases + 2 * h;
    if (next !== h) total += h * next + next;
  }
  const hl = m.h[m.l - 1];
  return total + hl * hl + hl;
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

function headOpMacs(op: HeadOp, T: number): number {
  const { d } = op;
  switch (op.type) {
    case 'sa_sdp': return T * T * d;
    case 'sa_wma': return T * T * d + T * d * d;
    case 'l_dft': return 2 * T * T * d + 2 * T * d * d;
    case 'l_dct': return T * T * d + T * d * d;
    default: return 2 * T * d * d + 3 * T * d * op.kernel + T * d;
  }
}

/** Per-layer forward MACs for one sequence of `seqLen` tokens. */
export function macsByLayer(m: ModelDict, seqLen: number = TRANSFORMER_SPACE.sequenceLength): LayerMacs[] {
  const T = seqLen;
  return Array.from({ length: m.l }, (_, i) => {
    const { heads, h, n, d, attention: A, next } = layerShape(m, i);
    const parts = {
      qkv: 3 * T * h * A,
      relativePosition: n * T * T * d,
      context: n * T * T * d,
      headOps: heads.reduce((s, op) => s + headOpMacs(op, T), 0),
      attentionOutput: T * A * h,
      feedForward: T * feedForwardChain(h, m.f[i]).weights,
      projection: next !== h ? T * h * next : 0,
    };
    return { ...parts, total: Object.values(parts).reduce((s, v) => s + v, 0) };
  });
}

/** Forward MACs for one sequence: all layers plus the pooler (h_L², once). */
export function macsPerSequence(m: ModelDict, seqLen: number = TRANSFORMER_SPACE.sequenceLength): number {
  const hl = m.h[m.l - 1];
  return macsByLayer(m, seqLen).reduce((s, layer) => s + layer.total, 0) + hl * hl;
}
