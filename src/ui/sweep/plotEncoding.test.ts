import { describe, expect, it } from 'vitest';
import { binOf, binRange, COLOUR_BIN_COUNT, COLOUR_BIN_HEX, encodedChannel } from './plotEncoding.ts';

describe('plot encoding', () => {
  it('bins a linear column into equal steps, low to high, NaN unplaced', () => {
    const c = encodedChannel('pe', 'Processing elements', '', Float64Array.of(0, 10, 20, 30, 40, Number.NaN));
    expect(c.kind).toBe('linear');
    expect([0, 5, 10, 39.9, 40].map((v) => binOf(c, v, 4))).toEqual([0, 0, 1, 3, 3]);
    expect(binOf(c, Number.NaN, 4)).toBe(-1);
    expect(binRange(c, 1, 4)).toEqual([10, 20]);
  });

  it('uses a log scale when the values span two decades, as the axes do', () => {
    const c = encodedChannel('latency', 'Latency', 's', Float64Array.of(1e-6, 1e-5, 1e-4, 1e-3));
    expect(c.kind).toBe('log');
    expect([1e-6, 3e-6, 3e-5, 3e-4, 1e-3].map((v) => binOf(c, v, 3))).toEqual([0, 0, 1, 2, 2]);
    const [lo, hi] = binRange(c, 0, 3)!;
    expect(lo).toBeCloseTo(1e-6, 12);
    expect(hi).toBeCloseTo(1e-5, 10);
  });

  it('places a constant column’s points in a bin, and has eight distinct colours', () => {
    const c = encodedChannel('area', 'Area', 'mm²', Float64Array.of(5, 5, 5));
    const bin = binOf(c, 5, COLOUR_BIN_COUNT);
    expect(bin).toBeGreaterThanOrEqual(0);
    expect(bin).toBeLessThan(COLOUR_BIN_COUNT);
    expect(new Set(COLOUR_BIN_HEX).size).toBe(COLOUR_BIN_COUNT);
  });
});
