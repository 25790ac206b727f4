/**
 * Allocation-free reading of head op strings for the hot path. The simulator
 * receives validated models, so it reads a few character codes instead of
 * parsing (`parseHeadOp` in space/transformer/ops.ts is the validating parser;
 * the tests check both agree on every head type).
 */

/** Head kinds as small integers; also the slot index of the per-kind program cache. */
export const HEAD_SDP = 0;
export const HEAD_WMA = 1;
export const HEAD_LT = 2;
export const HEAD_C5 = 3;
export const HEAD_C9 = 4;
export const HEAD_C13 = 5;
export const HEAD_KIND_COUNT = 6;

const CHAR_S = 115;
const CHAR_L = 108;
const CHAR_W = 119;
const CHAR_UNDERSCORE = 95;
const CHAR_ZERO = 48;

/** `sa_sdp_*`, `sa_wma_*`, `l_dft_*` / `l_dct_*` (one kind), `c_5_*`, `c_9_*`, `c_13_*`. */
export function headKind(op: string): number {
  const first = op.charCodeAt(0);
  if (first === CHAR_S) return op.charCodeAt(3) === CHAR_W ? HEAD_WMA : HEAD_SDP;
  if (first === CHAR_L) return HEAD_LT;
  const k = op.charCodeAt(2);
  if (k === 53) return HEAD_C5;
  return k === 57 ? HEAD_C9 : HEAD_C13;
}

/** The trailing per-head width `d`. */
export function headWidth(op: string): number {
  let d = 0;
  let scale = 1;
  for (let i = op.length - 1; i >= 0; i--) {
    const ch = op.charCodeAt(i);
    if (ch === CHAR_UNDERSCORE) break;
    d += (ch - CHAR_ZERO) * scale;
    scale *= 10;
  }
  return d;
}

/** Convolution kernel of a conv kind, else 0. */
export function kernelOfKind(kind: number): number {
  return kind === HEAD_C5 ? 5 : kind === HEAD_C9 ? 9 : kind === HEAD_C13 ? 13 : 0;
}
