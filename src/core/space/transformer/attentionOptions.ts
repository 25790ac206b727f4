/**
 * The 21,805 per-layer attention options in the exact order of docs/flexibert.md §2:
 * for 2, 4, 8, 12 heads in turn, every multiset of head types, listed as
 * non-decreasing sequences of type positions in lexicographic order.
 *
 * Ranking uses the combinatorial number system instead of a table, so both
 * directions cost O(heads × types) and nothing is materialised.
 */
import { TRANSFORMER_SPACE } from './schema.ts';
import { HEAD_TYPES, type HeadType } from './types.ts';

const TYPE_COUNT = HEAD_TYPES.length;
const TYPE_POSITION: ReadonlyMap<string, number> = new Map(HEAD_TYPES.map((t, i) => [t, i]));

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}

/** Number of multisets of size `size` over `types` types. */
function multisets(size: number, types: number): number {
  return binomial(size + types - 1, types - 1);
}

/** One block of the option list: all layers with `heads` heads. */
export interface AttentionBlock {
  heads: number;
  /** Index of the block's first option. */
  start: number;
  count: number;
}

/** Blocks for 2, 4, 8, 12 heads: 28, 210, 3,003 and 18,564 options. */
export const ATTENTION_BLOCKS: readonly AttentionBlock[] = (() => {
  let start = 0;
  return TRANSFORMER_SPACE.heads.map((heads) => {
    const block = { heads, start, count: multisets(heads, TYPE_COUNT) };
    start += block.count;
    return block;
  });
})();

const LAST_BLOCK = ATTENTION_BLOCKS[ATTENTION_BLOCKS.length - 1];

/** Number of attention options (21,805). */
export const ATTENTION_OPTION_COUNT = LAST_BLOCK.start + LAST_BLOCK.count;

/**
 * Position of a layer's head types in the option list, or -1 if the head count
 * or a type is not in the design space. Head order does not matter (a layer is a
 * multiset of heads).
 */
export function attentionOptionIndex(types: readonly string[]): number {
  const block = ATTENTION_BLOCKS.find((b) => b.heads === types.length);
  if (!block) return -1;
  const positions: number[] = [];
  for (const t of types) {
    const p = TYPE_POSITION.get(t);
    if (p === undefined) return -1;
    positions.push(p);
  }
  positions.sort((a, b) => a - b);
  let rank = 0;
  let low = 0;
  for (let i = 0; i < positions.length; i++) {
    // Every sequence sharing this prefix but with a smaller value here comes first.
    for (let u = low; u < positions[i]; u++) rank += multisets(positions.length - i - 1, TYPE_COUNT - u);
    low = positions[i];
  }
  return block.start + rank;
}

/** The head types at `index`, in canonical order. Throws a RangeError outside 0..21804. */
export function attentionOption(index: number): HeadType[] {
  if (!Number.isInteger(index) || index < 0 || index >= ATTENTION_OPTION_COUNT) {
    throw new RangeError(`attention option ${index} out of range 0..${ATTENTION_OPTION_COUNT - 1}`);
  }
  const block = ATTENTION_BLOCKS.find((b) => index < b.start + b.count)!;
  let rank = index - block.start;
  const types: HeadType[] = [];
  let u = 0;
  for (let i = 0; i < block.heads; i++) {
    for (;;) {
      const withU = multisets(block.heads - i - 1, TYPE_COUNT - u);
      if (rank < withU) break;
      rank -= withU;
      u++;
    }
    types.push(HEAD_TYPES[u]);
  }
  return types;
}

/** Number of heads of the layer that attention option `index` describes. */
export function headCountOfAttentionOption(index: number): number {
  const block = ATTENTION_BLOCKS.find((b) => index >= b.start && index < b.start + b.count);
  if (!block) throw new RangeError(`attention option ${index} out of range 0..${ATTENTION_OPTION_COUNT - 1}`);
  return block.heads;
}
