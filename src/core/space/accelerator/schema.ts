/**
 * The accelerator design space (docs/elector.md §12). Two variants exist: the
 * AccelTran one, and the TransCODE one whose mask buffer starts at 1 MB (the file
 * TransCODE's dataset generator and co-design validate against).
 */
import type { MemoryType } from './types.ts';

export type AcceleratorSpaceVariant = 'acceltran' | 'transcode';

export interface MemoryOption {
  type: MemoryType;
  banks: number;
  ranks: number;
  channels: number;
}

export interface AcceleratorSpace {
  variant: AcceleratorSpaceVariant;
  tileB: readonly number[];
  /** Allowed tile_x (= tile_y). */
  tileXY: readonly number[];
  nonLinearity: readonly ('relu' | 'gelu')[];
  pe: readonly number[];
  lanesPerPe: readonly number[];
  macsPerLane: readonly number[];
  softmaxPerPe: readonly number[];
  batchSize: readonly number[];
  activationBufferMB: readonly number[];
  weightBufferMB: readonly number[];
  maskBufferMB: readonly number[];
  /** Allowed (banks, ranks, channels) per memory type. */
  mainMemory: Readonly<Record<MemoryType, readonly MemoryOption[]>>;
}

const MAIN_MEMORY: AcceleratorSpace['mainMemory'] = {
  rram: [
    { type: 'rram', banks: 16, ranks: 2, channels: 2 },
    { type: 'rram', banks: 8, ranks: 2, channels: 4 },
    { type: 'rram', banks: 4, ranks: 2, channels: 8 },
    { type: 'rram', banks: 2, ranks: 2, channels: 16 },
    { type: 'rram', banks: 32, ranks: 2, channels: 1 },
    { type: 'rram', banks: 1, ranks: 2, channels: 32 },
  ],
  dram: [
    { type: 'dram', banks: 16, ranks: 2, channels: 2 },
    { type: 'dram', banks: 8, ranks: 2, channels: 4 },
    { type: 'dram', banks: 32, ranks: 2, channels: 1 },
    { type: 'dram', banks: 16, ranks: 4, channels: 1 },
  ],
  hbm: [{ type: 'hbm', banks: 32, ranks: 1, channels: 4 }],
};

export const ACCELTRAN_SPACE: AcceleratorSpace = {
  variant: 'acceltran',
  tileB: [1, 4],
  tileXY: [8, 16, 32],
  nonLinearity: ['relu', 'gelu'],
  pe: [64, 128, 256, 512, 1024],
  lanesPerPe: [8, 16, 32, 64, 128],
  macsPerLane: [1, 16],
  softmaxPerPe: [2, 4, 8, 16, 32, 64],
  batchSize: [4, 16, 32],
  activationBufferMB: [4, 8, 16, 32, 64],
  weightBufferMB: [8, 16, 32, 64, 128],
  maskBufferMB: [0.5, 1, 2, 4, 8, 16],
  mainMemory: MAIN_MEMORY,
};

export const TRANSCODE_SPACE: AcceleratorSpace = {
  ...ACCELTRAN_SPACE,
  variant: 'transcode',
  maskBufferMB: [1, 2, 4, 8, 16],
};

export function acceleratorSpace(variant: AcceleratorSpaceVariant = 'transcode'): AcceleratorSpace {
  return variant === 'acceltran' ? ACCELTRAN_SPACE : TRANSCODE_SPACE;
}

/**
 * `mem_idx` of the 12-number embedding → main memory (docs/elector.md §13).
 * The mode is `lb` iff the type is DRAM.
 */
export const MEMORY_INDEX: readonly MemoryOption[] = [
  MAIN_MEMORY.rram[0], MAIN_MEMORY.rram[1], MAIN_MEMORY.rram[2], MAIN_MEMORY.rram[3], MAIN_MEMORY.rram[4],
  MAIN_MEMORY.rram[5], MAIN_MEMORY.dram[0], MAIN_MEMORY.dram[1], MAIN_MEMORY.dram[2], MAIN_MEMORY.dram[3],
  MAIN_MEMORY.hbm[0],
];

/** The key the reference constants use for a memory configuration, e.g. `dram_32_2_1`. */
export function memoryKey(m: MemoryOption): string {
  return `${m.type}_${m.banks}_${m.ranks}_${m.channels}`;
}
