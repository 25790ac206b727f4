import { describe, expect, it } from 'vitest';
import { drawnRows } from './pcLines.ts';

describe('drawnRows', () => {
  it('draws every passing row while they fit the cap', () => {
    const fails = Uint16Array.of(0, 1, 0, 0, 2, 0);
    expect(Array.from(drawnRows(6, fails, 10).rows)).toEqual([0, 2, 3, 5]);
    expect(drawnRows(6, fails, 10).of).toBe(4);
    expect(Array.from(drawnRows(4, null, 10).rows)).toEqual([0, 1, 2, 3]);
  });

  it('thins to an even, repeatable sample of at most the cap, counting all that pass', () => {
    const n = 100_000;
    const fails = new Uint16Array(n);
    for (let i = 0; i < n; i += 3) fails[i] = 1; // two thirds pass
    const a = drawnRows(n, fails, 20_000);
    expect(a.of).toBe(66_666);
    expect(a.rows.length).toBeLessThanOrEqual(20_000);
    expect(a.rows.length).toBeGreaterThan(15_000);
    expect(Array.from(a.rows).every((i) => fails[i] === 0)).toBe(true);
    // Spread over the whole range, not the first rows only.
    expect(a.rows[a.rows.length - 1]).toBeGreaterThan(0.95 * n);
    expect(Array.from(drawnRows(n, fails, 20_000).rows)).toEqual(Array.from(a.rows));
  });
});
