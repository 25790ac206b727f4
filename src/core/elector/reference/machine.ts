/**
 * Everything the reference fast simulator derives from the accelerator, the
 * constants and the options, computed once per call (docs/elector.md §6 Setup).
 * The hot path then reads plain numbers from one object.
 *
 * Energy factors keep the reference's evaluation order, `((P·N)/f)·c`, so that
 * multiplying a factor by a cycle or tile count gives the reference's double bit for
 * bit. `f` is the caller's clock: energy per cycle is P/f physically, so a faster
 * clock costs less energy per cycle; at 700 MHz this is the reference exactly.
 */
import type { AcceleratorConfig } from '../../space/accelerator/types.ts';
import { memoryKey } from '../../space/accelerator/schema.ts';
import { laneConstant, tileConstant } from '../area.ts';
import type { ReferenceConstants } from '../constants/reference.ts';
import type { SimMode, Sparsity } from '../types.ts';

/** Sequence length and vocabulary, hard-coded in the reference. */
export const SEQUENCE_LENGTH = 128;
export const VOCABULARY = 30522;

export interface ReferenceRunOptions {
  mode: SimMode;
  clockMHz: number;
  /** Complete sparsity (the public `simulate` fills defaults from the constants). */
  sparsity: Sparsity;
  constants: ReferenceConstants;
}

export interface ReferenceMachine {
  /** Config batch size `b`; every tensor, weights included, carries it. */
  batch: number;
  tileB: number;
  /** `t = tile_x = tile_y`. */
  tile: number;
  /** ⌈b/tb⌉. */
  batchTiles: number;
  /** ⌈S/t⌉. */
  seqTiles: number;
  macs: number;
  layerNormUnits: number;
  softmaxUnits: number;
  /** Work of one MatMul tile, tb·t³. */
  matmulTileMuls: number;
  /** Work of one LN or softmax tile as the fast path counts it, tb·(tx+ty). */
  normTileWork: number;
  /** (1−s_a) forward and (1−s_g) backward MAC scale. */
  sigmaForward: number;
  sigmaBackward: number;
  keepActivation: number;
  keepWeight: number;
  /** Bits per stored element, bits·(1−s). */
  wfActivation: number;
  wfWeight: number;
  mainBandwidth: number;
  bufferBandwidth: number;
  /** Softmax tiles and cycles: the same for every softmax, (b,S,S). */
  softmaxTiles: number;
  softmaxCycles: number;
  /** nJ per MAC-array cycle, dynamic and leakage. */
  laneDyn: number;
  laneLeak: number;
  softmaxDyn: number;
  softmaxLeak: number;
  layerNormDyn: number;
  layerNormLeak: number;
  /** nJ per tile of a MAC op inside a head block. */
  sparsityDyn: number;
  sparsityLeak: number;
  othersDyn: number;
  othersLeak: number;
  /** e·√MB of the store buffers, and the main-memory access energy, nJ per block. */
  activationStoreNJ: number;
  weightStoreNJ: number;
  activationBlock: number;
  weightBlock: number;
  mainLoadNJ: number;
  mainBlock: number;
  weightBufferBits: number;
}

export function buildMachine(acc: AcceleratorConfig, o: ReferenceRunOptions): ReferenceMachine {
  const c = o.constants;
  const t = acc.tile.x;
  const tb = acc.tile.b;
  const f = o.clockMHz;
  const lanes = acc.pe * acc.lanesPerPe;
  const softmaxUnits = acc.pe * acc.softmaxPerPe;
  const layerNormUnits = acc.pe;
  const bits = c.bits.integer + c.bits.fraction;
  const keepActivation = 1 - o.sparsity.activation;
  const lane = laneConstant(c, acc);
  const softmax = tileConstant(c.softmax, t, 'softmax');
  const layerNorm = tileConstant(c.layerNorm, t, 'layer-norm');
  const spDyn = c.preSparsity.dynamicMW + c.postSparsity.dynamicMW;
  const spLeak = c.preSparsity.leakageMW + c.postSparsity.leakageMW;
  const training = o.mode === 'training';
  let othDyn = c.dma.dynamicMW + c.fifo.dynamicMW + c.dataflow.dynamicMW;
  let othLeak = c.dma.leakageMW + c.fifo.leakageMW + c.dataflow.leakageMW;
  if (training) {
    othDyn += c.stochasticRounding.dynamicMW;
    othLeak += c.stochasticRounding.leakageMW;
  }
  const key = memoryKey(acc.mainMemory);
  const mainLoadNJ = c.mainMemory.energyNJPerBlock[key];
  if (mainLoadNJ === undefined) throw new Error(`mainMemory: no reference access energy for ${key}`);

  const batchTiles = Math.ceil(acc.batchSize / tb);
  const seqTiles = Math.ceil(SEQUENCE_LENGTH / t);
  const normTileWork = tb * (t + acc.tile.y);
  const softmaxTiles = batchTiles * seqTiles * seqTiles;
  return {
    batch: acc.batchSize,
    tileB: tb,
    tile: t,
    batchTiles,
    seqTiles,
    macs: lanes * acc.macsPerLane,
    layerNormUnits,
    softmaxUnits,
    matmulTileMuls: tb * t * t * t,
    normTileWork,
    sigmaForward: keepActivation,
    sigmaBackward: 1 - o.sparsity.gradient,
    keepActivation,
    keepWeight: 1 - o.sparsity.weight,
    wfActivation: bits * keepActivation,
    wfWeight: bits * (1 - o.sparsity.weight),
    mainBandwidth: c.mainMemory.bandwidth[acc.mainMemory.mode],
    bufferBandwidth: c.activationBuffer.bandwidth,
    softmaxTiles,
    softmaxCycles: Math.ceil((softmaxTiles * tb * (t + acc.tile.y) * keepActivation) / softmaxUnits),
    laneDyn: (lane.dynamicMW * lanes) / f,
    laneLeak: (lane.leakageMW * lanes) / f,
    softmaxDyn: (softmax.dynamicMW * softmaxUnits) / f,
    softmaxLeak: (softmax.leakageMW * softmaxUnits) / f,
    layerNormDyn: (layerNorm.dynamicMW * layerNormUnits) / f,
    layerNormLeak: (layerNorm.leakageMW * layerNormUnits) / f,
    sparsityDyn: (spDyn * lanes) / f,
    sparsityLeak: (spLeak * lanes) / f,
    othersDyn: (othDyn * acc.pe) / f,
    othersLeak: (othLeak * acc.pe) / f,
    activationStoreNJ: c.activationBuffer.energyNJPerBlock * Math.sqrt(acc.activationBufferMB),
    weightStoreNJ: c.weightBuffer.energyNJPerBlock * Math.sqrt(acc.weightBufferMB),
    activationBlock: c.activationBuffer.blockSize,
    weightBlock: c.weightBuffer.blockSize,
    mainLoadNJ,
    mainBlock: c.mainMemory.blockSize,
    weightBufferBits: acc.weightBufferMB * 1024 * 1024 * 8,
  };
}
