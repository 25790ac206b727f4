/**
 * The running totals of one reference simulation. One mutable object with a fixed
 * shape, so the hot path adds plain numbers and allocates nothing.
 *
 * Energy accumulators are added to in the reference's order (memory stream for
 * `buffer` and `mainMemory`, compute stream for the rest): floating-point sums
 * depend on it.
 */
import type { LayerLog } from './layerLog.ts';

export class RunState {
  /** While a layer is being logged for replay (layerLog.ts): every float term goes there too. */
  log: LayerLog | null = null;
  cycles = 0;
  bufferNJ = 0;
  mainMemoryNJ = 0;
  macDyn = 0;
  macLeak = 0;
  softmaxDyn = 0;
  softmaxLeak = 0;
  layerNormDyn = 0;
  layerNormLeak = 0;
  sparsityDyn = 0;
  sparsityLeak = 0;
  othersDyn = 0;
  othersLeak = 0;
  /** Tile count of the last tiled LN or softmax: what the next NL is charged (§9 item 1). */
  lastTiles = 0;

  /** Traffic, in elements. */
  loadElements = 0;
  activationStoreElements = 0;
  weightStoreElements = 0;

  /** Cycles by category, for breakdowns and tests. */
  embeddingCycles = 0;
  headBlockCycles = 0;
  layerNormCycles = 0;
  feedForwardCycles = 0;
  nonLinearityCycles = 0;
  loadCycles = 0;
  storeCycles = 0;

  /** Quirk tracking for warnings. */
  negativeConvOps = 0;
  /** Bit set of the kernels with negative work: 1 → k=9, 2 → k=13, 4 → k=128 (backward), 8 → other. */
  negativeConvKernels = 0;
  minInflation = Infinity;
  maxInflation = 0;
  nonLinearityOps = 0;
  staleNonLinearityOps = 0;
}

/** Cycles by category of one run (the reference's §6 worked example splits them this way). */
export interface ReferenceCycleBreakdown {
  embedding: number;
  /** Multi-head blocks: attention, linear-transform and convolution heads. */
  headBlocks: number;
  layerNorm: number;
  /** Flat MatMuls: feed-forward and projection layers (and their weight gradients). */
  feedForward: number;
  nonLinearity: number;
  /** Flat main-memory loads (FF weights); the embedding is counted separately. */
  loads: number;
  /** Flat buffer stores (FF outputs, weight gradients). */
  stores: number;
}

export function cycleBreakdown(s: RunState): ReferenceCycleBreakdown {
  return {
    embedding: s.embeddingCycles,
    headBlocks: s.headBlockCycles,
    layerNorm: s.layerNormCycles,
    feedForward: s.feedForwardCycles,
    nonLinearity: s.nonLinearityCycles,
    loads: s.loadCycles,
    stores: s.storeCycles,
  };
}
