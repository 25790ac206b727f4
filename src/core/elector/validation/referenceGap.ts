/**
 * Section 2 of docs/elector-validation.md: the elector model against the reference's
 * cycle-level simulator (`simulate`, docs/elector.md §7) on BERT-Tiny inference.
 *
 * Only the reference's totals are known from its runs. Its embedding load is exact (the
 * same closed form as the fast path, §6 "Embedding"); its weight loads and buffer stores
 * are estimates (every memory op of §3 costed as §7.2 costs it, one after another, as its
 * memory side serialises them); the rest is what is left of its total.
 */
import type { AcceleratorConfig } from '../../space/accelerator/types.ts';
import type { ModelDict } from '../../space/transformer/types.ts';
import { TRANSFORMER_SPACE } from '../../space/transformer/schema.ts';
import { ELECTOR_CONSTANTS } from '../constants/elector.ts';
import { REFERENCE_CONSTANTS } from '../constants/reference.ts';
import type { SimResult } from '../types.ts';
import { uniformBert } from './bertShapes.ts';
import type { Peaks } from './hardware.ts';

/** The reference's cycle-level totals for BERT-Tiny inference (batch 4, sparsity 0.5/0.5/0.9). */
export const REFERENCE_CYCLE_LEVEL = {
  /** config_tiny = AccelTran-Edge (docs/elector.md §10). */
  'acceltran-edge': 79_324,
  /** config_base = AccelTran-Server. */
  'acceltran-server': 9_514,
} as const;

const ceil = Math.ceil;

export interface ReferenceTerms {
  /** Bandwidth the reference moves `n·wf` bits with: lb or hb (bytes/cycle × 20, §2). */
  memoryBandwidth: number;
  bufferBandwidth: number;
  /** Bits per element it moves: 20·(1 − s). */
  wf: number;
  embeddingElems: number;
  embeddingCycles: number;
  /** Estimates: weight loads (with the batch dimension, §9.7) and intermediate stores. */
  weightLoadElems: number;
  weightLoadCycles: number;
  storeElems: number;
  storeCycles: number;
  total: number;
  /** total − embedding − weight loads − stores: compute and stalls not hidden behind memory. */
  rest: number;
}

/** The reference's cycle-level run split into terms (BERT-Tiny-like uniform BERT). */
export function referenceTerms(model: ModelDict, acc: AcceleratorConfig, total: number): ReferenceTerms {
  const r = REFERENCE_CONSTANTS;
  const { hidden: h, heads, ff: f } = uniformBert(model);
  const d = h / heads;
  const b = acc.batchSize;
  const S = TRANSFORMER_SPACE.sequenceLength;
  const V = TRANSFORMER_SPACE.simulatorVocabulary;
  const bits = r.bits.integer + r.bits.fraction;
  const wf = bits * (1 - r.sparsity.weight);
  const wfa = bits * (1 - r.sparsity.activation);
  const bw = r.mainMemory.bandwidth[acc.mainMemory.mode];
  const bwBuf = r.activationBuffer.bandwidth;
  const embeddingElems = (V + S) * h;
  // §3.2: per head, loads q, k, v (b, h, d) and o (b, d, h); stores q, k, v, sdp-v (b, S, d), sdp-qk and sftm (b, S, S), o (b, S, h).
  // §3.1: FF loads (b, h, f) and (b, f, h); stores (b, S, f) and (b, S, h).
  const headLoads = [b * h * d, b * h * d, b * h * d, b * d * h];
  const ffLoads = [b * h * f, b * f * h];
  const headStores = [b * S * d, b * S * d, b * S * d, b * S * S, b * S * S, b * S * d, b * S * h];
  const ffStores = [b * S * f, b * S * h];
  let weightLoadElems = 0, weightLoadCycles = 0, storeElems = 0, storeCycles = 0;
  for (let l = 0; l < model.l; l++) {
    for (let k = 0; k < heads; k++) {
      for (const n of headLoads) (weightLoadElems += n), (weightLoadCycles += ceil((n * wf) / bw));
      for (const n of headStores) (storeElems += n), (storeCycles += ceil((n * wfa) / bwBuf));
    }
    for (const n of ffLoads) (weightLoadElems += n), (weightLoadCycles += ceil((n * wf) / bw));
    for (const n of ffStores) (storeElems += n), (storeCycles += ceil((n * wfa) / bwBuf));
  }
  const embeddingCycles = ceil((embeddingElems * wf) / bw);
  return {
    memoryBandwidth: bw, bufferBandwidth: bwBuf, wf, embeddingElems, embeddingCycles, weightLoadElems, weightLoadCycles, storeElems, storeCycles,
    total, rest: total - embeddingCycles - weightLoadCycles - storeCycles,
  };
}

export interface ElectorTerms {
  embeddingCycles: number;
  /** Bus time of the layers' weights (bytes ÷ effective bandwidth), overlapped or not. */
  weightBusCycles: number;
  weightBytes: number;
  /** Cycles of the ops that load weights, beyond their bus time (drain, fill, latency, minus prefetch under earlier ops). */
  weightOpExtraCycles: number;
  /** Cycles of ops with no main-memory traffic (attention products, softmax, LayerNorms). */
  onChipOpCycles: number;
  /** The output store's bus time after the last op. */
  outputTailCycles: number;
  total: number;
}

export function electorTerms(result: SimResult, p: Peaks): ElectorTerms {
  const tl = result.timeline!;
  let embeddingCycles = 0, weightBytes = 0, weightOpCycles = 0, onChipOpCycles = 0, tailCycles = 0, lastEnd = 0;
  for (const e of tl) {
    const cycles = e.endCycle - e.startCycle;
    lastEnd = Math.max(lastEnd, e.endCycle);
    if (e.op === 'embedding') embeddingCycles += cycles;
    else if (e.op === 'write-back') tailCycles += cycles;
    else if (e.kind === 'matmul' && (e.mainMemoryBytes ?? 0) > 0) (weightBytes += e.mainMemoryBytes!), (weightOpCycles += cycles);
    else if ((e.mainMemoryBytes ?? 0) === 0) onChipOpCycles += cycles;
    else if (cycles > 0) throw new Error(`electorTerms: unexpected op with main-memory traffic: ${e.op}`);
  }
  const weightBusCycles = weightBytes / p.memory.bytesPerCycle;
  return {
    embeddingCycles, weightBusCycles, weightBytes, weightOpExtraCycles: weightOpCycles - weightBusCycles, onChipOpCycles,
    outputTailCycles: tailCycles + result.cycles - lastEnd, total: result.cycles,
  };
}

export type WaterfallKey = 'reference' | 'rowsUsed' | 'noBatch' | 'unit' | 'gib' | 'eta' | 'width' | 'latency' | 'bias';

export interface WaterfallStep {
  key: WaterfallKey;
  step: string;
  /** Multiplies the running figure (when `add` is absent). */
  factor: number;
  /** Adds to the running figure instead. */
  add?: number;
  /** The running figure after this step, cycles. */
  cycles: number;
}

/** The factors common to both waterfalls: from the reference's bus time to the model's, for the same elements. */
function busSteps(acc: AcceleratorConfig, mainMemoryBits: number, wf: number): WaterfallStep[] {
  const bits = REFERENCE_CONSTANTS.bits.integer + REFERENCE_CONSTANTS.bits.fraction;
  const eta = ELECTOR_CONSTANTS.mainMemory[acc.mainMemory.type].efficiency;
  return [
    { key: 'unit', step: `bandwidth unit: the reference's figure is bytes/cycle × ${bits}, so one byte of bus time moves a ${bits}-bit element`, factor: bits / 8, cycles: 0 },
    { key: 'gib', step: 'GiB/s (reference) to GB/s (elector) for the same nominal channel rate', factor: 2 ** 30 / 1e9, cycles: 0 },
    { key: 'eta', step: `streaming efficiency η = ${eta} of ${acc.mainMemory.type.toUpperCase()}`, factor: 1 / eta, cycles: 0 },
    { key: 'width', step: `stored width: ${mainMemoryBits} bits (non-zeros + 1 mask bit) instead of ${wf}`, factor: mainMemoryBits / wf, cycles: 0 },
  ];
}

function run(start: number, steps: WaterfallStep[]): WaterfallStep[] {
  let c = start;
  return steps.map((s) => {
    c = s.add !== undefined ? c + s.add : c * s.factor;
    return { ...s, cycles: c };
  });
}

/** Bits main memory stores per element of a weight tensor at the reference's weight sparsity (elector format). */
function electorMainMemoryBits(): number {
  const w = ELECTOR_CONSTANTS.data.elementBits;
  const s = REFERENCE_CONSTANTS.sparsity.weight;
  return Math.min(w, w * (1 - s) + ELECTOR_CONSTANTS.data.maskBitsPerElement);
}

/** From the reference's embedding load to the elector model's embedding gather, factor by factor. */
export function embeddingWaterfall(model: ModelDict, acc: AcceleratorConfig, p: Peaks, ref: ReferenceTerms): WaterfallStep[] {
  const S = TRANSFORMER_SPACE.sequenceLength;
  const h = model.h[0];
  const used = (acc.batchSize * S + S) * h;
  const mmBits = electorMainMemoryBits();
  const start = (ref.embeddingElems * ref.wf) / ref.memoryBandwidth;
  return run(start, [
    { key: 'reference', step: `reference: the whole table, ${ref.embeddingElems} elements × ${ref.wf} bits ÷ ${ref.memoryBandwidth}`, factor: 1, cycles: 0 },
    { key: 'rowsUsed', step: `only the rows used: b·S + S = ${used / h} rows of ${h}`, factor: used / ref.embeddingElems, cycles: 0 },
    ...busSteps(acc, mmBits, ref.wf),
    { key: 'latency', step: `first-word latency (${p.memory.latencyCycles}) and buffer fill (${p.activation.latencyCycles})`, factor: 1, add: p.memory.latencyCycles + p.activation.latencyCycles, cycles: 0 },
  ]);
}

/** From the reference's layer weight loads (estimate) to the elector model's weight bus time. */
export function weightWaterfall(model: ModelDict, acc: AcceleratorConfig, p: Peaks, ref: ReferenceTerms): WaterfallStep[] {
  const { hidden: h, ff: f } = uniformBert(model);
  const perLayer = 4 * h * h + 2 * h * f;
  const biases = 3 * h + h + f + h;
  const start = (ref.weightLoadElems * ref.wf) / ref.memoryBandwidth;
  return run(start, [
    { key: 'reference', step: `reference (estimate): ${ref.weightLoadElems} weight elements, batch dimension included, × ${ref.wf} bits ÷ ${ref.memoryBandwidth}`, factor: 1, cycles: 0 },
    { key: 'noBatch', step: `weights without the batch dimension (÷ b = ${acc.batchSize})`, factor: 1 / acc.batchSize, cycles: 0 },
    ...busSteps(acc, electorMainMemoryBits(), ref.wf),
    { key: 'bias', step: `biases (${biases} per layer beside ${perLayer} weights; the reference has none)`, factor: (perLayer + biases) / perLayer, cycles: 0 },
  ]);
}
