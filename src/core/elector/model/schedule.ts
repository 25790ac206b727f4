/**
 * Runs the ops in order on two resources, the main-memory bus and the array with its
 * buffers, and adds up time and activity (docs/elector-model.md §4).
 *
 * Within an op, transfers are double buffered: the next tile's data moves while the
 * current one computes, so the op's body takes the slowest of compute, main memory and
 * each buffer's bank bandwidth, plus fill (access latencies) and drain (the last tile's
 * compute after its data). Across ops, the weight buffer's second half lets the next op's
 * first weight panel load while the current op runs: the prefetch starts once the bus is
 * free and the previous op has started, and an op starts when its predecessor has ended
 * and the bus has begun to deliver its weights. So a run of weight-loading ops overlaps, and the run's
 * cycles are not the sum of its ops' transfer times.
 *
 * Heads of different types in a layer run one group after another on the whole array;
 * heads of the same type share waves (see headOps.ts).
 */
import type { Limiter, OpMapping, TimelineEntry } from '../types.ts';
import { emptyTotals, type RunTotals } from './runTotals.ts';
import type { BufferModel } from './buffers.ts';
import { opCostRecord, type CostTables, type OpCost } from './costTables.ts';
import * as costTablesModule from './costTables.ts';
// Imported bindings are live: V8 reads them through the module's cell at each use and cannot
// fold them. The cost loop reads these per op, so it works on constant copies.
const {
  COST_ACTIVATION_BITS, COST_CYCLES, COST_FUSED, COST_LANE_BUSY, COST_LAYER_NORM_BUSY, COST_MACS, COST_MASK_BITS,
  COST_MM_READ_BITS, COST_MM_WRITE_BITS, COST_ORDER, COST_OUT_ON_CHIP, COST_PANELS, COST_PASSES_A, COST_PASSES_B, COST_PE_BUSY,
  COST_PREFETCH_AHEAD_BITS, COST_PREFETCH_BITS, COST_READS_A, COST_READS_B, COST_SOFTMAX_BUSY, COST_SPILLED_ELEMS,
  COST_TILE_CYCLES, COST_WAVE_COLS, COST_WAVE_ROWS, COST_WEIGHT_BITS, ORDER_ACTIVATIONS_STATIONARY, ORDER_NONE,
  ORDER_WEIGHTS_STATIONARY,
} = costTablesModule;
import type { MainMemoryModel } from './memory.ts';
import { onActivationSide, type OpTable } from './opTable.ts';
import * as opTableModule from './opTable.ts';
// Imported bindings are live: V8 reads them through the module's cell at each use and cannot
// fold them. The cost loop reads these per op, so it works on constant copies.
const { C_B, C_DIRECTION, C_KIND, CODE_FIELDS, DIRECTION_CODES, F_HEAD, K_CONV, K_MATMUL, KIND_CODES, NUM_FIELDS } = opTableModule;
import { costRow } from './opCost.ts';

export interface ScheduleContext {
  memory: MainMemoryModel;
  activation: BufferModel;
  weight: BufferModel;
  mask: BufferModel;
  tables: CostTables;
  timeline: boolean;
  /** A later pass of a sub-batched run: it starts while the previous pass runs, so loads that depend on nothing may be done already. */
  afterPass?: boolean;
}

/** The per-op record, shared: runs are synchronous. */
const record = opCostRecord();

const ORDER_NAMES: readonly OpMapping['order'][] = ['fits', 'fits', 'weights-stationary', 'activations-stationary'];
const LIMITERS: readonly Limiter[] = ['compute', 'mainMemory', 'activationBuffer', 'weightBuffer', 'maskBuffer'];

/** Schedules rows [0, count) of `ops`. */
export function scheduleRun(ops: OpTable, x: ScheduleContext, count = ops.length): RunTotals {
  const timeline: TimelineEntry[] | undefined = x.timeline ? [] : undefined;
  const k = x.tables;
  const memoryBitsPerCycle = x.memory.bytesPerCycle * 8;
  const memoryLatency = x.memory.latencyCycles;
  const activationBitsPerCycle = x.activation.bitsPerCycle;
  const weightBitsPerCycle = x.weight.bitsPerCycle;
  const maskBitsPerCycle = x.mask.bitsPerCycle;
  const t = emptyTotals();
  const limiterCycles = [0, 0, 0, 0, 0];
  const c = record;
  // A later pass: the previous pass started long ago and its bus time is its own, so the
  // first ops' independent loads (embedding rows, first weights) are modelled as done ahead.
  const before = x.afterPass ? -Number.MAX_SAFE_INTEGER : 0;
  let busFree = before, previousStart = before, previousEnd = 0, inputOnChip = true;
  for (let i = 0; i < count; i++) {
    costRow(ops, i, k, c, inputOnChip);
    inputOnChip = c[COST_OUT_ON_CHIP] === 1;
    const compute = c[COST_CYCLES];
    const mmBits = c[COST_MM_READ_BITS] + c[COST_MM_WRITE_BITS];
    const prefetchBits = c[COST_PREFETCH_BITS];
    const activationBusy = c[COST_ACTIVATION_BITS] / activationBitsPerCycle;
    const weightBusy = c[COST_WEIGHT_BITS] / weightBitsPerCycle;
    const maskBusy = c[COST_MASK_BITS] / maskBitsPerCycle;

    // Main memory. Weights do not depend on the previous op: they may start loading once the
    // bus is free and the previous op has started (it then holds the other buffer half), up
    // to one panel ahead of this op's start; the rest of the op's traffic streams during it.
    let start = previousEnd;
    let mmDone = start;
    let ahead = 0;
    if (mmBits > 0) {
      const prefetchStart = Math.max(busFree, previousStart) + memoryLatency;
      if (prefetchBits > 0) {
        start = Math.max(previousEnd, Math.ceil(prefetchStart));
        ahead = Math.min(prefetchBits, c[COST_PREFETCH_AHEAD_BITS], Math.max(0, start - prefetchStart) * memoryBitsPerCycle);
        mmDone = Math.max(prefetchStart, start) + (mmBits - ahead) / memoryBitsPerCycle;
      } else {
        mmDone = Math.max(busFree, start) + memoryLatency + mmBits / memoryBitsPerCycle;
      }
    }
    const streamed = mmDone - start;
    const waited = start - previousEnd;
    // Body: compute, or the slowest transfer plus the last tile's compute after its data
    // (drain); `limiter` indexes `LIMITERS`.
    let memoryLimiter = 1;
    let transfer = streamed;
    if (activationBusy > transfer) (transfer = activationBusy), (memoryLimiter = 2);
    if (weightBusy > transfer) (transfer = weightBusy), (memoryLimiter = 3);
    if (maskBusy > transfer) (transfer = maskBusy), (memoryLimiter = 4);
    const drained = transfer > 0 ? transfer + c[COST_TILE_CYCLES] : 0;
    let limiter = 0;
    let body = compute;
    if (drained > compute) (body = Math.ceil(drained)), (limiter = memoryLimiter);
    if (waited > body) limiter = 1; // the op waited longer on main memory than it ran
    // Fill: the buffers' access latency (main memory's is in its transfer time above).
    let fill = 0;
    if (c[COST_ACTIVATION_BITS] > 0) fill = x.activation.latencyCycles;
    if (c[COST_WEIGHT_BITS] > 0) fill = Math.max(fill, x.weight.latencyCycles);
    // A fused op hides in its producer's time (its lane-cycles are counted, not its cycles).
    // Fused ops and posted writes (stores) hide in the array's time; a store keeps the bus
    // busy, and the run ends when the bus is done.
    const fused = c[COST_FUSED] === 1;
    const end = fused ? previousEnd : start + body + fill;
    if (i === 0 && prefetchBits > 0 && !fused) {
      // The same first op with its independent loads done ahead (as in a later pass of a
      // sub-batched run): what such a pass saves, without scheduling it again.
      const streamedAhead = (mmBits - Math.min(prefetchBits, c[COST_PREFETCH_AHEAD_BITS])) / memoryBitsPerCycle;
      const transferAhead = Math.max(streamedAhead, activationBusy, weightBusy, maskBusy);
      const bodyAhead = transferAhead > 0 && transferAhead + c[COST_TILE_CYCLES] > compute ? Math.ceil(transferAhead + c[COST_TILE_CYCLES]) : compute;
      t.firstOpAheadSavingCycles = Math.max(0, end - (bodyAhead + fill));
    }
    const opCycles = end - previousEnd;
    busFree = mmDone;
    const prefetch = ahead / memoryBitsPerCycle;
    const mmBusy = mmBits / memoryBitsPerCycle;

    if (timeline) timeline.push(timelineEntry(ops, i, c, previousEnd, end, [compute, mmBusy, activationBusy, weightBusy, maskBusy], limiter, fill, prefetch));
    limiterCycles[limiter] += opCycles;
    if (fused && mmBits > 0) limiter = 1; // a posted store: the timeline shows it bound by main memory
    if (limiter === 0) t.computeBoundCycles += opCycles;
    else t.memoryBoundCycles += opCycles;
    // A fused op or posted store takes no array time: the op before it still holds the
    // array, so the next op's weights may keep loading from that op's start.
    if (!fused) {
      t.computeFloorCycles += compute;
      previousStart = start;
      previousEnd = end;
    }
    t.laneBusy += c[COST_LANE_BUSY];
    t.softmaxBusy += c[COST_SOFTMAX_BUSY];
    t.layerNormBusy += c[COST_LAYER_NORM_BUSY];
    t.peBusy += c[COST_PE_BUSY];
    t.macs += c[COST_MACS];
    t.mmReadBits += c[COST_MM_READ_BITS];
    t.mmWriteBits += c[COST_MM_WRITE_BITS];
    t.mmBusy += mmBusy;
    t.prefetchCycles += prefetch;
    t.activationBits += c[COST_ACTIVATION_BITS];
    t.weightBits += c[COST_WEIGHT_BITS];
    t.maskBits += c[COST_MASK_BITS];
    t.activationBusy += activationBusy;
    t.weightBusy += weightBusy;
    t.maskBusy += maskBusy;
    if (c[COST_SPILLED_ELEMS] > 0) {
      t.spilledElems += c[COST_SPILLED_ELEMS];
      t.spillOps++;
    }
    if (c[COST_PANELS] > 1) t.panelOps++;
  }
  t.cycles = previousEnd;
  t.busTailCycles = Math.max(0, Math.ceil(busFree) - previousEnd);
  for (let j = 0; j < LIMITERS.length; j++) t.limiterCycles[LIMITERS[j]] = limiterCycles[j];
  if (timeline) t.timeline = timeline;
  return t;
}

function timelineEntry(
  ops: OpTable, i: number, c: OpCost, start: number, end: number, levels: number[], limiter: number, fill: number, prefetch: number,
): TimelineEntry {
  const kind = ops.code[i * CODE_FIELDS + C_KIND];
  const levelCycles = {} as Record<Limiter, number>;
  for (let j = 0; j < LIMITERS.length; j++) levelCycles[LIMITERS[j]] = Math.ceil(levels[j]);
  const entry: TimelineEntry = {
    op: ops.name(i),
    kind: KIND_CODES[kind],
    layer: ops.layer(i),
    head: ops.num[i * NUM_FIELDS + F_HEAD],
    direction: DIRECTION_CODES[ops.code[i * CODE_FIELDS + C_DIRECTION]],
    // From the previous op's end: a wait for this op's prefetch is part of its time.
    startCycle: start,
    endCycle: end,
    computeCycles: c[COST_CYCLES],
    memoryCycles: Math.max(levelCycles.mainMemory, levelCycles.activationBuffer, levelCycles.weightBuffer, levelCycles.maskBuffer),
    bound: limiter === 0 ? 'compute' : 'memory',
    limiter: LIMITERS[limiter],
    levelCycles,
    fillCycles: fill,
    prefetchCycles: Math.ceil(prefetch),
    macs: c[COST_MACS],
    mainMemoryBytes: (c[COST_MM_READ_BITS] + c[COST_MM_WRITE_BITS]) / 8,
    bufferBytes: (c[COST_ACTIVATION_BITS] + c[COST_WEIGHT_BITS] + c[COST_MASK_BITS]) / 8,
  };
  const order = c[COST_ORDER];
  if ((kind === K_MATMUL || kind === K_CONV) && order !== ORDER_NONE) {
    entry.mapping = {
      order: ORDER_NAMES[order],
      waveRows: c[COST_WAVE_ROWS],
      waveCols: c[COST_WAVE_COLS],
      blocks: order === ORDER_WEIGHTS_STATIONARY || order === ORDER_ACTIVATIONS_STATIONARY ? c[COST_PANELS] : 1,
      mainMemoryPassesA: c[COST_PASSES_A],
      mainMemoryPassesB: c[COST_PASSES_B],
      bufferReadsA: c[COST_READS_A],
      bufferReadsB: c[COST_READS_B],
      bufferB: onActivationSide(ops.code[i * CODE_FIELDS + C_B]) ? 'activation' : 'weight',
    };
  }
  return entry;
}

