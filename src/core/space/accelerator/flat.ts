/**
 * An accelerator's eleven numeric fields as one flat record keyed by path
 * (`tile.b`, `pe`, …), so table-driven code (embedding, sampling, snapping) can loop
 * over `NUMERIC_PARAMS` instead of spelling out every field.
 */
import type { NumericParamPath } from './params.ts';
import type { AcceleratorConfig, MainMemoryConfig, NonLinearity } from './types.ts';

export type AcceleratorNumbers = Record<NumericParamPath, number>;

export function flattenAccelerator(c: AcceleratorConfig): AcceleratorNumbers {
  return {
    'tile.b': c.tile.b,
    'tile.x': c.tile.x,
    'tile.y': c.tile.y,
    pe: c.pe,
    lanesPerPe: c.lanesPerPe,
    macsPerLane: c.macsPerLane,
    softmaxPerPe: c.softmaxPerPe,
    batchSize: c.batchSize,
    activationBufferMB: c.activationBufferMB,
    weightBufferMB: c.weightBufferMB,
    maskBufferMB: c.maskBufferMB,
  };
}

/** Builds a fresh config (no shared objects with the inputs). */
export function assembleAccelerator(
  n: AcceleratorNumbers,
  nonLinearity: NonLinearity,
  mainMemory: MainMemoryConfig,
): AcceleratorConfig {
  return {
    tile: { b: n['tile.b'], x: n['tile.x'], y: n['tile.y'] },
    nonLinearity,
    pe: n.pe,
    lanesPerPe: n.lanesPerPe,
    macsPerLane: n.macsPerLane,
    softmaxPerPe: n.softmaxPerPe,
    batchSize: n.batchSize,
    activationBufferMB: n.activationBufferMB,
    weightBufferMB: n.weightBufferMB,
    maskBufferMB: n.maskBufferMB,
    mainMemory: {
      type: mainMemory.type,
      banks: mainMemory.banks,
      ranks: mainMemory.ranks,
      channels: mainMemory.channels,
      mode: mainMemory.mode,
    },
  };
}
