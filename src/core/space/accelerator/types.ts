/**
 * An accelerator in the AccelTran / ELECTOR design space (docs/elector.md §1.2, §12).
 * Field names carry their units; sizes of buffers are in MB (2^20 bytes, as the reference).
 */
export type MemoryType = 'dram' | 'hbm' | 'rram';
/** Bandwidth mode of the reference model: `lb` (DRAM) or `hb` (HBM, RRAM). */
export type BandwidthMode = 'lb' | 'hb';
export type NonLinearity = 'relu' | 'gelu';

export interface MainMemoryConfig {
  type: MemoryType;
  banks: number;
  ranks: number;
  channels: number;
  /** Reference bandwidth mode; the embedding fixes it to `lb` for DRAM and `hb` otherwise. */
  mode: BandwidthMode;
}

export interface AcceleratorConfig {
  /** Tile sizes: batch `b`, and `x == y` (the reference requires square tiles). */
  tile: { b: number; x: number; y: number };
  nonLinearity: NonLinearity;
  /** Processing elements. */
  pe: number;
  /** MAC lanes per PE. */
  lanesPerPe: number;
  /** Multiply-accumulate units per lane. */
  macsPerLane: number;
  /** Softmax modules per PE. */
  softmaxPerPe: number;
  /** Sequences processed together. */
  batchSize: number;
  activationBufferMB: number;
  weightBufferMB: number;
  maskBufferMB: number;
  mainMemory: MainMemoryConfig;
}

/** The 12-number embedding: values, not indices (docs/elector.md §13). */
export type AcceleratorEmbedding = [
  tileB: number, tileX: number, tileY: number, pe: number, lanesPerPe: number, macsPerLane: number,
  softmaxPerPe: number, batchSize: number, activationBufferMB: number, weightBufferMB: number,
  maskBufferMB: number, memIdx: number,
];
