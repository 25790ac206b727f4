import { describe, expect, it } from 'vitest';
import { FF_OPTION_COUNT, ffOption, ffOptionIndex } from './ffOptions.ts';

const WIDTHS = [256, 512, 1024, 2048, 3072, 4096];

/** Independent enumeration straight from the spec's wording (Cartesian powers, lexicographic). */
function enumerateSpecOrder(): number[][] {
  const all: number[][] = [];
  const extend = (prefix: number[], left: number) => {
    if (left === 0) return void all.push(prefix);
    for (const w of WIDTHS) extend([...prefix, w], left - 1);
  };
  for (const stacks of [1, 2, 3]) extend([], stacks);
  return all;
}

describe('feed-forward options', () => {
  it('has 258 options', () => {
    expect(FF_OPTION_COUNT).toBe(258);
  });

  it('matches the spec order at every index, both ways', () => {
    const expected = enumerateSpecOrder();
    expect(expected).toHaveLength(FF_OPTION_COUNT);
    expected.forEach((widths, i) => {
      expect(ffOption(i)).toEqual(widths);
      expect(ffOptionIndex(widths)).toBe(i);
    });
  });

  it('reproduces the spec examples', () => {
    expect(ffOptionIndex([256])).toBe(0);
    expect(ffOptionIndex([4096])).toBe(5);
    expect(ffOptionIndex([256, 256])).toBe(6);
    expect(ffOptionIndex([256, 256, 256])).toBe(42);
    expect(ffOptionIndex([1024, 1024, 1024])).toBe(128);
    expect(ffOptionIndex([4096, 4096, 4096])).toBe(257);
  });

  it('treats stack order as meaningful', () => {
    expect(ffOptionIndex([512, 1024])).not.toBe(ffOptionIndex([1024, 512]));
  });

  it('returns -1 for options outside the space', () => {
    expect(ffOptionIndex([])).toBe(-1);
    expect(ffOptionIndex([300])).toBe(-1);
    expect(ffOptionIndex([512, 512, 512, 512])).toBe(-1);
  });

  it('rejects out-of-range indices', () => {
    expect(() => ffOption(258)).toThrow(/out of range 0..257/);
    expect(() => ffOption(-1)).toThrow(RangeError);
    expect(() => ffOption(1.5)).toThrow(RangeError);
  });
});
