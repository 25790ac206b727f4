/**
 * Appenders of op rows with the common defaults filled in, so the model decomposition
 * reads like the maths it follows. Each writes one row of the table (opTable.ts) and
 * fills in what the shape alone fixes: operand sizes and the activation working set.
 */
import { classCode, onActivationSide, type OpTable } from './opTable.ts';
import * as opTableModule from './opTable.ts';
// Imported bindings are live: V8 reads them through the module's cell at each use and cannot
// fold them. The cost loop reads these per op, so it works on constant copies.
const {
  C_A, C_ACT, C_B, C_FLAGS, C_OUT, C_WEIGHT, CODE_FIELDS, D_FORWARD, D_UPDATE, F_A_ELEMS, F_B_ELEMS, F_BATCH, F_BIAS, F_CHANNELS,
  F_COLS, F_ELEMS, F_GROUPS, F_INPUTS, F_K, F_M, F_N, F_OUT_ELEMS, F_PARAM_ELEMS, F_PARAMS, F_POSITIONS, F_ROWS, F_STASH, F_TAPS,
  F_WORKING_SET, FLAG_ACTIVATION_BUFFER, FLAG_B_SHARED, FLAG_OUT_REDUCED, K_CONV, K_LAYER_NORM, K_LOAD, K_MATMUL,
  K_NON_LINEARITY, K_OPTIMIZER, K_SOFTMAX, K_STORE, NUM_FIELDS, S_NONE,
} = opTableModule;
import type { ElementwiseOp, TensorClass, TransferOp } from './opTypes.ts';

/** Where an op sits: layer, first head of its group (-1: layer-wide), and its name's group prefix. */
export interface OpPlace {
  layer: number;
  head: number;
  /** Prepended to every op name of a head group, e.g. `sa_sdp×12 `; '' for layer-wide ops. */
  prefix: string;
}

export function transfer(
  t: OpTable,
  kind: TransferOp['kind'],
  name: string,
  at: OpPlace,
  s: { elems: number; tensor: TensorClass; buffer: TransferOp['buffer'] },
): number {
  const i = t.add(kind === 'load' ? K_LOAD : K_STORE, D_FORWARD, at.layer, at.head, at.prefix, name, S_NONE);
  const n = i * NUM_FIELDS;
  const activation = s.buffer === 'activation';
  t.num[n + F_ELEMS] = s.elems;
  t.num[n + F_WORKING_SET] = activation ? s.elems : 0;
  t.code[i * CODE_FIELDS + C_A] = classCode(s.tensor);
  t.code[i * CODE_FIELDS + C_FLAGS] = activation ? FLAG_ACTIVATION_BUFFER : 0;
  return i;
}

export function optimizer(t: OpTable, name: string, params: number): number {
  const i = t.add(K_OPTIMIZER, D_UPDATE, -1, -1, '', name, S_NONE);
  t.num[i * NUM_FIELDS + F_PARAMS] = params;
  return i;
}

export interface MatmulShape {
  batch: number;
  groups?: number;
  m: number;
  k: number;
  n: number;
  a: TensorClass;
  b: TensorClass;
  out: TensorClass;
  /** B is shared by all sequences of the batch (weights, transform matrices). */
  bShared?: boolean;
  /** The output is summed over the batch (weight gradients). */
  outReduced?: boolean;
  biasElems?: number;
  stashElems?: number;
}

/** Batched C = A·B: `groups` products (heads), each over `batch` sequences of M×K · K×N. */
export function matmul(t: OpTable, name: string, at: OpPlace, s: MatmulShape): number {
  const groups = s.groups ?? 1;
  const bShared = s.bShared ?? false;
  const outReduced = s.outReduced ?? false;
  return matmulRow(t, t.add(K_MATMUL, D_FORWARD, at.layer, at.head, at.prefix, name, S_NONE), s.batch, groups, s.m, s.k, s.n,
    classCode(s.a), classCode(s.b), classCode(s.out), (bShared ? FLAG_B_SHARED : 0) | (outReduced ? FLAG_OUT_REDUCED : 0), s.biasElems ?? 0, s.stashElems ?? 0);
}

/** Fills row `i` as a product (classes as codes); backward uses it directly. */
export function matmulRow(
  t: OpTable, i: number, batch: number, groups: number, m: number, k: number, n: number,
  a: number, b: number, out: number, flags: number, biasElems: number, stashElems: number,
): number {
  const rows = groups * batch;
  const aElems = rows * m * k;
  const bElems = ((flags & FLAG_B_SHARED) !== 0 ? groups : rows) * k * n;
  const outElems = ((flags & FLAG_OUT_REDUCED) !== 0 ? groups : rows) * m * n;
  const x = t.num;
  const o = i * NUM_FIELDS;
  x[o + F_STASH] = stashElems;
  x[o + F_BATCH] = batch;
  x[o + F_GROUPS] = groups;
  x[o + F_M] = m;
  x[o + F_K] = k;
  x[o + F_N] = n;
  x[o + F_BIAS] = biasElems;
  x[o + F_A_ELEMS] = aElems;
  x[o + F_B_ELEMS] = bElems;
  x[o + F_OUT_ELEMS] = outElems;
  x[o + F_WORKING_SET] = (onActivationSide(a) ? aElems : 0) + (onActivationSide(b) ? bElems : 0) + (onActivationSide(out) ? outElems : 0);
  const c = i * CODE_FIELDS;
  t.code[c + C_A] = a;
  t.code[c + C_B] = b;
  t.code[c + C_OUT] = out;
  t.code[c + C_FLAGS] = flags;
  return i;
}

/** Y = X·W with W shared by the batch: the forward of every dense layer and per-head weight. */
export function linear(
  t: OpTable,
  name: string,
  at: OpPlace,
  batch: number,
  groups: number,
  rows: number,
  inWidth: number,
  outWidth: number,
  stashElems: number,
  bias = true,
): number {
  const i = t.add(K_MATMUL, D_FORWARD, at.layer, at.head, at.prefix, name, S_NONE);
  return matmulRow(t, i, batch, groups, rows, inWidth, outWidth, C_ACT, C_WEIGHT, C_ACT, FLAG_B_SHARED, bias ? groups * outWidth : 0, stashElems);
}

export interface ConvShape {
  batch: number;
  positions: number;
  channels: number;
  taps: number;
  a: TensorClass;
  b: TensorClass;
  /** Elements of the second operand; default: a kernel of `channels × taps` weights. */
  bElems?: number;
  out: TensorClass;
  /** Output elements; default: the plane (or the kernel, for a weight gradient). */
  outElems?: number;
  stashElems?: number;
}

/**
 * A sliding or elementwise product on the MAC lanes: every output element of a
 * `positions × channels` plane costs `taps` MACs.
 */
export function conv(t: OpTable, name: string, at: OpPlace, s: ConvShape): number {
  const bElems = s.bElems ?? s.channels * s.taps;
  const outElems = s.outElems ?? (s.out === 'wgrad' ? s.channels * s.taps : s.batch * s.positions * s.channels);
  const i = t.add(K_CONV, D_FORWARD, at.layer, at.head, at.prefix, name, S_NONE);
  return convRow(t, i, s.batch, s.positions, s.channels, s.taps, classCode(s.a), classCode(s.b), classCode(s.out), bElems, outElems, s.stashElems ?? 0);
}

/** Fills row `i` as a conv (classes as codes); backward uses it directly. */
export function convRow(
  t: OpTable, i: number, batch: number, positions: number, channels: number, taps: number,
  a: number, b: number, out: number, bElems: number, outElems: number, stashElems: number,
): number {
  const plane = batch * positions * channels;
  const x = t.num;
  const o = i * NUM_FIELDS;
  x[o + F_STASH] = stashElems;
  x[o + F_BATCH] = batch;
  x[o + F_POSITIONS] = positions;
  x[o + F_CHANNELS] = channels;
  x[o + F_TAPS] = taps;
  x[o + F_A_ELEMS] = plane;
  x[o + F_B_ELEMS] = bElems;
  x[o + F_OUT_ELEMS] = outElems;
  x[o + F_WORKING_SET] = (onActivationSide(a) ? plane : 0) + (onActivationSide(b) ? bElems : 0) + (onActivationSide(out) ? outElems : 0);
  const c = i * CODE_FIELDS;
  t.code[c + C_A] = a;
  t.code[c + C_B] = b;
  t.code[c + C_OUT] = out;
  return i;
}

function elementwiseKind(kind: ElementwiseOp['kind']): number {
  return kind === 'softmax' ? K_SOFTMAX : kind === 'layerNorm' ? K_LAYER_NORM : K_NON_LINEARITY;
}

export interface ElementwiseShape {
  batch: number;
  rows: number;
  cols: number;
  /** Input tensors of the plane's size (LayerNorm adds the residual: 2). */
  inputs?: number;
  in: TensorClass;
  out: TensorClass;
  /** Parameters of the op (LayerNorm γ, β), counted for the optimizer. */
  paramElems?: number;
  stashElems?: number;
}

/** Softmax, LayerNorm or a non-linearity over `batch` planes of `rows × cols`. */
export function elementwise(t: OpTable, kind: ElementwiseOp['kind'], name: string, at: OpPlace, s: ElementwiseShape): number {
  const i = t.add(elementwiseKind(kind), D_FORWARD, at.layer, at.head, at.prefix, name, S_NONE);
  return elementwiseRow(t, i, s.batch, s.rows, s.cols, s.inputs ?? 1, classCode(s.in), classCode(s.out), s.paramElems ?? 0, s.stashElems ?? 0);
}

/** Fills row `i` as an elementwise op (classes as codes). Its input elements go in F_A_ELEMS, its plane in F_OUT_ELEMS. */
export function elementwiseRow(
  t: OpTable, i: number, batch: number, rows: number, cols: number, inputs: number, inClass: number, outClass: number, paramElems: number, stashElems: number,
): number {
  const plane = batch * rows * cols;
  const x = t.num;
  const o = i * NUM_FIELDS;
  x[o + F_STASH] = stashElems;
  x[o + F_BATCH] = batch;
  x[o + F_ROWS] = rows;
  x[o + F_COLS] = cols;
  x[o + F_INPUTS] = inputs;
  x[o + F_PARAM_ELEMS] = paramElems;
  x[o + F_A_ELEMS] = inputs * plane;
  x[o + F_OUT_ELEMS] = plane;
  // In place: each output tile overwrites an input tile that is no longer needed.
  x[o + F_WORKING_SET] = inputs * batch * rows * cols;
  t.code[i * CODE_FIELDS + C_A] = inClass;
  t.code[i * CODE_FIELDS + C_OUT] = outClass;
  return i;
}
