/**
 * Op-string grammar `<type>_<param>_<d>` (docs/flexibert.md §3.1).
 */
import { HEAD_TYPES, type HeadOp, type HeadType } from './types.ts';

const HEAD_TYPE_SET: ReadonlySet<string> = new Set(HEAD_TYPES);

/** Parses `sa_sdp_64`, `l_dct_42`, `c_13_21`. Returns an error message instead of throwing. */
export function parseHeadOp(op: unknown): HeadOp | { error: string } {
  if (typeof op !== 'string') return { error: `expected an op string like "sa_sdp_64", got ${describe(op)}` };
  const cut = op.lastIndexOf('_');
  if (cut <= 0) return { error: `malformed op string "${clip(op)}": expected <type>_<param>_<d>, e.g. "sa_sdp_64"` };
  const type = op.slice(0, cut);
  const dText = op.slice(cut + 1);
  if (!HEAD_TYPE_SET.has(type)) {
    return { error: `unknown head type "${clip(type)}" (allowed: ${HEAD_TYPES.join(', ')})` };
  }
  if (!/^[1-9][0-9]{0,5}$/.test(dText)) {
    return { error: `head width "${clip(dText)}" in "${clip(op)}" must be a positive integer` };
  }
  const headType = type as HeadType;
  const family = headType.startsWith('sa') ? 'sa' : headType.startsWith('l') ? 'l' : 'c';
  return { type: headType, family, d: Number(dText), kernel: family === 'c' ? Number(headType.slice(2)) : 0 };
}

/**
 * The per-head width rule, the one definition every part uses: a layer of hidden
 * size `hidden` split into `heads` heads gives each ⌊hidden / heads⌋ (FlexiBERT 2.0
 * writes it into every op string, e.g. `sa_sdp_64`).
 */
export function headWidth(hidden: number, heads: number): number {
  return Math.floor(hidden / heads);
}

/** The op string for a head type in a layer of hidden size `h` with `n` heads: d = ⌊h/n⌋. */
export function headOpString(type: HeadType, hidden: number, heads: number): string {
  return `${type}_${headWidth(hidden, heads)}`;
}

/** A short, safe description of a bad value for messages: `"abc"`, `number 7`, `an array`, `nothing`. */
export function describe(x: unknown): string {
  if (x === null) return 'null';
  if (x === undefined) return 'nothing';
  if (Array.isArray(x)) return 'an array';
  if (typeof x === 'string') return `"${clip(x)}"`;
  if (typeof x === 'object') return 'an object';
  // String(fn) would echo the function's source.
  if (typeof x === 'function') return 'a function';
  return `${typeof x} ${clip(String(x))}`;
}

/** Keeps hostile or huge strings out of messages. */
export function clip(s: string, max = 40): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
