/**
 * Head op strings read by character codes (no slicing, no map of strings): sweeps meet
 * tens of thousands of fresh but equal strings, and hashing each costs more than reading
 * it. Accepts exactly the strings `parseHeadOp` accepts (`<type>_<d>`, d a positive integer
 * of at most 6 digits); anything else goes to `parseHeadOp` for its error message.
 */
import { parseHeadOp } from '../../space/transformer/ops.ts';
import { HEAD_TYPES, type HeadType } from '../../space/transformer/types.ts';

/** Widths stay below this (6 digits), so `typeIndex · D_LIMIT + d` names a head exactly. */
const D_LIMIT = 1_000_000;

const U = 95; // '_'
const ZERO = 48;
const NINE = 57;

/** Index into HEAD_TYPES and where the width starts, by matching the type's characters; -1 if none. */
function matchType(s: string): number {
  const c0 = s.charCodeAt(0);
  if (c0 === 115 /* s */ && s.charCodeAt(1) === 97 /* a */ && s.charCodeAt(2) === U && s.charCodeAt(6) === U) {
    if (s.startsWith('sdp', 3)) return 0;
    if (s.startsWith('wma', 3)) return 1;
  } else if (c0 === 108 /* l */ && s.charCodeAt(1) === U && s.charCodeAt(5) === U) {
    if (s.startsWith('dft', 2)) return 2;
    if (s.startsWith('dct', 2)) return 3;
  } else if (c0 === 99 /* c */ && s.charCodeAt(1) === U) {
    const k = s.charCodeAt(2);
    if (k === 53 /* 5 */ && s.charCodeAt(3) === U) return 4;
    if (k === 57 /* 9 */ && s.charCodeAt(3) === U) return 5;
    if (k === 49 /* 1 */ && s.charCodeAt(3) === 51 /* 3 */ && s.charCodeAt(4) === U) return 6;
  }
  return -1;
}

const WIDTH_START = [7, 7, 6, 6, 4, 4, 5];
/** HEAD_TYPES, in this module's order (checked below): read per head, so kept local. */
const TYPES: readonly HeadType[] = ['sa_sdp', 'sa_wma', 'l_dft', 'l_dct', 'c_5', 'c_9', 'c_13'];
if (TYPES.some((t, i) => t !== HEAD_TYPES[i])) throw new Error('internal: HEAD_TYPES changed, update headCode.ts');
const KERNELS = [0, 0, 0, 0, 5, 9, 13];

/** `typeIndex · D_LIMIT + d` of a head op string, or -1 when it is not one. */
function fastCode(s: string): number {
  const type = matchType(s);
  if (type < 0) return -1;
  const start = WIDTH_START[type];
  const digits = s.length - start;
  if (digits < 1 || digits > 6) return -1;
  let d = 0;
  for (let i = start; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch < ZERO || ch > NINE || (i === start && ch === ZERO)) return -1;
    d = d * 10 + (ch - ZERO);
  }
  return type * D_LIMIT + d;
}

/** One number per distinct (type, d); throws `o[i]: …` for a string that is no head op. */
export function headCode(op: string, i: number): number {
  const code = typeof op === 'string' ? fastCode(op) : -1;
  if (code >= 0) return code;
  const p = parseHeadOp(op);
  if ('error' in p) throw new Error(`o[${i}]: ${p.error}`);
  return TYPES.indexOf(p.type) * D_LIMIT + p.d;
}

export function codeType(code: number): HeadType {
  return TYPES[Math.floor(code / D_LIMIT)];
}

export function codeWidth(code: number): number {
  return code % D_LIMIT;
}

export function codeKernel(code: number): number {
  return KERNELS[Math.floor(code / D_LIMIT)];
}
