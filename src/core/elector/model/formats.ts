/**
 * Stored formats and sparsity of tensors (docs/elector-physical.md §1.2, §4).
 *
 * A tensor of n elements with a fraction s of zeros is stored compressed, as its
 * non-zeros (w·(1−s) bits per element, w = 20) plus a 1-bit mask per element, only
 * when that takes fewer bits: w(1−s) + m < w, in main memory and on chip alike (the mask
 * then sits in the mask buffer).
 *
 * Per-op sparsity: `sparsityByOp[kind]` overrides the global activation, weight and
 * gradient sparsity for every tensor an op of that kind reads or writes.
 */
import type { TensorClass } from './opTypes.ts';
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

export function classSparsity(cls: TensorClass, s: Sparsity): number {
  switch (cls) {
    case 'act':
      return s.activation;
    case 'weight':
      return s.weight;
    case 'const':
    case 'wgrad':
      // A weight gradient sums B·S token contributions: dense, whatever the activation and
      // gradient sparsity (those apply to activations and activation gradients).
      return 0;
    default:
      return s.gradient;
  }
}

/**
 * The sparsities of a run's tensors, in the order of `formatIndex` (opTable.ts): one per op
 * kind (`KINDS`), then the global one (transfers, optimizer).
 */
export function runSparsities(byKind: Record<OpKind, Sparsity>, global: Sparsity): Sparsity[] {
  const out: Sparsity[] = [];
  for (const kind of KINDS) out.push(byKind[kind]);
  out.push(global);
  return out;
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
  return new ElementFormats(elementBits, maskBits, mask);
}

/** A class, not closures: sweeps create one per run, and methods on the prototype cost nothing to create. */
class ElementFormats implements Formats {
  constructor(
    readonly elementBits: number,
    readonly maskBits: number,
    private readonly mask: BufferModel,
  ) {}

  /**
   * On chip, as in main memory, a tensor is stored compressed when that takes fewer bits:
   * capacity is what a buffer is for, and the choice must not flip with a buffer's size
   * (a bigger mask buffer costs more per access, yet must never hold less).
   */
  private compressedOnChip(s: number): boolean {
    const w = this.elementBits;
    return w * (1 - s) + this.maskBits < w;
  }

  mainMemoryBits(s: number): number {
    const w = this.elementBits;
    return Math.min(w, w * (1 - s) + this.maskBits);
  }

  onChipDataBits(s: number, buffer: BufferModel): number {
    return this.compressedOnChip(s) ? this.elementBits * (1 - s) : this.elementBits;
  }

  onChipMaskBits(s: number, buffer: BufferModel): number {
    return this.compressedOnChip(s) ? this.maskBits : 0;
  }

  capacityElems(s: number, buffer: BufferModel, maskShareBits: number): number {
    const w = this.elementBits;
    const dense = buffer.capacityBits / w;
    if (!this.compressedOnChip(s)) return dense;
    // When the mask share runs out first, fall back to dense storage if that holds more.
    const compressed = Math.min(buffer.capacityBits / (w * (1 - s)), this.maskBits > 0 ? maskShareBits / this.maskBits : Infinity);
    return Math.max(dense, compressed);
  }
}
