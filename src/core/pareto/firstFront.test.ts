import { describe, expect, it } from 'vitest';
import { createRng } from '../rng.ts';
import { dominates } from './front2d.ts';
import { firstFrontIndices } from './firstFront.ts';
import { Staircase2d } from './staircase2d.ts';
import { hypervolume2d, type Point2d } from './quality.ts';

/** The definition: finite rows that no other finite row dominates. */
function bruteFront(cols: number[][], rows: number[]): number[] {
  const pt = (i: number) => cols.map((c) => c[i]);
  const finite = rows.filter((i) => pt(i).every(Number.isFinite));
  return finite.filter((i) => !finite.some((j) => dominates(pt(j), pt(i)))).sort((a, b) => a - b);
}

describe('firstFrontIndices', () => {
  it('agrees with the definition for 1–5 objectives, with ties, NaN and row subsets', () => {
    const rng = createRng(41);
    for (let trial = 0; trial < 250; trial++) {
      const m = 1 + (trial % 5);
      const n = 1 + rng.int(120);
      const grid = 2 + rng.int(8);
      const cols = Array.from({ length: m }, () =>
        Array.from({ length: n }, () => (rng.next() < 0.03 ? NaN : rng.int(grid) + (trial % 2 ? rng.next() : 0))),
      );
      const rows = trial % 3 === 0 ? [...Array(n).keys()].filter(() => rng.next() < 0.6) : [...Array(n).keys()];
      const got = firstFrontIndices(cols.map((c) => Float64Array.from(c)), trial % 3 === 0 ? Int32Array.from(rows) : undefined);
      expect([...got]).toEqual(bruteFront(cols, rows));
    }
  });

  it('keeps every copy of a duplicated front point and handles no objectives', () => {
    const cols = [Float64Array.of(1, 1, 2, 0), Float64Array.of(2, 2, 1, 3), Float64Array.of(3, 3, 3, 3)];
    expect([...firstFrontIndices(cols)]).toEqual([0, 1, 2, 3]);
    expect(firstFrontIndices([]).length).toBe(0);
  });
});

describe('Staircase2d', () => {
  it('accumulates the same area as hypervolume2d and answers coverage by weak dominance', () => {
    const rng = createRng(9);
    for (let trial = 0; trial < 40; trial++) {
      const stairs = new Staircase2d(10, 10);
      const pts: Point2d[] = [];
      let area = 0;
      for (let k = 0; k < 30; k++) {
        const p: Point2d = [rng.int(10), rng.int(10)];
        const covered = pts.some((q) => q[0] <= p[0] && q[1] <= p[1]);
        expect(stairs.covers(p[0], p[1])).toBe(covered);
        area += stairs.insert(p[0], p[1]);
        pts.push(p);
        expect(area).toBe(hypervolume2d(pts, [10, 10]));
      }
    }
  });
});
