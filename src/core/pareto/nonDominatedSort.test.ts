import { describe, expect, it } from 'vitest';
import { createRng } from '../rng.ts';
import { dominates } from './front2d.ts';
import { nonDominatedSort, UNRANKED } from './nonDominatedSort.ts';

/** Peel fronts one by one with the O(n²) definition. */
function bruteRanks(cols: number[][]): number[] {
  const n = cols[0].length;
  const pt = (i: number) => cols.map((c) => c[i]);
  const ranks = new Array<number>(n).fill(UNRANKED);
  let left = [...Array(n).keys()].filter((i) => pt(i).every(Number.isFinite));
  for (let r = 0; left.length > 0; r++) {
    const front = left.filter((i) => !left.some((j) => j !== i && dominates(pt(j), pt(i))));
    for (const i of front) ranks[i] = r;
    left = left.filter((i) => ranks[i] === UNRANKED);
  }
  return ranks;
}

describe('nonDominatedSort', () => {
  it('agrees with peeling brute-force fronts for 2–4 objectives, with ties and non-finite values', () => {
    const rng = createRng(11);
    for (let trial = 0; trial < 120; trial++) {
      const k = 2 + (trial % 3);
      const n = 1 + rng.int(80);
      const grid = 2 + rng.int(6);
      const cols = Array.from({ length: k }, () => Array.from({ length: n }, () => (rng.next() < 0.02 ? NaN : rng.int(grid))));
      expect([...nonDominatedSort(cols)]).toEqual(bruteRanks(cols));
    }
  });

  it('gives duplicates the same rank and an empty input no ranks', () => {
    expect([...nonDominatedSort([[1, 1, 2], [2, 2, 1]])]).toEqual([0, 0, 0]);
    expect([...nonDominatedSort([[1, 2, 3], [1, 2, 3]])]).toEqual([0, 1, 2]);
    expect(nonDominatedSort([]).length).toBe(0);
  });

  it('rejects columns of different lengths', () => {
    expect(() => nonDominatedSort([[1, 2], [1]])).toThrow(RangeError);
  });
});
