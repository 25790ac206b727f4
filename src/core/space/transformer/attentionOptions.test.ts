import { describe, expect, it } from 'vitest';
import {
  ATTENTION_BLOCKS,
  ATTENTION_OPTION_COUNT,
  attentionOption,
  attentionOptionIndex,
  headCountOfAttentionOption,
} from './attentionOptions.ts';
import { HEAD_TYPES } from './types.ts';

/** Independent enumeration: combinations with replacement, lexicographic, for 2/4/8/12 heads. */
function enumerateSpecOrder(): string[][] {
  const all: string[][] = [];
  const extend = (prefix: number[], low: number, left: number) => {
    if (left === 0) return void all.push(prefix.map((p) => HEAD_TYPES[p]));
    for (let p = low; p < HEAD_TYPES.length; p++) extend([...prefix, p], p, left - 1);
  };
  for (const heads of [2, 4, 8, 12]) extend([], 0, heads);
  return all;
}

const repeat = (type: string, n: number) => Array<string>(n).fill(type);

describe('attention options', () => {
  it('has 21,805 options in blocks of 28, 210, 3,003, 18,564', () => {
    expect(ATTENTION_OPTION_COUNT).toBe(21805);
    expect(ATTENTION_BLOCKS.map((b) => [b.heads, b.start, b.count])).toEqual([
      [2, 0, 28],
      [4, 28, 210],
      [8, 238, 3003],
      [12, 3241, 18564],
    ]);
  });

  it('matches the spec order at every index, both ways', () => {
    const expected = enumerateSpecOrder();
    expect(expected).toHaveLength(ATTENTION_OPTION_COUNT);
    for (let i = 0; i < expected.length; i++) {
      const types = attentionOption(i);
      if (types.join() !== expected[i].join()) expect(types).toEqual(expected[i]);
      if (attentionOptionIndex(expected[i]) !== i) expect(attentionOptionIndex(expected[i])).toBe(i);
    }
  });

  it('reproduces the spec examples', () => {
    expect(attentionOptionIndex(repeat('sa_sdp', 2))).toBe(0);
    expect(attentionOptionIndex(repeat('c_13', 2))).toBe(27);
    expect(attentionOptionIndex(repeat('sa_sdp', 4))).toBe(28);
    expect(attentionOptionIndex(repeat('sa_sdp', 8))).toBe(238);
    expect(attentionOptionIndex(repeat('sa_sdp', 12))).toBe(3241);
    expect(attentionOptionIndex(repeat('c_13', 12))).toBe(21804);
    expect(attentionOption(21804)).toEqual(repeat('c_13', 12));
  });

  it('ignores head order (a layer is a multiset)', () => {
    expect(attentionOptionIndex(['c_5', 'sa_sdp', 'l_dft', 'sa_sdp'])).toBe(
      attentionOptionIndex(['sa_sdp', 'sa_sdp', 'l_dft', 'c_5']),
    );
  });

  it('returns -1 outside the space', () => {
    expect(attentionOptionIndex(repeat('sa_sdp', 3))).toBe(-1);
    expect(attentionOptionIndex(['sa_sdp', 'sa_foo'])).toBe(-1);
    expect(attentionOptionIndex([])).toBe(-1);
  });

  it('rejects out-of-range indices and reports head counts', () => {
    expect(() => attentionOption(21805)).toThrow(/out of range 0..21804/);
    expect(() => attentionOption(-1)).toThrow(RangeError);
    expect(headCountOfAttentionOption(27)).toBe(2);
    expect(headCountOfAttentionOption(28)).toBe(4);
    expect(headCountOfAttentionOption(3240)).toBe(8);
    expect(headCountOfAttentionOption(3241)).toBe(12);
  });
});
