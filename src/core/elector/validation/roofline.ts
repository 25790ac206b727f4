/**
 * Section 1 of docs/elector-validation.md: each op of one layer against its roofline.
 *
 * Bounds (cycles), from the op's own work and the hardware's peaks:
 *   compute      = MACs ÷ MAC units (pe · lanesPerPe · macsPerLane), MACs after zero-skipping;
 *   main memory  = bytes the op moves during its own time ÷ peak (wire-rate) bytes per cycle;
 *                  bytes loaded ahead, during the previous op (prefetch), are not its time;
 *   each buffer  = bits through it ÷ its bank bandwidth (banks × 64 B per cycle).
 * The model's cycles must be ≥ the largest bound. What lies above it is split into
 * terms the model adds on purpose:
 *   padding & waves: compute cycles − MACs ÷ MAC units (edge tiles run full, the last
 *                    wave of tiles leaves lanes idle);
 *   η:               main-memory time at the streaming efficiency η, minus the same at peak;
 *   latency:         the first-word latency of main memory (when nothing was loaded ahead);
 *   drain:           the last tile's compute after its data has arrived;
 *   fill:            the buffers' access latency;
 *   wait & rounding: the rest (waiting for a bus still busy with earlier posted writes,
 *                    and whole-cycle rounding).
 */
import type { AcceleratorConfig } from '../../space/accelerator/types.ts';
import type { ModelDict } from '../../space/transformer/types.ts';
import type { Limiter, SimResult, TimelineEntry } from '../types.ts';
import { denseWork, uniformBert } from './bertShapes.ts';
import type { Peaks } from './hardware.ts';

export type GapTerm = 'paddingWaves' | 'eta' | 'latency' | 'drain' | 'fill' | 'wait';
export const GAP_TERMS: readonly GapTerm[] = ['paddingWaves', 'eta', 'latency', 'drain', 'fill', 'wait'];
export const GAP_TERM_NAMES: Record<GapTerm, string> = {
  paddingWaves: 'padding & waves',
  eta: 'η',
  latency: 'latency',
  drain: 'drain',
  fill: 'fill',
  wait: 'wait & rounding',
};

export interface RooflineRow {
  op: string;
  direction: TimelineEntry['direction'];
  /** The model's cycles for the op (0 for an op fused into its producer). */
  cycles: number;
  fused: boolean;
  limiter: Limiter;
  macs: number;
  /** Operand density the model used: MACs ÷ dense MACs of the shape (1 where there is no MAC work). */
  density: number;
  computeBound: number;
  mainMemoryBound: number;
  /** Bytes loaded ahead during the previous op (excluded from the main-memory bound). */
  prefetchedBytes: number;
  bufferBound: Record<'activationBuffer' | 'weightBuffer' | 'maskBuffer', number>;
  maxBound: number;
  /** Which bound is the largest. */
  boundBy: Limiter;
  /** cycles ÷ maxBound (NaN for fused ops). */
  ratio: number;
  terms: Record<GapTerm, number>;
  /** The largest term, when the ratio exceeds 1.2. */
  reason?: GapTerm;
}

/** Tile cycles of the op's unit (the drain), by kind and density. */
function tileCycles(e: TimelineEntry, density: number, p: Peaks, acc: AcceleratorConfig): number {
  switch (e.kind) {
    case 'matmul':
      return Math.ceil((p.tileMacs * density) / p.macsPerLane);
    case 'nonLinearity':
      return Math.ceil((acc.tile.b * acc.tile.x ** 2 * density) / p.macsPerLane);
    case 'softmax':
    case 'layerNorm':
      return p.normTileCycles;
    default:
      return 0;
  }
}

/**
 * One timeline entry against its bounds. `denseMacs` 0 means no MAC-lane work of its own.
 * `share`: the fraction of the op the entry shows (the optimizer's row is 1/accumulationSteps of a step).
 */
export function rooflineRow(e: TimelineEntry, denseMacs: number, p: Peaks, acc: AcceleratorConfig, share = 1): RooflineRow {
  const level = e.levelCycles!;
  const macs = e.macs ?? 0;
  const density = denseMacs > 0 ? macs / denseMacs : 1;
  const bytes = e.mainMemoryBytes ?? 0;
  const prefetchedBytes = Math.min(bytes, (e.prefetchCycles ?? 0) * p.memory.bytesPerCycle);
  const ownBytes = bytes - prefetchedBytes;
  const computeBound = macs / p.macUnits;
  const mainMemoryBound = ownBytes / p.memory.peakBytesPerCycle;
  const bufferBound = { activationBuffer: level.activationBuffer, weightBuffer: level.weightBuffer, maskBuffer: level.maskBuffer };
  const candidates: [Limiter, number][] = [
    ['compute', computeBound], ['mainMemory', mainMemoryBound],
    ['activationBuffer', bufferBound.activationBuffer], ['weightBuffer', bufferBound.weightBuffer], ['maskBuffer', bufferBound.maskBuffer],
  ];
  let [boundBy, maxBound] = candidates[0];
  for (const [k, v] of candidates) if (v > maxBound) [boundBy, maxBound] = [k, v];
  const cycles = e.endCycle - e.startCycle;
  const fused = cycles === 0 && e.kind !== 'optimizer';
  const limiter = e.limiter!;
  const terms: Record<GapTerm, number> = { paddingWaves: 0, eta: 0, latency: 0, drain: 0, fill: e.fillCycles ?? 0, wait: 0 };
  if (!fused) {
    let explained: number;
    if (limiter === 'compute') {
      terms.paddingWaves = level.compute - computeBound;
      explained = level.compute + terms.fill;
    } else {
      terms.drain = tileCycles(e, density, p, acc);
      if (limiter === 'mainMemory') {
        terms.eta = ownBytes / p.memory.bytesPerCycle - mainMemoryBound;
        if (bytes > 0 && (e.prefetchCycles ?? 0) === 0) terms.latency = p.memory.latencyCycles * share;
        explained = mainMemoryBound + terms.eta + terms.latency + terms.drain + terms.fill;
      } else {
        explained = bufferBound[limiter] + terms.drain + terms.fill;
      }
    }
    terms.wait = cycles - explained;
  }
  const ratio = fused ? NaN : cycles / maxBound;
  const row: RooflineRow = {
    op: e.op, direction: e.direction, cycles, fused, limiter, macs, density, computeBound, mainMemoryBound, prefetchedBytes,
    bufferBound, maxBound, boundBy, ratio, terms,
  };
  if (ratio > 1.2) {
    let best: GapTerm = 'wait';
    for (const k of GAP_TERMS) if (terms[k] > terms[best]) best = k;
    row.reason = best;
  }
  return row;
}

/**
 * The rows of one layer of a uniform BERT run (and, in training, the optimizer's share
 * per micro-batch). `batch` is the sequences of the pass the timeline shows.
 */
export function layerRoofline(result: SimResult, model: ModelDict, acc: AcceleratorConfig, p: Peaks, layer: number): RooflineRow[] {
  if (!result.timeline) throw new Error('layerRoofline: the result has no timeline');
  const shape = uniformBert(model);
  const batch = result.run?.subBatch ?? acc.batchSize;
  const seqLen = result.run?.seqLen ?? 128;
  const rows: RooflineRow[] = [];
  for (const e of result.timeline) {
    if (e.layer === layer && e.kind !== 'load' && e.kind !== 'store') rows.push(rooflineRow(e, denseWork(e.op, shape, batch, seqLen), p, acc));
    else if (e.kind === 'optimizer') rows.push(rooflineRow(e, 0, p, acc, 1 / (result.run?.accumulationSteps ?? 1)));
  }
  return rows;
}
