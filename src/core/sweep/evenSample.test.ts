import { describe, expect, it } from 'vitest';
import { evenSample } from './evenSample.ts';

describe('evenSample', () => {
  it('keeps every row up to the limit and every k-th beyond, deterministically', () => {
    expect(evenSample(null, 5, 10)).toEqual({ rows: Int32Array.of(0, 1, 2, 3, 4), stride: 1 });
    const { rows, stride } = evenSample(null, 25, 10);
    expect(stride).toBe(3);
    expect([...rows]).toEqual([0, 3, 6, 9, 12, 15, 18, 21, 24]);
    expect([...evenSample(Int32Array.of(4, 8, 15, 16, 23), 0, 2).rows]).toEqual([4, 16]);
  });

  it('samples the rows passing a filter: all of them while they fit the limit', () => {
    expect(Array.from(evenSample(Int32Array.of(0, 2, 3, 5), 6, 10).rows)).toEqual([0, 2, 3, 5]);
    expect(Array.from(evenSample(null, 4, 10).rows)).toEqual([0, 1, 2, 3]);
  });

  it('thins passing rows to an even, repeatable sample of at most the limit', () => {
    const n = 100_000;
    const passing = Int32Array.from({ length: n }, (_, i) => i).filter((i) => i % 3 !== 0); // two thirds pass
    expect(passing.length).toBe(66_666);
    const a = evenSample(passing, n, 20_000);
    expect(a.rows.length).toBeLessThanOrEqual(20_000);
    expect(a.rows.length).toBeGreaterThan(15_000);
    expect(Array.from(a.rows).every((i) => i % 3 !== 0)).toBe(true);
    // Spread over the whole range, not the first rows only.
    expect(a.rows[a.rows.length - 1]).toBeGreaterThan(0.95 * n);
    expect(Array.from(evenSample(passing, n, 20_000).rows)).toEqual(Array.from(a.rows));
  });
});
