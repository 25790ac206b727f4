/**
 * Stored formats and sparsity of tensors (specs/elector-physical.md §1.2, §4).
 *
 * A tensor of n elements with a fraction s of zeros is stored compressed, as its
 * non-zeros (w·(1−s) bits per element, w = 20) plus a 1-bit mask per element, only
 * when that is cheaper than dense w bits. In main memory the test is on bits:
 * w(1−s) + m < w. On chip the mask sits in the mask buffer, so the test weighs the two
 * buffers' energies per bit; this keeps every cost non-increasing in s.
 *
 * Per-op sparsity: `sparsityByOp[kind]` overrides the global activation, weight and
 * gradient sparsity for every tensor an op of that kind reads or writes.
 */
import type { SimOp, TensorClass } from './opTypes.ts';
import type { OpKind, Sparsity, SparsityByOp } from '../types.ts';
import type { BufferModel } from './buffers.ts';

const KINDS: readonly OpKind[] = ['matmul', 'conv', 'softmax', 'layerNorm', 'nonLinearity'];

/** The sparsity that applies to an op, by kind (transfers and the optimizer use the global one). */
export function sparsityTable(global: Sparsity, byOp: SparsityByOp | undefined): Record<OpKind, Sparsity> {
  const table = {} as Record<OpKind, Sparsity>;
  for (const k of KINDS) {
    const o = byOp?.[k];
    table[k] = {
      activation: clampSparsity(o?.activation ?? global.activation),
      weight: clampSparsity(o?.weight ?? global.weight),
      gradient: clampSparsity(o?.gradient ?? global.gradient),
    };
  }
  return table;
}

/** Keeps hand-written overrides inside [0, 0.999]: s = 1 would mean tensors of nothing. */
function clampSparsity(s: number): number {
  return Number.isFinite(s) ? Math.min(0.999, Math.max(0, s)) : 0;
}

/** The format table of an op: its kind's, or the global one for transfers and the optimizer. */
export function opFormat(op: SimOp, byKind: Record<OpKind, KindFormat>, global: KindFormat): KindFormat {
  return op.kind === 'load' || op.kind === 'store' || op.kind === 'optimizer' ? global : byKind[op.kind];
}

/** Array index of a tensor class in the per-class tables of `KindFormat`. */
export function classIndex(c: TensorClass): number {
  switch (c) {
    case 'act':
      return 0;
    case 'grad':
      return 1;
    case 'weight':
      return 2;
    case 'wgrad':
      return 3;
    default:
      return 4;
  }
}

export function classSparsity(cls: TensorClass, s: Sparsity): number {
  switch (cls) {
    case 'act':
      return s.activation;
    case 'weight':
      return s.weight;
    case 'const':
      return 0;
    default:
      return s.gradient; // grad, wgrad
  }
}

/**
 * Everything the cost loop needs about one sparsity setting, precomputed once per run,
 * per tensor class (indexed by `classIndex`): sparsity, main-memory bits, and data and
 * mask bits in the activation and the weight buffer.
 */
export interface KindFormat {
  sparsity: Sparsity;
  classSparsity: number[];
  mainMemoryBits: number[];
  activationDataBits: number[];
  activationMaskBits: number[];
  weightDataBits: number[];
  weightMaskBits: number[];
}

const CLASSES: readonly TensorClass[] = ['act', 'grad', 'weight', 'wgrad', 'const'];

export function kindFormat(s: Sparsity, f: Formats, activation: BufferModel, weight: BufferModel): KindFormat {
  const sp = CLASSES.map((c) => classSparsity(c, s));
  return {
    sparsity: s,
    classSparsity: sp,
    mainMemoryBits: sp.map((x) => f.mainMemoryBits(x)),
    activationDataBits: sp.map((x) => f.onChipDataBits(x, activation)),
    activationMaskBits: sp.map((x) => f.onChipMaskBits(x, activation)),
    weightDataBits: sp.map((x) => f.onChipDataBits(x, weight)),
    weightMaskBits: sp.map((x) => f.onChipMaskBits(x, weight)),
  };
}

export interface Formats {
  elementBits: number;
  maskBits: number;
  /** Bits per element in main memory (data + mask when compressed). */
  mainMemoryBits(s: number): number;
  /** Data bits per element in a data buffer with the given per-bit energy. */
  onChipDataBits(s: number, buffer: BufferModel): number;
  /** Mask-buffer bits per element (0 when stored dense). */
  onChipMaskBits(s: number, buffer: BufferModel): number;
  /** Elements a data buffer can hold; compressed storage also needs its share of the mask buffer. */
  capacityElems(s: number, buffer: BufferModel, maskShareBits: number): number;
}

export function createFormats(elementBits: number, maskBits: number, mask: BufferModel): Formats {
  const w = elementBits;
  const compressedOnChip = (s: number, buffer: BufferModel): boolean =>
    w * (1 - s) * buffer.nJPerBit + maskBits * mask.nJPerBit < w * buffer.nJPerBit;
  return {
    elementBits: w,
    maskBits,
    mainMemoryBits: (s) => Math.min(w, w * (1 - s) + maskBits),
    onChipDataBits: (s, buffer) => (compressedOnChip(s, buffer) ? w * (1 - s) : w),
    onChipMaskBits: (s, buffer) => (compressedOnChip(s, buffer) ? maskBits : 0),
    capacityElems: (s, buffer, maskShareBits) => {
      const dense = buffer.capacityBits / w;
      if (!compressedOnChip(s, buffer)) return dense;
      // When the mask share runs out first, fall back to dense storage if that holds more.
      const compressed = Math.min(buffer.capacityBits / (w * (1 - s)), maskBits > 0 ? maskShareBits / maskBits : Infinity);
      return Math.max(dense, compressed);
    },
  };
}
