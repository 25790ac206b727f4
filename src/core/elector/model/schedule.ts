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
import type { TimelineEntry } from '../types.ts';
import type { BufferModel } from './buffers.ts';
import {
  COST_ACTIVATION_BITS, COST_CYCLES, COST_LANE_BUSY, COST_LAYER_NORM_BUSY, COST_MACS, COST_MASK_BITS, COST_MM_READ_BITS,
  COST_MM_WRITE_BITS, COST_PANELS, COST_PE_BUSY, COST_SOFTMAX_BUSY, COST_SPILLED_ELEMS, COST_WEIGHT_BITS, opCostRecord, type CostTables,
} from './costTables.ts';
import type { MainMemoryModel } from './memory.ts';
import { C_DIRECTION, C_KIND, CODE_FIELDS, DIRECTION_CODES, F_HEAD, KIND_CODES, NUM_FIELDS, type OpTable } from './opTable.ts';
import { costRow } from './opCost.ts';

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
  memory: MainMemoryModel;
  activation: BufferModel;
  weight: BufferModel;
  mask: BufferModel;
  tables: CostTables;
  timeline: boolean;
}

/** The per-op record, shared: runs are synchronous. */
const record = opCostRecord();

export function scheduleRun(ops: OpTable, x: ScheduleContext): RunTotals {
  const timeline: TimelineEntry[] | undefined = x.timeline ? [] : undefined;
  const k = x.tables;
  const memoryBytesPerCycle = x.memory.bytesPerCycle;
  const memoryLatency = x.memory.latencyCycles;
  const activationBitsPerCycle = x.activation.bitsPerCycle;
  const activationLatency = x.activation.latencyCycles;
  const weightBitsPerCycle = x.weight.bitsPerCycle;
  const weightLatency = x.weight.latencyCycles;
  const maskBitsPerCycle = x.mask.bitsPerCycle;
  // Totals live in locals (registers) and are added to in op order, as the per-op sums were.
  let cycles = 0, computeBoundCycles = 0, memoryBoundCycles = 0, laneBusy = 0, softmaxBusy = 0, layerNormBusy = 0, peBusy = 0;
  let macs = 0, mmReadBits = 0, mmWriteBits = 0, mmBusyTotal = 0, activationBits = 0, weightBits = 0, maskBits = 0;
  let activationBusy = 0, weightBusy = 0, maskBusyTotal = 0, spilledElems = 0, spillOps = 0, panelOps = 0;
  const c = record;
  for (let i = 0; i < ops.length; i++) {
    costRow(ops, i, k, c);
    const opComputeCycles = c[COST_CYCLES];
    const opActivationBits = c[COST_ACTIVATION_BITS];
    const opWeightBits = c[COST_WEIGHT_BITS];
    const mmBits = c[COST_MM_READ_BITS] + c[COST_MM_WRITE_BITS];
    const mmBusy = mmBits / 8 / memoryBytesPerCycle;
    const actBusy = opActivationBits / activationBitsPerCycle;
    const wgtBusy = opWeightBits / weightBitsPerCycle;
    const maskBusy = c[COST_MASK_BITS] / maskBitsPerCycle;
    // Two-argument max, nested: the same value as Math.max of four, and inlined by the JIT.
    const memoryCycles = Math.ceil(Math.max(Math.max(mmBusy, actBusy), Math.max(wgtBusy, maskBusy)));
    // A mask is looked up alongside its data, so the mask buffer's latency overlaps.
    let bufferLatency = 0;
    if (opActivationBits > 0) bufferLatency = activationLatency;
    if (opWeightBits > 0) bufferLatency = Math.max(bufferLatency, weightLatency);
    const latency = (mmBits > 0 ? memoryLatency : 0) + bufferLatency;
    const computeBound = opComputeCycles >= memoryCycles;
    const opCycles = Math.max(opComputeCycles, memoryCycles) + latency;

    if (timeline) {
      const kind = ops.code[i * CODE_FIELDS + C_KIND];
      timeline.push({
        op: ops.name(i),
        kind: KIND_CODES[kind],
        layer: ops.layer(i),
        head: ops.num[i * NUM_FIELDS + F_HEAD],
        direction: DIRECTION_CODES[ops.code[i * CODE_FIELDS + C_DIRECTION]],
        startCycle: cycles,
        endCycle: cycles + opCycles,
        computeCycles: opComputeCycles,
        memoryCycles,
        bound: computeBound ? 'compute' : 'memory',
      });
    }
    cycles += opCycles;
    if (computeBound) computeBoundCycles += opCycles;
    else memoryBoundCycles += opCycles;
    laneBusy += c[COST_LANE_BUSY];
    softmaxBusy += c[COST_SOFTMAX_BUSY];
    layerNormBusy += c[COST_LAYER_NORM_BUSY];
    peBusy += c[COST_PE_BUSY];
    macs += c[COST_MACS];
    mmReadBits += c[COST_MM_READ_BITS];
    mmWriteBits += c[COST_MM_WRITE_BITS];
    mmBusyTotal += mmBusy;
    activationBits += opActivationBits;
    weightBits += opWeightBits;
    maskBits += c[COST_MASK_BITS];
    activationBusy += actBusy;
    weightBusy += wgtBusy;
    maskBusyTotal += maskBusy;
    if (c[COST_SPILLED_ELEMS] > 0) {
      spilledElems += c[COST_SPILLED_ELEMS];
      spillOps++;
    }
    if (c[COST_PANELS] > 1) panelOps++;
  }
  const t: RunTotals = {
    cycles, computeBoundCycles, memoryBoundCycles, laneBusy, softmaxBusy, layerNormBusy, peBusy, macs, mmReadBits, mmWriteBits,
    mmBusy: mmBusyTotal, activationBits, weightBits, maskBits, activationBusy, weightBusy, maskBusy: maskBusyTotal, spilledElems, spillOps,
    panelOps,
  };
  if (timeline) t.timeline = timeline;
  return t;
}
