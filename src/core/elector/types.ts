/**
 * The one interface of ELECTOR: `simulate(model, accelerator, options)` with two
 * cost models. Units are in every name: cycles, seconds, nJ, mm², bytes.
 */
import type { ModelDict } from '../space/transformer/types.ts';
import type { AcceleratorConfig } from '../space/accelerator/types.ts';
import type { ReferenceConstants } from './constants/reference.ts';
import type { ElectorConstants } from './constants/elector.ts';

export type SimMode = 'inference' | 'training';
export type CostModel = 'elector' | 'reference';

/** Fractions of zeros in [0, 1). The default is the reference's 0.5 / 0.5 / 0.9. */
export interface Sparsity {
  activation: number;
  weight: number;
  gradient: number;
}

/**
 * Sparsity per op type and direction (elector model). Any entry left out falls back
 * to the global `Sparsity`. Op types: `matmul`, `conv`, `softmax`, `layerNorm`, `nonLinearity`.
 * DynaProp will fill this with measured values.
 */
export type SparsityByOp = Partial<Record<OpKind, Partial<Sparsity>>>;
export type OpKind = 'matmul' | 'conv' | 'softmax' | 'layerNorm' | 'nonLinearity';

export interface SimOptions {
  /** Default `inference`. */
  mode?: SimMode;
  /** Default `elector`. */
  costModel?: CostModel;
  /** Default 700 MHz (the reference clock). */
  clockMHz?: number;
  /** Default 0.5 / 0.5 / 0.9. */
  sparsity?: Partial<Sparsity>;
  /** Per-op overrides (elector model only). */
  sparsityByOp?: SparsityByOp;
  /** Overrides of the reference constants table (both models read module area and power from it). */
  referenceConstants?: DeepPartial<ReferenceConstants>;
  /** Overrides of the elector model's physical constants. */
  electorConstants?: DeepPartial<ElectorConstants>;
  /** Per-op timeline (elector model). Default true; sweeps turn it off for speed. */
  timeline?: boolean;
}

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

/** `[dynamic, leakage]` in nJ. */
export type DynLeakNJ = [dynamicNJ: number, leakageNJ: number];

/** The reference's energy keys, exactly (specs/elector.md §6 Output). */
export interface ReferenceEnergyNJ {
  buffer: number;
  mainMemory: number;
  macLanes: DynLeakNJ;
  softmax: DynLeakNJ;
  layerNorm: DynLeakNJ;
  sparsity: DynLeakNJ;
  others: DynLeakNJ;
}

/** Energy of the elector model: every module has dynamic and leakage parts. */
export type ElectorEnergyNJ = Record<
  'macLanes' | 'softmax' | 'layerNorm' | 'sparsity' | 'others' | 'activationBuffer' | 'weightBuffer' | 'maskBuffer' | 'mainMemory',
  DynLeakNJ
>;

export interface TimelineEntry {
  /** Op name, e.g. `q`, `sdp-qk`, `ff_2_1`, `ln_0_1`, `adamw`. */
  op: string;
  kind: OpKind | 'load' | 'store' | 'optimizer';
  /** 0-based layer, or -1 for ops outside layers (embedding, optimizer). */
  layer: number;
  /** 0-based head index within the layer, or -1. */
  head: number;
  direction: 'forward' | 'backward' | 'update';
  startCycle: number;
  endCycle: number;
  computeCycles: number;
  memoryCycles: number;
  bound: 'compute' | 'memory';
}

export interface MemoryTraffic {
  /** Bytes read from main memory. */
  mainMemoryReadBytes: number;
  /** Bytes written to main memory. */
  mainMemoryWriteBytes: number;
  /** Bytes moved through on-chip buffers (elector model; reference: stores only). */
  bufferBytes: number;
}

export interface SimResult {
  costModel: CostModel;
  mode: SimMode;
  clockMHz: number;
  cycles: number;
  latencyS: number;
  /** Sequences per second: batch size / latency. */
  throughputSeqPerS: number;
  areaMm2: number;
  /** Area by module, mm²; sums to `areaMm2`. */
  areaByModuleMm2: Record<string, number>;
  energyNJ: ReferenceEnergyNJ | ElectorEnergyNJ;
  dynamicNJ: number;
  leakageNJ: number;
  totalEnergyNJ: number;
  traffic: MemoryTraffic;
  /** Physically meaningless results, spills, and other things the user should know. */
  warnings: string[];
  /** Elector model only. */
  timeline?: TimelineEntry[];
  /** Elector model only: busy fraction of each module type over the run. */
  utilisation?: Record<string, number>;
  /** Elector model only: cycles where the bound was compute vs memory. */
  boundCycles?: { compute: number; memory: number };
  /** Batch size the latency covers. */
  batchSize: number;
  sparsity: Sparsity;
}
