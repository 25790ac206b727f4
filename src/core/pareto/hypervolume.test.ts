import { describe, expect, it } from 'vitest';
import { createRng } from '../rng.ts';
import { dominates } from './front2d.ts';
import { hypervolume } from './hypervolume.ts';
import { hypervolumeMonteCarlo } from './hypervolumeMonteCarlo.ts';
import { hypervolume2d, type Point2d } from './quality.ts';
import { defaultReferencePoint } from './referencePoint.ts';

/** Exact check on integer points: count unit cells [c, c+1)^m that some point weakly dominates. */
function gridVolume(points: number[][], ref: number[]): number {
  const m = ref.length;
  let cells = 0;
  const c = new Array<number>(m).fill(0);
  for (;;) {
    if (points.some((p) => p.every((v, d) => v <= c[d]))) cells++;
    let d = 0;
    while (d < m && ++c[d] >= ref[d]) c[d++] = 0;
    if (d === m) return cells;
  }
}

function intCloud(seed: number, n: number, m: number, grid: number): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => Array.from({ length: m }, () => rng.int(grid)));
}

/** Mutually non-dominated points on the positive unit sphere's "concave" side: hard fronts. */
function sphereFront(seed: number, n: number, m: number): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => {
    const g = Array.from({ length: m }, () => Math.abs(Math.log(rng.next() + 1e-12)) + 1e-9);
    const norm = Math.hypot(...g);
    return g.map((v) => 1 - v / norm);
  });
}

describe('hypervolume', () => {
  it('agrees with hypervolume2d in two objectives', () => {
    const rng = createRng(1);
    for (let trial = 0; trial < 50; trial++) {
      const pts: Point2d[] = Array.from({ length: 1 + rng.int(40) }, () => [rng.next(), rng.next()] as const);
      expect(hypervolume(pts, [0.9, 0.95])).toBeCloseTo(hypervolume2d(pts, [0.9, 0.95]), 12);
    }
  });

  it('is the box volume for one point and inclusion–exclusion for two', () => {
    expect(hypervolume([[1, 2, 3]], [4, 4, 4])).toBe(3 * 2 * 1);
    // Boxes 3·2·1 = 6 and 2·3·2 = 12 overlap in [2,4]×[2,4]×[3,4] = 2·2·1 = 4.
    expect(hypervolume([[1, 2, 3], [2, 1, 2]], [4, 4, 4])).toBe(6 + 12 - 4);
    expect(hypervolume([[1, 2, 3, 0], [2, 1, 2, 0]], [4, 4, 4, 1])).toBe(6 + 12 - 4);
    expect(hypervolume([[0.5]], [2])).toBe(1.5);
  });

  it('equals the dominated cell count on integer clouds in 3–5 objectives', () => {
    for (let trial = 0; trial < 60; trial++) {
      const m = 3 + (trial % 3);
      const grid = m === 5 ? 5 : 7;
      const pts = intCloud(100 + trial, 1 + (trial % 25), m, grid + 1);
      const ref = new Array<number>(m).fill(grid);
      expect(hypervolume(pts, ref)).toBe(gridVolume(pts, ref));
    }
  });

  it('ignores point order, dominated and duplicate points, and points outside the reference', () => {
    for (const m of [3, 4, 5]) {
      const front = sphereFront(7 + m, 60, m);
      const ref = new Array<number>(m).fill(1.1);
      const hv = hypervolume(front, ref);
      const rng = createRng(m);
      const shuffled = [...front].sort(() => rng.next() - 0.5);
      const extra = [
        ...front.slice(0, 10).map((p) => p.map((v) => v + 0.01)),
        ...front.slice(0, 5),
        [0.5, ...new Array<number>(m - 1).fill(1.2)],
        new Array<number>(m).fill(Number.NaN),
      ];
      expect(hypervolume(shuffled, ref)).toBeCloseTo(hv, 12);
      expect(hypervolume([...extra, ...shuffled], ref)).toBeCloseTo(hv, 12);
      expect(extra.slice(0, 10).every((p) => front.some((q) => dominates(q, p)))).toBe(true);
    }
  });

  it('rejects a reference that is empty or shorter than the points need', () => {
    expect(() => hypervolume([[1]], [])).toThrow(RangeError);
    expect(() => hypervolume([[1]], [2, 2])).toThrow(RangeError);
    expect(hypervolume([], [1, 1, 1])).toBe(0);
  });
});

describe('hypervolumeMonteCarlo', () => {
  it('lands within 3 standard errors of the exact value', () => {
    for (const m of [2, 3, 4]) {
      const front = sphereFront(20 + m, 200, m);
      const ref = defaultReferencePoint(Array.from({ length: m }, (_, d) => front.map((p) => p[d])));
      const exact = hypervolume(front, ref);
      const mc = hypervolumeMonteCarlo(front, ref, 20_000, createRng(m));
      expect(mc.standardError).toBeGreaterThan(0);
      expect(Math.abs(mc.estimate - exact)).toBeLessThan(3 * mc.standardError);
      // About 1 % at this sample size: the 3-SE check above is not a loose bound.
      expect(mc.standardError / exact).toBeLessThan(0.02);
    }
  });

  it('reproduces with the same seed and is zero without points inside', () => {
    const pts = sphereFront(3, 50, 3);
    const a = hypervolumeMonteCarlo(pts, [1, 1, 1], 1000, createRng('s'));
    expect(hypervolumeMonteCarlo(pts, [1, 1, 1], 1000, createRng('s'))).toEqual(a);
    expect(hypervolumeMonteCarlo([[2, 2, 2]], [1, 1, 1], 1000, createRng(1)).estimate).toBe(0);
  });
});

describe('defaultReferencePoint', () => {
  it('is the per-objective max × 1.1 over the chosen finite rows', () => {
    const cols = [
      [1, 5, NaN, 10],
      [2, 4, 8, 1],
    ];
    expect(defaultReferencePoint(cols)).toEqual([11, 8 * 1.1]);
    expect(defaultReferencePoint(cols, [0, 1])).toEqual([5 * 1.1, 4 * 1.1]);
    expect(defaultReferencePoint([[-4, -2]])).toEqual([-2 + 0.2]);
    const [zero, range, none] = defaultReferencePoint([[0, 0], [-3, 0], [NaN, NaN]]);
    expect([zero, none]).toEqual([1, NaN]);
    expect(range).toBeCloseTo(0.3, 12);
  });
});
