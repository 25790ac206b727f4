/**
 * Run totals: what a schedule adds up (activity, traffic, cycles by limiter), and the
 * arithmetic the elector model does on them to combine passes of a sub-batched run, an
 * amortised optimizer step and layer-boundary traffic.
 */
import type { ModelDict } from '../../space/transformer/types.ts';
import type { ElectorEnergyNJ, Limiter, Sparsity, TimelineEntry } from '../types.ts';
import type { BufferModel } from './buffers.ts';
import { COST_CYCLES, COST_LANE_BUSY, COST_MACS, COST_MM_READ_BITS, COST_MM_WRITE_BITS, COST_PE_BUSY, COST_WEIGHT_BITS, type OpCost } from './costTables.ts';
import type { Formats } from './formats.ts';
import type { MainMemoryModel } from './memory.ts';

export interface RunTotals {
  cycles: number;
  computeBoundCycles: number;
  memoryBoundCycles: number;
  laneBusy: number;
  softmaxBusy: number;
  layerNormBusy: number;
  peBusy: number;
  /** Useful MAC-lane operations (after zero-skipping). */
  macs: number;
  mmReadBits: number;
  mmWriteBits: number;
  /** Cycles the main-memory bus transfers (without latency). */
  mmBusy: number;
  activationBits: number;
  weightBits: number;
  maskBits: number;
  activationBusy: number;
  weightBusy: number;
  maskBusy: number;
  spilledElems: number;
  spillOps: number;
  panelOps: number;
  /** Main-memory cycles of weight panels loaded during the previous op. */
  prefetchCycles: number;
  /**
   * Bus time after the array's last op (posted stores): not in `cycles`. A pass followed by
   * another overlaps it; the run's last pass adds it (`finishRun`).
   */
  busTailCycles: number;
  /** Cycles the first op would save with its independent loads done ahead (schedule.ts; used by `laterPassEstimate`). */
  firstOpAheadSavingCycles: number;
  /**
   * Compute cycles of the ops that take array time (not fused ops or posted stores): a floor
   * under the cycles of any pass of the same ops, whatever it finds on chip (`keptFloorCycles`).
   */
  computeFloorCycles: number;
  /** Cycles of the run, by the resource that set each op's time. */
  limiterCycles: Record<Limiter, number>;
  timeline?: TimelineEntry[];
}

export function emptyTotals(): RunTotals {
  return {
    cycles: 0, computeBoundCycles: 0, memoryBoundCycles: 0, laneBusy: 0, softmaxBusy: 0, layerNormBusy: 0, peBusy: 0, macs: 0,
    mmReadBits: 0, mmWriteBits: 0, mmBusy: 0, activationBits: 0, weightBits: 0, maskBits: 0, activationBusy: 0, weightBusy: 0,
    maskBusy: 0, spilledElems: 0, spillOps: 0, panelOps: 0, prefetchCycles: 0, busTailCycles: 0, firstOpAheadSavingCycles: 0, computeFloorCycles: 0,
    limiterCycles: { compute: 0, mainMemory: 0, activationBuffer: 0, weightBuffer: 0, maskBuffer: 0 },
  };
}

/** The energy keys in the record's order (the order of the sums). */
const ENERGY_KEYS: readonly (keyof ElectorEnergyNJ)[] = [
  'macLanes', 'softmax', 'layerNorm', 'sparsity', 'others', 'activationBuffer', 'weightBuffer', 'maskBuffer', 'mainMemory',
];

/** Ends a run: the last pass's bus tail is waited for. */
export function finishRun(t: RunTotals, lastTail: number): void {
  t.cycles += lastTail;
  t.memoryBoundCycles += lastTail;
  t.limiterCycles.mainMemory += lastTail;
  t.busTailCycles = 0;
}

/**
 * Layer by layer with the weights held, each layer's full-batch output waits for the
 * next layer; when it does not fit half the activation buffer, every pass writes its
 * share to main memory and reads it back. Charged serially on the bus (conservative).
 */
export function addLayerBoundaries(
  t: RunTotals, model: ModelDict, full: number, seqLen: number, activation: BufferModel, formats: Formats,
  s: Sparsity, memory: MainMemoryModel,
): void {
  const bits = formats.mainMemoryBits(s.activation);
  let elems = 0;
  for (let l = 0; l < model.l; l++) {
    const boundary = full * seqLen * model.h[l];
    if (boundary * formats.elementBits > activation.capacityBits / 2) elems += 2 * boundary;
  }
  if (elems === 0) return;
  t.mmReadBits += (elems / 2) * bits;
  t.mmWriteBits += (elems / 2) * bits;
  const cycles = (elems * bits) / 8 / memory.bytesPerCycle;
  t.mmBusy += cycles;
  t.cycles += cycles;
  t.memoryBoundCycles += cycles;
  t.limiterCycles.mainMemory += cycles;
}

export function sumEnergy(e: ElectorEnergyNJ): [dynamicNJ: number, leakageNJ: number] {
  let dynamicNJ = 0;
  let leakageNJ = 0;
  // In the record's key order (the order of the sums).
  for (const key of ENERGY_KEYS) {
    dynamicNJ += e[key][0];
    leakageNJ += e[key][1];
  }
  return [dynamicNJ, leakageNJ];
}

/** The optimizer step on its own: streamed from main memory through the weight buffer. */
export function optimizerTotals(c: OpCost, memory: MainMemoryModel, weight: BufferModel): RunTotals {
  const t = emptyTotals();
  const mmBits = c[COST_MM_READ_BITS] + c[COST_MM_WRITE_BITS];
  t.mmBusy = mmBits / 8 / memory.bytesPerCycle;
  t.weightBusy = c[COST_WEIGHT_BITS] / weight.bitsPerCycle;
  const transfer = Math.max(t.mmBusy, t.weightBusy);
  t.cycles = Math.ceil(Math.max(c[COST_CYCLES], transfer)) + memory.latencyCycles + weight.latencyCycles;
  if (c[COST_CYCLES] >= transfer) t.computeBoundCycles = t.cycles;
  else t.memoryBoundCycles = t.cycles;
  t.limiterCycles[c[COST_CYCLES] >= transfer ? 'compute' : t.mmBusy >= t.weightBusy ? 'mainMemory' : 'weightBuffer'] = t.cycles;
  t.laneBusy = c[COST_LANE_BUSY];
  t.peBusy = c[COST_PE_BUSY];
  t.macs = c[COST_MACS];
  t.mmReadBits = c[COST_MM_READ_BITS];
  t.mmWriteBits = c[COST_MM_WRITE_BITS];
  t.weightBits = c[COST_WEIGHT_BITS];
  return t;
}

/** A later pass that reloads the weights: the first pass, less what loading its first op ahead saves. */
export function laterPassEstimate(first: RunTotals): RunTotals {
  const t = emptyTotals();
  addScaled(t, first, 1);
  // What the first op can load ahead overlaps the previous pass only where that pass's bus
  // is free: not during its tail of posted writes.
  const saving = Math.max(0, first.firstOpAheadSavingCycles - first.busTailCycles);
  t.cycles -= saving;
  t.memoryBoundCycles = Math.max(0, t.memoryBoundCycles - saving);
  t.limiterCycles.mainMemory = Math.max(0, t.limiterCycles.mainMemory - saving);
  t.busTailCycles = first.busTailCycles;
  return t;
}

/** target += factor × src, field by field (not the timeline, not the bus tail). */
export function addScaled(target: RunTotals, src: RunTotals, factor: number): void {
  target.cycles += factor * src.cycles;
  target.computeBoundCycles += factor * src.computeBoundCycles;
  target.memoryBoundCycles += factor * src.memoryBoundCycles;
  target.laneBusy += factor * src.laneBusy;
  target.softmaxBusy += factor * src.softmaxBusy;
  target.layerNormBusy += factor * src.layerNormBusy;
  target.peBusy += factor * src.peBusy;
  target.macs += factor * src.macs;
  target.mmReadBits += factor * src.mmReadBits;
  target.mmWriteBits += factor * src.mmWriteBits;
  target.mmBusy += factor * src.mmBusy;
  target.activationBits += factor * src.activationBits;
  target.weightBits += factor * src.weightBits;
  target.maskBits += factor * src.maskBits;
  target.activationBusy += factor * src.activationBusy;
  target.weightBusy += factor * src.weightBusy;
  target.maskBusy += factor * src.maskBusy;
  target.spilledElems += factor * src.spilledElems;
  target.prefetchCycles += factor * src.prefetchCycles;
  target.computeFloorCycles += factor * src.computeFloorCycles;
  // Counts of ops, not amounts: a pass's ops are the same ops.
  target.spillOps += src.spillOps;
  target.panelOps += src.panelOps;
  const l = target.limiterCycles, m = src.limiterCycles;
  l.compute += factor * m.compute;
  l.mainMemory += factor * m.mainMemory;
  l.activationBuffer += factor * m.activationBuffer;
  l.weightBuffer += factor * m.weightBuffer;
  l.maskBuffer += factor * m.maskBuffer;
}
