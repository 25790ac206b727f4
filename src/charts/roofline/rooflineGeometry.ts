/**
 * The roofline of a per-op timeline: the accelerator's ceilings and one point per op.
 *
 * Every figure comes from the validation's own definitions, so the chart and
 * docs/elector-validation.md §1 can never disagree:
 *   - ceilings from `peaks()` (validation/hardware.ts): compute = MAC units, main memory =
 *     peak (wire-rate) bytes/cycle, each buffer = banks × 64 B per cycle;
 *   - each op's bounds from `rooflineRow()` (validation/roofline.ts): cycles the op needs at
 *     least on compute, main memory (bytes of its own time: weights prefetched during the
 *     previous op are not its time) and each buffer.
 * A point's intensity at a level is MACs ÷ the bytes that level moves in the op's time, so
 * "achieved rate ≤ ceiling at that intensity" is exactly "op cycles ≥ that level's bound".
 */
import type { AcceleratorConfig } from '../../core/space/accelerator/types.ts';
import type { Limiter, TimelineEntry } from '../../core/elector/types.ts';
import type { Peaks } from '../../core/elector/validation/hardware.ts';
import { rooflineRow } from '../../core/elector/validation/roofline.ts';

export type MemoryLevel = Exclude<Limiter, 'compute'>;
/** Outward from main memory: the order of the level selector and the ceilings' legend. */
export const MEMORY_LEVELS: readonly MemoryLevel[] = ['mainMemory', 'activationBuffer', 'weightBuffer', 'maskBuffer'];

export interface RooflineCeilings {
  /** MAC units: pe × lanesPerPe × macsPerLane. */
  computeMacsPerCycle: number;
  /** Peak bandwidth of each level, bytes per cycle. */
  bytesPerCycle: Record<MemoryLevel, number>;
}

export function rooflineCeilings(p: Peaks): RooflineCeilings {
  return {
    computeMacsPerCycle: p.macUnits,
    bytesPerCycle: {
      mainMemory: p.memory.peakBytesPerCycle,
      activationBuffer: p.activation.bitsPerCycle / 8,
      weightBuffer: p.weight.bitsPerCycle / 8,
      maskBuffer: p.mask.bitsPerCycle / 8,
    },
  };
}

/** The roof over one level: min(compute, intensity × bandwidth), MAC/cycle. */
export function ceilingMacsPerCycle(c: RooflineCeilings, level: MemoryLevel, macsPerByte: number): number {
  return Math.min(c.computeMacsPerCycle, macsPerByte * c.bytesPerCycle[level]);
}

/** Intensity where a level's slope meets the compute ceiling (the ridge), MAC/byte. */
export function ridgeMacsPerByte(c: RooflineCeilings, level: MemoryLevel): number {
  return c.computeMacsPerCycle / c.bytesPerCycle[level];
}

export interface RooflinePoint {
  /** Index into the timeline: the key the hover link shares with the Gantt chart. */
  entry: number;
  kind: TimelineEntry['kind'];
  macs: number;
  cycles: number;
  /** Achieved rate: MACs ÷ op cycles. */
  macsPerCycle: number;
  /** Bytes each level moves during the op's own time. */
  bytes: Record<MemoryLevel, number>;
  /** MACs ÷ bytes per level; Infinity where the level moves nothing (drawn at the right edge). */
  macsPerByte: Record<MemoryLevel, number>;
  /** The lowest roof over this op across compute and every level: MACs ÷ the largest bound. */
  attainableMacsPerCycle: number;
  /** Which roof that is. */
  ceiling: Limiter;
  /** macsPerCycle ÷ attainableMacsPerCycle (≤ 1 when the model respects its own peaks). */
  ofCeiling: number;
}

export interface RooflinePoints {
  points: RooflinePoint[];
  /** Ops left out: no MACs of their own (softmax, layer norm, loads, stores, optimizer) … */
  noMacs: number;
  /** … of these kinds (for the note under the chart) … */
  noMacsKinds: TimelineEntry['kind'][];
  /** … or fused into their producer (no cycles of their own, so no rate). */
  fused: number;
}

/** One point per op with MACs and cycles of its own; the rest are counted, not drawn. */
export function rooflinePoints(entries: readonly TimelineEntry[], p: Peaks, acc: AcceleratorConfig): RooflinePoints {
  const c = rooflineCeilings(p);
  const points: RooflinePoint[] = [];
  let noMacs = 0, fused = 0;
  const noMacsKinds = new Set<TimelineEntry['kind']>();
  entries.forEach((e, entry) => {
    const macs = e.macs ?? 0;
    const cycles = e.endCycle - e.startCycle;
    if (!(macs > 0) || !e.levelCycles) {
      noMacsKinds.add(e.kind);
      return void noMacs++;
    }
    if (!(cycles > 0)) return void fused++;
    // denseMacs 0: only the bounds are used, not the gap terms that need the op's dense shape.
    const row = rooflineRow(e, 0, p, acc);
    const bytes: Record<MemoryLevel, number> = {
      mainMemory: (e.mainMemoryBytes ?? 0) - row.prefetchedBytes,
      activationBuffer: row.bufferBound.activationBuffer * c.bytesPerCycle.activationBuffer,
      weightBuffer: row.bufferBound.weightBuffer * c.bytesPerCycle.weightBuffer,
      maskBuffer: row.bufferBound.maskBuffer * c.bytesPerCycle.maskBuffer,
    };
    const macsPerByte = Object.fromEntries(
      MEMORY_LEVELS.map((l) => [l, bytes[l] > 0 ? macs / bytes[l] : Infinity]),
    ) as Record<MemoryLevel, number>;
    const attainable = row.maxBound > 0 ? macs / row.maxBound : c.computeMacsPerCycle;
    const macsPerCycle = macs / cycles;
    points.push({
      entry, kind: e.kind, macs, cycles, macsPerCycle, bytes, macsPerByte,
      attainableMacsPerCycle: attainable, ceiling: row.boundBy, ofCeiling: macsPerCycle / attainable,
    });
  });
  return { points, noMacs, noMacsKinds: [...noMacsKinds], fused };
}
