/**
 * Table rows back as `SimOp` records (opTypes.ts): what tests and diagnostics read.
 * The cost loop never uses them.
 */
import {
  C_A, C_B, C_DIRECTION, C_FLAGS, C_KIND, C_OUT, CLASS_CODES, CODE_FIELDS, DIRECTION_CODES, F_A_ELEMS, F_B_ELEMS, F_BATCH, F_BIAS,
  F_CHANNELS, F_COLS, F_ELEMS, F_GROUPS, F_HEAD, F_INPUTS, F_K, F_LAYER, F_M, F_N, F_OUT_ELEMS, F_PARAM_ELEMS, F_PARAMS, F_POSITIONS,
  F_ROWS, F_STASH, F_TAPS, FLAG_ACTIVATION_BUFFER, FLAG_B_SHARED, FLAG_OUT_REDUCED, KIND_CODES, NUM_FIELDS, type OpTable,
} from './opTable.ts';
import type { SimOp } from './opTypes.ts';

export function tableOps(t: OpTable): SimOp[] {
  const ops: SimOp[] = [];
  for (let i = 0; i < t.length; i++) ops.push(tableOp(t, i));
  return ops;
}

export function tableOp(t: OpTable, i: number): SimOp {
  const x = t.num;
  const n = i * NUM_FIELDS;
  const c = i * CODE_FIELDS;
  const kind = KIND_CODES[t.code[c + C_KIND]];
  const flags = t.code[c + C_FLAGS];
  const base = {
    name: t.name(i),
    layer: x[n + F_LAYER],
    head: x[n + F_HEAD],
    direction: DIRECTION_CODES[t.code[c + C_DIRECTION]],
    stashElems: x[n + F_STASH],
  };
  const a = CLASS_CODES[t.code[c + C_A]];
  const b = CLASS_CODES[t.code[c + C_B]];
  const out = CLASS_CODES[t.code[c + C_OUT]];
  switch (kind) {
    case 'matmul':
      return {
        kind, ...base, batch: x[n + F_BATCH], groups: x[n + F_GROUPS], m: x[n + F_M], k: x[n + F_K], n: x[n + F_N], a, b, out,
        bShared: (flags & FLAG_B_SHARED) !== 0, outReduced: (flags & FLAG_OUT_REDUCED) !== 0, biasElems: x[n + F_BIAS],
      };
    case 'conv':
      return {
        kind, ...base, batch: x[n + F_BATCH], positions: x[n + F_POSITIONS], channels: x[n + F_CHANNELS], taps: x[n + F_TAPS],
        aElems: x[n + F_A_ELEMS], a, bElems: x[n + F_B_ELEMS], b, outElems: x[n + F_OUT_ELEMS], out,
      };
    case 'softmax':
    case 'layerNorm':
    case 'nonLinearity':
      return {
        kind, ...base, batch: x[n + F_BATCH], rows: x[n + F_ROWS], cols: x[n + F_COLS], inputs: x[n + F_INPUTS], in: a, out,
        paramElems: x[n + F_PARAM_ELEMS],
      };
    case 'load':
    case 'store':
      return { kind, ...base, elems: x[n + F_ELEMS], tensor: a, buffer: (flags & FLAG_ACTIVATION_BUFFER) !== 0 ? 'activation' : 'weight' };
    default:
      return { kind: 'optimizer', ...base, params: x[n + F_PARAMS] };
  }
}
