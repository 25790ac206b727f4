import { describe, expect, it } from 'vitest';
import { frontPointsBeaten } from './frontBeaten.ts';

describe('frontPointsBeaten', () => {
  const xs = new Float64Array([1, 2, 3, 4]);
  const ys = new Float64Array([4, 3, 2, 1]);
  const front = [0, 1, 2, 3];

  it('counts front points the design is no worse than on both axes and better on one (both minimised)', () => {
    expect(frontPointsBeaten(front, { xs, ys }, { x: 'latency', y: 'energy' }, { x: 2, y: 2 })).toBe(2);
    expect(frontPointsBeaten(front, { xs, ys }, { x: 'latency', y: 'energy' }, { x: 5, y: 5 })).toBe(0);
    // Equal to a point is not beating it.
    expect(frontPointsBeaten(front, { xs, ys }, { x: 'latency', y: 'energy' }, { x: 1, y: 4 })).toBe(0);
  });

  it('reads a maximised axis (accuracy) the other way round', () => {
    const acc = new Float64Array([0.60, 0.65, 0.70, 0.75]);
    // Latency 2, accuracy 0.72: beats the points at latency ≥ 2 with accuracy ≤ 0.72 (indices 1 and 2).
    expect(frontPointsBeaten(front, { xs, ys: acc }, { x: 'latency', y: 'accuracy' }, { x: 2, y: 0.72 })).toBe(2);
    expect(frontPointsBeaten(front, { xs: acc, ys }, { x: 'accuracy', y: 'energy' }, { x: 0.8, y: 0.5 })).toBe(4);
  });

  it('beats nothing from a design with no value on an axis', () => {
    expect(frontPointsBeaten(front, { xs, ys }, { x: 'latency', y: 'accuracy' }, { x: 0, y: Number.NaN })).toBe(0);
  });
});
