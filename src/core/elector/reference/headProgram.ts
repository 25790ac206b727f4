/**
 * One head's ops in a multi-head block (docs/elector.md §3.2, §3.3), costed once
 * and kept in preallocated arrays: compute ops as (cycles, tiles, is-softmax), and
 * the energy of each memory op. Identical heads in a layer (the common case) reuse
 * the costed program; only the sums are replayed, in order, per head.
 */
import { convTileMuls, convTiles, loadEnergyNJ, macCycles, noteInflation, storeEnergyNJ } from './costs.ts';
import { HEAD_LT, HEAD_SDP, HEAD_WMA, kernelOfKind } from './headKind.ts';
import { SEQUENCE_LENGTH, type ReferenceMachine } from './machine.ts';
import type { RunState } from './state.ts';

/** Most compute ops of one head: 17 backward MatMuls of a wma head. */
const MAX_COMPUTE_OPS = 17;
const MAX_MEMORY_OPS = 12;

export class HeadProgram {
  /** Compute ops in order, for the event simulation. */
  computeOps = 0;
  readonly cycles = new Float64Array(MAX_COMPUTE_OPS);
  readonly tiles = new Float64Array(MAX_COMPUTE_OPS);
  readonly isSoftmax = new Uint8Array(MAX_COMPUTE_OPS);
  hasSoftmax = false;

  /** Index of the softmax op (attention heads), else −1; cycles of the MAC ops before and after it. */
  softmaxIndex = -1;
  /** Cycles of the last MAC op before the softmax. */
  lastCyclesBeforeSoftmax = 0;
  cyclesBeforeSoftmax = 0;
  cyclesAfterSoftmax = 0;
  /** Σ cycles of the MAC ops: an integer, so any order gives it exactly. */
  macCycles = 0;
  /** Smallest MAC op duration; the attention closed form needs every op to take time. */
  minMacCycles = Infinity;

  /** Main-memory energy of each load, buffer energy of each store. */
  loads = 0;
  readonly loadNJ = new Float64Array(MAX_MEMORY_OPS);
  stores = 0;
  readonly storeNJ = new Float64Array(MAX_MEMORY_OPS);
  loadElements = 0;
  activationStoreElements = 0;
  weightStoreElements = 0;
  negativeConvOps = 0;

  reset(): void {
    this.computeOps = 0;
    this.hasSoftmax = false;
    this.softmaxIndex = -1;
    this.lastCyclesBeforeSoftmax = 0;
    this.cyclesBeforeSoftmax = 0;
    this.cyclesAfterSoftmax = 0;
    this.macCycles = 0;
    this.minMacCycles = Infinity;
    this.loads = 0;
    this.stores = 0;
    this.loadElements = 0;
    this.activationStoreElements = 0;
    this.weightStoreElements = 0;
    this.negativeConvOps = 0;
  }

  mac(tiles: number, cycles: number): void {
    this.tiles[this.computeOps] = tiles;
    this.cycles[this.computeOps] = cycles;
    this.isSoftmax[this.computeOps++] = 0;
    this.macCycles += cycles;
    if (this.hasSoftmax) this.cyclesAfterSoftmax += cycles;
    else {
      this.cyclesBeforeSoftmax += cycles;
      this.lastCyclesBeforeSoftmax = cycles;
    }
    if (cycles < this.minMacCycles) this.minMacCycles = cycles;
  }

  softmax(tiles: number, cycles: number): void {
    this.tiles[this.computeOps] = tiles;
    this.cycles[this.computeOps] = cycles;
    this.softmaxIndex = this.computeOps;
    this.isSoftmax[this.computeOps++] = 1;
    this.hasSoftmax = true;
  }

  /** `count` loads of `n` elements each. */
  load(m: ReferenceMachine, n: number, count: number): void {
    const e = loadEnergyNJ(m, n);
    for (let i = 0; i < count; i++) this.loadNJ[this.loads++] = e;
    this.loadElements += count * n;
  }

  /** `count` stores of `n` elements each. */
  store(m: ReferenceMachine, n: number, weight: boolean, count: number): void {
    const e = storeEnergyNJ(m, n, weight);
    for (let i = 0; i < count; i++) this.storeNJ[this.stores++] = e;
    if (weight) this.weightStoreElements += count * n;
    else this.activationStoreElements += count * n;
  }
}

/** Tile counts per dimension of one head: ⌈S/t⌉, ⌈h/t⌉, ⌈d/t⌉. */
interface HeadTiles {
  S: number;
  h: number;
  d: number;
}

/**
 * Pushes `count` identical MatMuls with the reference's five-factor tile count
 * ⌈b/tb⌉·⌈M/t⌉·⌈K/t⌉²·⌈N/t⌉ (§9 item 2), given per-dimension tile counts.
 */
function pushMatMul(m: ReferenceMachine, s: RunState, p: HeadProgram, rows: number, inner: number, cols: number, sigma: number, count: number): void {
  noteInflation(s, inner);
  const tiles = m.batchTiles * rows * inner * inner * cols;
  const c = macCycles(m, tiles, m.matmulTileMuls, sigma);
  for (let i = 0; i < count; i++) p.mac(tiles, c);
}

function headTiles(m: ReferenceMachine, h: number, d: number): HeadTiles {
  return { S: m.seqTiles, h: Math.ceil(h / m.tile), d: Math.ceil(d / m.tile) };
}

/** Forward head: weight loads, activation stores, and its MatMuls / softmax / conv. */
export function compileForwardHead(m: ReferenceMachine, s: RunState, p: HeadProgram, kind: number, h: number, d: number): void {
  p.reset();
  const S = SEQUENCE_LENGTH;
  const b = m.batch;
  const sigma = m.sigmaForward;
  if (kind === HEAD_SDP || kind === HEAD_WMA) {
    const wma = kind === HEAD_WMA;
    // Memory, in the reference's order: L q, k, v; St q, k, v; [L wma, St k]; St qk, softmax, sdp-v; L o; St o.
    p.load(m, b * h * d, 3);
    p.store(m, b * S * d, false, 3);
    if (wma) {
      p.load(m, b * d * d, 1);
      p.store(m, b * S * d, false, 1);
    }
    p.store(m, b * S * S, false, 2);
    p.store(m, b * S * d, false, 1);
    p.load(m, b * d * h, 1);
    p.store(m, b * S * h, false, 1);

    const t = headTiles(m, h, d);
    pushMatMul(m, s, p, t.S, t.h, t.d, sigma, 3); // q, k, v: (b,S,h)×(b,h,d)
    if (wma) pushMatMul(m, s, p, t.d, t.d, t.S, sigma, 1); // (b,d,d)×(b,d,S)
    pushMatMul(m, s, p, t.S, t.d, t.S, sigma, 1); // sdp-qk: (b,S,d)×(b,d,S)
    p.softmax(m.softmaxTiles, m.softmaxCycles);
    pushMatMul(m, s, p, t.S, t.S, t.d, sigma, 1); // sdp-v: (b,S,S)×(b,S,d)
    pushMatMul(m, s, p, t.S, t.d, t.h, sigma, 1); // o: (b,S,d)×(b,d,h)
  } else if (kind === HEAD_LT) {
    p.load(m, b * S * S, 1);
    p.store(m, b * S * h, false, 1);
    pushMatMul(m, s, p, m.seqTiles, m.seqTiles, Math.ceil(h / m.tile), sigma, 1); // (b,S,S)×(b,S,h)
  } else {
    const k = kernelOfKind(kind);
    p.load(m, b * k * h, 1);
    p.store(m, b * S * h, false, 1);
    const tiles = convTiles(m, h);
    const muls = convTileMuls(m, s, k);
    p.mac(tiles, macCycles(m, tiles, muls, sigma));
    if (muls < 0) p.negativeConvOps = 1;
  }
}

/**
 * Backward head: the reference's own gradient chain (§3.3 table) with a weight
 * store after each [wgt] MatMul; conv gets a kernel-128 weight-gradient conv; linear
 * transforms have nothing to learn and produce no ops.
 */
export function compileBackwardHead(m: ReferenceMachine, s: RunState, p: HeadProgram, kind: number, h: number, d: number): void {
  p.reset();
  const S = SEQUENCE_LENGTH;
  const b = m.batch;
  const sigma = m.sigmaBackward;
  if (kind === HEAD_SDP || kind === HEAD_WMA) {
    const t = headTiles(m, h, d);
    pushMatMul(m, s, p, t.d, t.S, t.h, sigma, 1); // o[wgt]: (b,d,S)×(b,S,h)
    pushMatMul(m, s, p, t.S, t.h, t.d, sigma, 1); // sdp-v[del]: (b,S,h)×(b,h,d)
    pushMatMul(m, s, p, t.S, t.S, t.d, sigma, 1); // sdp-v[wgt]: (b,S,S)×(b,S,d)
    pushMatMul(m, s, p, t.S, t.d, t.S, sigma, 1); // sdp-qk_k[del]: (b,S,d)×(b,d,S)
    pushMatMul(m, s, p, t.d, t.S, t.S, sigma, 1); // sdp_qk_k[wgt]: (b,d,S)×(b,S,S)
    pushMatMul(m, s, p, t.d, t.S, t.d, sigma, 1); // sdp-qk_q[del]: (b,d,S)×(b,S,d)
    pushMatMul(m, s, p, t.S, t.d, t.d, sigma, 1); // sdp_qk_q[wgt]: (b,S,d)×(b,d,d)
    if (kind === HEAD_WMA) {
      pushMatMul(m, s, p, t.d, t.S, t.S, sigma, 1); // wma[del]: (b,d,S)×(b,S,S)
      pushMatMul(m, s, p, t.d, t.S, t.d, sigma, 1); // wma[wgt]: (b,d,S)×(b,S,d)
    }
    pushMatMul(m, s, p, t.d, t.d, t.S, sigma, 1); // q[del]: (b,d,d)×(b,d,S)
    pushMatMul(m, s, p, t.h, t.S, t.d, sigma, 1); // q[wgt]: (b,h,S)×(b,S,d)
    pushMatMul(m, s, p, t.S, t.S, t.d, sigma, 1); // k[del]: (b,S,S)×(b,S,d)
    pushMatMul(m, s, p, t.h, t.S, t.d, sigma, 1); // k[wgt]: (b,h,S)×(b,S,d)
    pushMatMul(m, s, p, t.S, t.d, t.S, sigma, 1); // v[del]: (b,S,d)×(b,d,S)
    pushMatMul(m, s, p, t.h, t.S, t.S, sigma, 1); // v[wgt]: (b,h,S)×(b,S,S)
    // Weight stores after o, sdp-v, sdp_qk_k, sdp_qk_q, [wma], q, k, v.
    p.store(m, b * d * h, true, 1);
    p.store(m, b * S * d, true, 1);
    p.store(m, b * d * S, true, 1);
    p.store(m, b * S * d, true, 1);
    if (kind === HEAD_WMA) p.store(m, b * d * d, true, 1);
    p.store(m, b * h * d, true, 3);
  } else if (kind !== HEAD_LT) {
    const k = kernelOfKind(kind);
    const tiles = convTiles(m, h);
    const muls = convTileMuls(m, s, S);
    p.mac(tiles, macCycles(m, tiles, muls, sigma));
    if (muls < 0) p.negativeConvOps = 1;
    p.store(m, b * k * h, true, 1);
  }
}
