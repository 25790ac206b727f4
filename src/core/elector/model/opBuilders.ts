/**
 * Constructors for op records with the common defaults filled in, so the model
 * decomposition reads like the maths it follows.
 *
 * Every record, whatever its kind, is made by the one object literal in `record`, with
 * every field in the same order: the cost loop then sees a single object shape (fast,
 * monomorphic property access) instead of one shape per op kind.
 */
import type { ConvOp, Direction, ElementwiseOp, MatmulOp, OptimizerOp, SimOp, TensorClass, TransferOp } from './opTypes.ts';

/** Every field of every op kind: the one runtime shape of an op record. */
type OpRecord = Omit<MatmulOp, 'kind'> & Omit<ConvOp, 'kind'> & Omit<ElementwiseOp, 'kind'> & Omit<TransferOp, 'kind'> & Omit<OptimizerOp, 'kind'> & {
  kind: SimOp['kind'];
};

/** A blank record of the common shape; builders then set the fields of their kind. */
function record(kind: SimOp['kind'], name: string, at: OpPlace): OpRecord {
  return {
    kind, name, layer: at.layer, head: at.head, direction: at.direction, stashElems: 0,
    batch: 0, groups: 0, m: 0, k: 0, n: 0, a: 'act', b: 'act', out: 'act', bShared: false, outReduced: false, biasElems: 0,
    positions: 0, channels: 0, taps: 0, aElems: 0, bElems: 0, outElems: 0,
    rows: 0, cols: 0, inputs: 0, in: 'act', paramElems: 0, elems: 0, tensor: 'act', buffer: 'activation', params: 0,
  };
}

/** A copy of a transfer op with a new kind, direction, data class and name (for backward). */
export function transferCopy(op: TransferOp, kind: TransferOp['kind'], direction: Direction, tensor: TensorClass, name: string): TransferOp {
  return transfer(kind, name, { layer: op.layer, head: op.head, direction }, { elems: op.elems, tensor, buffer: op.buffer });
}

export function transfer(
  kind: TransferOp['kind'],
  name: string,
  at: OpPlace,
  s: { elems: number; tensor: TensorClass; buffer: TransferOp['buffer'] },
): TransferOp {
  const r = record(kind, name, at);
  r.elems = s.elems;
  r.tensor = s.tensor;
  r.buffer = s.buffer;
  return r as TransferOp;
}

export function optimizer(name: string, params: number): OptimizerOp {
  const r = record('optimizer', name, { layer: -1, head: -1, direction: 'update' });
  r.params = params;
  return r as OptimizerOp;
}

/** Where an op sits: layer, first head of its group (-1: layer-wide), direction. */
export interface OpPlace {
  layer: number;
  head: number;
  direction: Direction;
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
  bShared?: boolean;
  outReduced?: boolean;
  biasElems?: number;
  stashElems?: number;
}

export function matmul(name: string, at: OpPlace, s: MatmulShape): MatmulOp {
  const r = record('matmul', name, at);
  r.stashElems = s.stashElems ?? 0;
  r.batch = s.batch;
  r.groups = s.groups ?? 1;
  r.m = s.m;
  r.k = s.k;
  r.n = s.n;
  r.a = s.a;
  r.b = s.b;
  r.out = s.out;
  r.bShared = s.bShared ?? false;
  r.outReduced = s.outReduced ?? false;
  r.biasElems = s.biasElems ?? 0;
  return r as MatmulOp;
}

/** Y = X·W with W shared by the batch: the forward of every dense layer and per-head weight. */
export function linear(
  name: string,
  at: OpPlace,
  batch: number,
  groups: number,
  rows: number,
  inWidth: number,
  outWidth: number,
  opts: { bias?: boolean; stashElems?: number } = {},
): MatmulOp {
  return matmul(name, at, {
    batch,
    groups,
    m: rows,
    k: inWidth,
    n: outWidth,
    a: 'act',
    b: 'weight',
    out: 'act',
    bShared: true,
    biasElems: opts.bias === false ? 0 : groups * outWidth,
    stashElems: opts.stashElems,
  });
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

export function conv(name: string, at: OpPlace, s: ConvShape): ConvOp {
  const r = record('conv', name, at);
  const plane = s.batch * s.positions * s.channels;
  r.stashElems = s.stashElems ?? 0;
  r.batch = s.batch;
  r.positions = s.positions;
  r.channels = s.channels;
  r.taps = s.taps;
  r.aElems = plane;
  r.a = s.a;
  r.bElems = s.bElems ?? s.channels * s.taps;
  r.b = s.b;
  r.outElems = s.outElems ?? (s.out === 'wgrad' ? s.channels * s.taps : plane);
  r.out = s.out;
  return r as ConvOp;
}

export function elementwise(
  kind: ElementwiseOp['kind'],
  name: string,
  at: OpPlace,
  s: { batch: number; rows: number; cols: number; inputs?: number; in: TensorClass; out: TensorClass; paramElems?: number; stashElems?: number },
): ElementwiseOp {
  const r = record(kind, name, at);
  r.stashElems = s.stashElems ?? 0;
  r.batch = s.batch;
  r.rows = s.rows;
  r.cols = s.cols;
  r.inputs = s.inputs ?? 1;
  r.in = s.in;
  r.out = s.out;
  r.paramElems = s.paramElems ?? 0;
  return r as ElementwiseOp;
}
