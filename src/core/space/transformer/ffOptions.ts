/**
 * The 258 per-layer feed-forward options in the exact order of docs/flexibert.md §2:
 * for 1, 2, 3 stacked layers in turn, every ordered tuple of allowed widths in
 * lexicographic order of list positions. Indices are a mixed-radix number, so
 * lookups both ways are arithmetic; nothing is searched.
 */
import { TRANSFORMER_SPACE } from './schema.ts';

const WIDTHS: readonly number[] = TRANSFORMER_SPACE.ffWidths;
const RADIX = WIDTHS.length;
const MAX_STACKS = Math.max(...TRANSFORMER_SPACE.ffStacks);

/** First index of the block of options with `m` stacked layers, for m = 1..3 (and 4 = the end). */
const BLOCK_START: readonly number[] = (() => {
  const starts = [0, 0];
  for (let m = 1; m <= MAX_STACKS; m++) starts.push(starts[m] + RADIX ** m);
  return starts;
})();

/** Number of feed-forward options (258). */
export const FF_OPTION_COUNT = BLOCK_START[MAX_STACKS + 1];

/** Position of `widths` in the option list, or -1 if it is not in the design space. */
export function ffOptionIndex(widths: readonly number[]): number {
  const m = widths.length;
  if (m < 1 || m > MAX_STACKS) return -1;
  let offset = 0;
  for (const w of widths) {
    const digit = WIDTHS.indexOf(w);
    if (digit < 0) return -1;
    offset = offset * RADIX + digit;
  }
  return BLOCK_START[m] + offset;
}

/** The widths at `index` (a fresh array). Throws a RangeError outside 0..257. */
export function ffOption(index: number): number[] {
  if (!Number.isInteger(index) || index < 0 || index >= FF_OPTION_COUNT) {
    throw new RangeError(`feed-forward option ${index} out of range 0..${FF_OPTION_COUNT - 1}`);
  }
  let m = 1;
  while (index >= BLOCK_START[m + 1]) m++;
  let offset = index - BLOCK_START[m];
  const widths = new Array<number>(m);
  for (let j = m - 1; j >= 0; j--) {
    widths[j] = WIDTHS[offset % RADIX];
    offset = Math.floor(offset / RADIX);
  }
  return widths;
}
