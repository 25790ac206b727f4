import { describe, expect, it } from 'vitest';
import { createRng } from '../rng.ts';
import { hypervolume2d, kneePoint, type Point2d } from './quality.ts';

/** Monte-Carlo-free check: count unit cells of an integer grid that some point dominates. */
function gridVolume(points: Point2d[], ref: Point2d): number {
  let cells = 0;
  for (let cx = 0; cx < ref[0]; cx++) {
    for (let cy = 0; cy < ref[1]; cy++) {
      if (points.some(([x, y]) => x <= cx && y <= cy)) cells++;
    }
  }
  return cells;
}

describe('hypervolume2d', () => {
  it('equals the dominated cell count on integer clouds', () => {
    const rng = createRng(5);
    for (let trial = 0; trial < 100; trial++) {
      const pts: Point2d[] = Array.from({ length: 1 + rng.int(15) }, () => [rng.int(12), rng.int(12)] as const);
      expect(hypervolume2d(pts, [10, 10])).toBe(gridVolume(pts, [10, 10]));
    }
  });

  it('never decreases when a point is added', () => {
    const rng = createRng(6);
    const pts: Point2d[] = [];
    let last = 0;
    for (let i = 0; i < 300; i++) {
      pts.push([rng.next(), rng.next()]);
      const hv = hypervolume2d(pts, [1, 1]);
      expect(hv).toBeGreaterThanOrEqual(last);
      last = hv;
    }
  });

  it('ignores points outside the reference box and non-finite points', () => {
    expect(hypervolume2d([[2, 0], [0, 2], [NaN, 0]], [1, 1])).toBe(0);
    expect(hypervolume2d([[0, 0]], [2, 3])).toBe(6);
  });
});

describe('kneePoint', () => {
  it('picks the corner of an L-shaped front', () => {
    expect(kneePoint([[0, 10], [1, 1], [10, 0]])).toBe(1);
    expect(kneePoint([[0, 10], [5, 6], [6, 5], [1, 1.5], [10, 0]])).toBe(3);
  });

  it('handles tiny and degenerate fronts', () => {
    expect(kneePoint([])).toBe(-1);
    expect(kneePoint([[3, 4]])).toBe(0);
    expect(kneePoint([[0, 1], [1, 0]])).toBe(0);
  });
});
