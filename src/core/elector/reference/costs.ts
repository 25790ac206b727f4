/**
 * Per-op cycles and energy of the reference fast path (docs/elector.md §4, §6),
 * in closed form. Every expression keeps the reference's evaluation order, e.g.
 * `⌈((tiles·muls)/N_macs)·σ⌉` and `((E·n)·(1−s_w))/64`, which makes the doubles
 * bit-identical to it.
 */
import type { ReferenceMachine } from './machine.ts';
import { SEQUENCE_LENGTH } from './machine.ts';
import { LOG_BUFFER, LOG_CYCLES, LOG_LAYER_NORM_CYCLES, LOG_MAIN_MEMORY } from './layerLog.ts';
import type { RunState } from './state.ts';

/**
 * MatMul tile count with the reference's five factors: ⌈K/t⌉ appears twice
 * (§9 item 2), inflating the work by ⌈K/t⌉. Records that factor for the warning.
 */
export function matmulTiles(m: ReferenceMachine, s: RunState, rows: number, inner: number, cols: number): number {
  const t = m.tile;
  const k = Math.ceil(inner / t);
  noteInflation(s, k);
  return m.batchTiles * Math.ceil(rows / t) * k * k * Math.ceil(cols / t);
}

/** Records the inflation factor ⌈K/t⌉ of a MatMul for the warning. */
export function noteInflation(s: RunState, innerTiles: number): void {
  if (innerTiles < s.minInflation) s.minInflation = innerTiles;
  if (innerTiles > s.maxInflation) s.maxInflation = innerTiles;
}

/** MAC-array cycles of `tiles` tiles of `muls` multiplications each, scaled by sparsity σ. */
export function macCycles(m: ReferenceMachine, tiles: number, muls: number, sigma: number): number {
  return Math.ceil(((tiles * muls) / m.macs) * sigma);
}

/** Conv1D on (b,S,h): ⌈b/tb⌉·⌈S/t⌉·⌈h/t⌉ tiles. */
export function convTiles(m: ReferenceMachine, hidden: number): number {
  return m.batchTiles * m.seqTiles * Math.ceil(hidden / m.tile);
}

/**
 * Conv1D tile work tb·t·⌊(t−k)/1⌋ (§9 item 3): ignores k as a multiplier and is
 * negative when k > t. Records negative work for the warning.
 */
export function convTileMuls(m: ReferenceMachine, s: RunState, kernel: number): number {
  const muls = m.tileB * m.tile * Math.floor((m.tile - kernel) / 1);
  if (muls < 0) {
    s.negativeConvOps++;
    s.negativeConvKernels |= kernel === 9 ? 1 : kernel === 13 ? 2 : kernel === SEQUENCE_LENGTH ? 4 : 8;
  }
  return muls;
}

/** A MatMul outside head blocks (FF layers): lane energy only, no sparsity or "others" energy. */
export function flatMatMul(m: ReferenceMachine, s: RunState, rows: number, inner: number, cols: number, sigma: number): void {
  const c = macCycles(m, matmulTiles(m, s, rows, inner, cols), m.matmulTileMuls, sigma);
  s.cycles += c;
  s.feedForwardCycles += c;
  s.macDyn += m.laneDyn * c;
  s.macLeak += m.laneLeak * c;
  if (s.log !== null) s.log.add(LOG_CYCLES, c);
}

/** LayerNorm on (b,S,h). Its tile count becomes the stale count the next NL uses. */
export function layerNorm(m: ReferenceMachine, s: RunState, hidden: number): void {
  const tiles = m.batchTiles * m.seqTiles * Math.ceil(hidden / m.tile);
  s.lastTiles = tiles;
  const c = Math.ceil((tiles * m.normTileWork * m.keepActivation) / m.layerNormUnits);
  s.cycles += c;
  s.layerNormCycles += c;
  s.layerNormDyn += m.layerNormDyn * c;
  s.layerNormLeak += m.layerNormLeak * c;
  if (s.log !== null) s.log.add(LOG_LAYER_NORM_CYCLES, c);
}

/**
 * NonLinearity on (b,S,width): charged the stale tile count of the last LN or
 * softmax (§9 item 1), never its own. `width` only feeds the warning.
 */
export function nonLinearity(m: ReferenceMachine, s: RunState, width: number): void {
  const c = s.lastTiles;
  s.nonLinearityOps++;
  if (c !== m.batchTiles * m.seqTiles * Math.ceil(width / m.tile)) s.staleNonLinearityOps++;
  s.cycles += c;
  s.nonLinearityCycles += c;
  s.macDyn += m.laneDyn * c;
  s.macLeak += m.laneLeak * c;
  if (s.log !== null) s.log.add(LOG_CYCLES, c);
}

/** Main-memory energy of loading `n` elements; every load is scaled by (1−s_w), whatever its type. */
export function loadEnergyNJ(m: ReferenceMachine, n: number): number {
  return (m.mainLoadNJ * n * m.keepWeight) / m.mainBlock;
}

/** Buffer energy of storing `n` elements; not scaled by sparsity (§8 item 3). */
export function storeEnergyNJ(m: ReferenceMachine, n: number, weight: boolean): number {
  return weight ? (m.weightStoreNJ * n) / m.weightBlock : (m.activationStoreNJ * n) / m.activationBlock;
}

/** A flat load (FF weights): serial transfer time from main memory, plus energy. */
export function flatLoad(m: ReferenceMachine, s: RunState, n: number): void {
  const c = Math.ceil((n * m.wfWeight) / m.mainBandwidth);
  s.cycles += c;
  s.loadCycles += c;
  s.mainMemoryNJ += loadEnergyNJ(m, n);
  if (s.log !== null) s.log.add(LOG_MAIN_MEMORY, loadEnergyNJ(m, n));
  s.loadElements += n;
}

/** A flat store (FF outputs, weight gradients): serial transfer time into a buffer, plus energy. */
export function flatStore(m: ReferenceMachine, s: RunState, n: number, weight: boolean): void {
  const c = Math.ceil((n * (weight ? m.wfWeight : m.wfActivation)) / m.bufferBandwidth);
  s.cycles += c;
  s.storeCycles += c;
  s.bufferNJ += storeEnergyNJ(m, n, weight);
  if (s.log !== null) s.log.add(LOG_BUFFER, storeEnergyNJ(m, n, weight));
  if (weight) s.weightStoreElements += n;
  else s.activationStoreElements += n;
}
