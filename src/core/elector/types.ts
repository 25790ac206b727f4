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
  /** Tokens per sequence, an integer in [32, 512] (`RUN_SETTING_LIMITS.seqLen`). Default 128. */
  seqLen?: number;
  /**
   * Training (elector model): micro-batches of `accelerator.batchSize` sequences whose
   * gradients are summed before one optimizer step. Default 8 (8 × 4 = 32 sequences).
   */
  accumulationSteps?: number;
  /** Training or inference (elector model): add BERT's masked-language-model head (tied decoder). Default false. */
  mlmHead?: boolean;
  /** Elector model: idle compute units are power-gated (no leakage while idle). Default true. */
  powerGating?: boolean;
  /** Elector model: what the mapper optimises when it cuts a batch into passes (`MAPPING_OBJECTIVES`). Default `balanced`. */
  mappingObjective?: MappingObjective;
}

/**
 * What the elector model's mapper optimises when it cuts a batch into passes (docs/elector-model.md §4):
 * - `balanced` (default): the fastest mapping that spends at most (T_half / T)^0.1 times the
 *   energy per sequence of running the batch as half-size passes;
 * - `time`: the fastest mapping, every sub-batch tried: more hardware is then never slower;
 * - `energy`: the fastest mapping that spends no more energy per sequence than half-size passes:
 *   per-sequence energy then never grows with the batch.
 */
export const MAPPING_OBJECTIVES = ['balanced', 'time', 'energy'] as const;
export type MappingObjective = (typeof MAPPING_OBJECTIVES)[number];

/** Defaults and ranges of the run settings, shared by validation, editors, links and the CLI. */
export const RUN_SETTING_LIMITS = {
  seqLen: { min: 32, max: 512, default: 128 },
  accumulationSteps: { min: 1, max: 1024, default: 8 },
  clockMHz: { min: 1, max: 10_000, default: 700 },
  mappingObjective: { values: MAPPING_OBJECTIVES, default: 'balanced' },
} as const;

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

/** `[dynamic, leakage]` in nJ. */
export type DynLeakNJ = [dynamicNJ: number, leakageNJ: number];

/** The reference's energy keys, exactly (docs/elector.md §6 Output). */
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

/** Which resource set an op's time (elector model). */
export type Limiter = 'compute' | 'mainMemory' | 'activationBuffer' | 'weightBuffer' | 'maskBuffer';

/**
 * How the mapper laid an op onto the hardware (elector model, products and convolutions).
 * - `order`: the operand held in the buffer while the other streams past it:
 *   `weights-stationary` (a panel of B stays, A streams once per panel),
 *   `activations-stationary` (a block of A rows stays, B streams once per block),
 *   `fits` (every operand fits at once: each crosses main memory at most once).
 * - `waveRows × waveCols`: output tiles one wave of the array computes; A tiles are
 *   broadcast along a row, B tiles down a column (each buffer read feeds that many lanes).
 */
export interface OpMapping {
  order: 'fits' | 'weights-stationary' | 'activations-stationary';
  waveRows: number;
  waveCols: number;
  /** Buffer blocks the op is cut into (panels of B or blocks of A). */
  blocks: number;
  /** How many times A and B cross main memory (0: on chip already, or generated on chip). */
  mainMemoryPassesA: number;
  mainMemoryPassesB: number;
  /** How many times each element of A and B is read from its buffer into the lanes. */
  bufferReadsA: number;
  bufferReadsB: number;
  /** The buffer B lives in: weights and fixed transforms in the weight buffer, activations and gradients in the activation buffer. */
  bufferB: 'activation' | 'weight';
}

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
  /** Elector model: the resource that set the op's time, and each resource's busy cycles. */
  limiter?: Limiter;
  levelCycles?: Record<Limiter, number>;
  /** Cycles of fill and drain (latencies, first and last tile) added to the bound. */
  fillCycles?: number;
  /** Main-memory cycles of this op's weights loaded ahead, during the previous op. */
  prefetchCycles?: number;
  /** Useful MACs after zero-skipping. */
  macs?: number;
  mainMemoryBytes?: number;
  bufferBytes?: number;
  /** Products and convolutions: the mapping chosen. */
  mapping?: OpMapping;
}

export interface MemoryTraffic {
  /** Bytes read from main memory. */
  mainMemoryReadBytes: number;
  /** Bytes written to main memory. */
  mainMemoryWriteBytes: number;
  /** Bytes moved through on-chip buffers (elector model; reference: stores only). */
  bufferBytes: number;
}

/** What both cost models report. */
interface SimResultCommon {
  mode: SimMode;
  clockMHz: number;
  cycles: number;
  latencyS: number;
  /** Sequences per second: batch size / latency. */
  throughputSeqPerS: number;
  areaMm2: number;
  /** Area by module, mm²; sums to `areaMm2`. */
  areaByModuleMm2: Record<string, number>;
  dynamicNJ: number;
  leakageNJ: number;
  totalEnergyNJ: number;
  traffic: MemoryTraffic;
  /** Physically meaningless results, spills, and other things the user should know. */
  warnings: string[];
  /** Batch size the latency covers. */
  batchSize: number;
  sparsity: Sparsity;
}

/** The elector model's result: energy by module as [dynamic, leakage], the per-op timeline and what bound it. */
export interface ElectorSimResult extends SimResultCommon {
  costModel: 'elector';
  energyNJ: ElectorEnergyNJ;
  /** Per-op timeline, when asked for (`timeline: true`). */
  timeline?: TimelineEntry[];
  /** Busy fraction of each module type over the run. */
  utilisation: Record<string, number>;
  /** Cycles where the bound was compute vs memory. */
  boundCycles: { compute: number; memory: number };
  /** The run settings that shaped the result. */
  run: ElectorRunInfo;
}

/** The reference simulator's result, with its own energy breakdown and nothing per op. */
export interface ReferenceSimResult extends SimResultCommon {
  costModel: 'reference';
  energyNJ: ReferenceEnergyNJ;
  timeline?: undefined;
  utilisation?: undefined;
  boundCycles?: undefined;
  run?: undefined;
}

/**
 * One simulation, tagged by the cost model that made it: `r.costModel === 'elector'`
 * narrows the energy breakdown and the per-op fields, so no consumer has to
 * inspect the energy object's shape at run time.
 */
export type SimResult = ElectorSimResult | ReferenceSimResult;

export interface ElectorRunInfo {
  seqLen: number;
  mlmHead: boolean;
  powerGating: boolean;
  /** What the mapper optimised when it chose the passes (`MAPPING_OBJECTIVES`). */
  mappingObjective: MappingObjective;
  /**
   * Sequences the accelerator carries through the layers at once. Smaller than the batch
   * when passes of fewer sequences are faster, by the mapping objective's rule (they keep
   * activations on chip, or overlap one pass's loads and stores with the next one's work):
   * the batch then runs as batchSize / subBatch passes (the timeline shows one pass).
   */
  subBatch: number;
  /** Training: micro-batches per optimizer step. */
  accumulationSteps?: number;
  /**
   * Training: the optimizer step (gradient-norm read for clipping, AdamW) for one global
   * batch. Its share per micro-batch (÷ accumulationSteps) is included in cycles and energy.
   */
  optimizer?: { cyclesPerStep: number; energyNJPerStep: number; sharePerMicroBatch: number; mainMemoryBytesPerStep: number };
}
