import { describe, expect, it } from 'vitest';
import { emptyColumns } from '../../core/sweep/objectives.ts';
import { brushFromSelection, pointsInBrush, roundSig } from './brushRect.ts';

function cloud(n: number, seed = 1) {
  const c = emptyColumns(n);
  let s = seed;
  const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  for (let i = 0; i < n; i++) {
    c.latency[i] = 10 ** (-6 + 3 * rnd());
    c.energy[i] = 10 ** (-4 + 4 * rnd());
    c.area[i] = i % 97 === 0 ? Number.NaN : 100 * rnd();
  }
  return c;
}

describe('brush rectangle', () => {
  it('round-trips: the stored rectangle selects exactly the brushed points, however many', () => {
    const c = cloud(100_000);
    const brushed = pointsInBrush(c, { x: 'latency', y: 'energy', x0: 2.3456789e-6, x1: 3.1e-4, y0: 1.23456e-3, y1: 0.3 });
    expect(brushed.length).toBeGreaterThan(17_000);
    const brush = brushFromSelection(c, brushed, 'latency', 'energy')!;
    expect([...pointsInBrush(c, brush)]).toEqual([...brushed]);
    expect(JSON.stringify(brush).length).toBeLessThan(110);
  });

  it('keeps points that failed (NaN) out, and gives null for nothing brushed', () => {
    const c = cloud(2000);
    const brushed = pointsInBrush(c, { x: 'area', y: 'energy', x0: 10, x1: 60, y0: 0, y1: 1 });
    expect([...brushed].some((i) => i % 97 === 0)).toBe(false);
    const brush = brushFromSelection(c, brushed, 'area', 'energy')!;
    expect([...pointsInBrush(c, brush)]).toEqual([...brushed]);
    expect(brushFromSelection(c, new Int32Array(0), 'area', 'energy')).toBeNull();
  });

  it('adds digits until nothing else falls inside', () => {
    const c = emptyColumns(3);
    c.latency.set([1.00001, 1.00002, 1.000025]);
    c.energy.set([1, 1, 1]);
    const brush = brushFromSelection(c, Int32Array.from([0, 1]), 'latency', 'energy')!;
    expect([...pointsInBrush(c, brush)]).toEqual([0, 1]);
  });

  it('rounds outward to significant digits', () => {
    expect(roundSig(1.23456, 3, -1)).toBe(1.23);
    expect(roundSig(1.23456, 3, 1)).toBe(1.24);
    expect(roundSig(0.000123456, 2, 1)).toBe(0.00013);
    expect(roundSig(123456, 2, -1)).toBe(120000);
    expect(roundSig(-1.5, 1, -1)).toBe(-2);
  });
});
