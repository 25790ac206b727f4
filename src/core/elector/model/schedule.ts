/**
 * Runs the ops in order and adds up time and activity.
 *
 * Each op takes max(compute cycles, memory cycles) + latency: transfers are double
 * buffered (the next tile's data moves while the current one computes), so the slower
 * side sets the pace. Memory cycles are the slowest of main memory (reads and writes share
 * the bus) and the three buffers' bank bandwidth. The latency is the main memory's first
 * word (once per op that touches it) plus the slowest touched data buffer's access latency.
 *
 * Heads of different types in a layer run one group after another on the whole array;
 * heads of the same type share waves (see headOps.ts).
 */
import type { ElectorConstants } from '../constants/elector.ts';
import type { OpKind, TimelineEntry } from '../types.ts';
import type { BufferModel } from './buffers.ts';
import { opFormat, type KindFormat } from './formats.ts';
import type { MainMemoryModel } from './memory.ts';
import type { SimOp } from './opTypes.ts';
import { computeCost, emptyComputeCost, type ArrayShape } from './tiling.ts';
import { clearTraffic, opTraffic, type Traffic, type TrafficContext } from './traffic.ts';

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
  timeline?: TimelineEntry[];
}

export interface ScheduleContext {
  array: ArrayShape;
  memory: MainMemoryModel;
  activation: BufferModel;
  weight: BufferModel;
  mask: BufferModel;
  traffic: TrafficContext;
  /** Precomputed formats per op kind, and the global one (transfers, optimizer). */
  formatByKind: Record<OpKind, KindFormat>;
  globalFormat: KindFormat;
  constants: ElectorConstants;
  timeline: boolean;
}

export function scheduleRun(ops: readonly SimOp[], x: ScheduleContext): RunTotals {
  const t: RunTotals = {
    cycles: 0, computeBoundCycles: 0, memoryBoundCycles: 0, laneBusy: 0, softmaxBusy: 0, layerNormBusy: 0, peBusy: 0, macs: 0,
    mmReadBits: 0, mmWriteBits: 0, mmBusy: 0, activationBits: 0, weightBits: 0, maskBits: 0,
    activationBusy: 0, weightBusy: 0, maskBusy: 0, spilledElems: 0, spillOps: 0, panelOps: 0,
  };
  const timeline: TimelineEntry[] | undefined = x.timeline ? [] : undefined;
  const { memory, activation, weight, mask } = x;
  const c = emptyComputeCost();
  const m: Traffic = clearTraffic({} as Traffic);
  for (const op of ops) {
    const k = opFormat(op, x.formatByKind, x.globalFormat);
    computeCost(op, x.array, k, x.constants, c);
    opTraffic(op, k, x.traffic, clearTraffic(m));

    const mmBits = m.mmReadBits + m.mmWriteBits;
    const mmBusy = mmBits / 8 / memory.bytesPerCycle;
    const actBusy = m.activationBits / activation.bitsPerCycle;
    const wgtBusy = m.weightBits / weight.bitsPerCycle;
    const maskBusy = m.maskBits / mask.bitsPerCycle;
    const memoryCycles = Math.ceil(Math.max(mmBusy, actBusy, wgtBusy, maskBusy));
    // A mask is looked up alongside its data, so the mask buffer's latency overlaps.
    let bufferLatency = 0;
    if (m.activationBits > 0) bufferLatency = activation.latencyCycles;
    if (m.weightBits > 0) bufferLatency = Math.max(bufferLatency, weight.latencyCycles);
    const latency = (mmBits > 0 ? memory.latencyCycles : 0) + bufferLatency;
    const computeBound = c.cycles >= memoryCycles;
    const opCycles = Math.max(c.cycles, memoryCycles) + latency;

    if (timeline) {
      timeline.push({
        op: op.name, kind: op.kind, layer: op.layer, head: op.head, direction: op.direction,
        startCycle: t.cycles, endCycle: t.cycles + opCycles,
        computeCycles: c.cycles, memoryCycles, bound: computeBound ? 'compute' : 'memory',
      });
    }
    t.cycles += opCycles;
    if (computeBound) t.computeBoundCycles += opCycles;
    else t.memoryBoundCycles += opCycles;
    t.laneBusy += c.laneBusy;
    t.softmaxBusy += c.softmaxBusy;
    t.layerNormBusy += c.layerNormBusy;
    t.peBusy += c.peBusy;
    t.macs += c.macs;
    t.mmReadBits += m.mmReadBits;
    t.mmWriteBits += m.mmWriteBits;
    t.mmBusy += mmBusy;
    t.activationBits += m.activationBits;
    t.weightBits += m.weightBits;
    t.maskBits += m.maskBits;
    t.activationBusy += actBusy;
    t.weightBusy += wgtBusy;
    t.maskBusy += maskBusy;
    if (m.spilledElems > 0) {
      t.spilledElems += m.spilledElems;
      t.spillOps++;
    }
    if (m.panels > 1) t.panelOps++;
  }
  if (timeline) t.timeline = timeline;
  return t;
}
