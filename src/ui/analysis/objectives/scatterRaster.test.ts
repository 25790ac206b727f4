import { describe, expect, it } from 'vitest';
import { parseColour, rasterCell } from './scatterRaster.ts';
import { unitScale } from './scatterScale.ts';

const raster = { widthPx: 20, heightPx: 10, dpr: 1, grey: [100, 100, 100] as const, front: [200, 0, 50] as const };
const alphaAt = (px: Uint8ClampedArray, x: number, y: number) => px[(y * raster.widthPx + x) * 4 + 3];

describe('unitScale', () => {
  it('goes log when the values span two decades or more, as the Pareto plot’s auto rule', () => {
    expect(unitScale(Float64Array.of(1, 10, 100), null).kind).toBe('log');
    expect(unitScale(Float64Array.of(1, 10, 99), null).kind).toBe('linear');
    const s = unitScale(Float64Array.of(1, 10, 100), null);
    expect(s.toUnit(10)).toBeCloseTo(0.5, 12);
    expect(Number.isNaN(s.toUnit(0))).toBe(true);
  });

  it('uses only the given rows for its extent', () => {
    const s = unitScale(Float64Array.of(5, 1000, 6), Int32Array.of(0, 2));
    expect(s.range).toEqual([5, 6]);
  });
});

describe('rasterCell', () => {
  it('puts the extremes inside the frame, grey faint to dense, front opaque in its colour', () => {
    const xs = Float64Array.of(0, 1, 1, 0.5);
    const ys = Float64Array.of(0, 1, 1, 0.5);
    const sx = unitScale(xs, null);
    const px = rasterCell(xs, ys, sx, sx, Int32Array.of(0, 1, 2), Int32Array.of(3), raster);
    // (0, 0) is at the bottom left, one pixel in; (1, 1) top right, drawn twice so darker.
    expect(alphaAt(px, 1, 8)).toBeGreaterThan(0);
    expect(alphaAt(px, 18, 1)).toBeGreaterThan(alphaAt(px, 1, 8));
    const mid = (5 * raster.widthPx + 10) * 4;
    expect([...px.slice(mid, mid + 4)]).toEqual([200, 0, 50, 255]);
    expect(alphaAt(px, 0, 0)).toBe(0);
  });

  it('skips points a log axis cannot show', () => {
    const xs = Float64Array.of(0, 1, 100);
    const s = unitScale(Float64Array.of(1, 100), null);
    const px = rasterCell(xs, xs, s, s, Int32Array.of(0), new Int32Array(0), raster);
    expect(px.every((v) => v === 0)).toBe(true);
  });
});

describe('parseColour', () => {
  it('reads hex and rgb() and falls back otherwise', () => {
    expect(parseColour(' #c2185b', [0, 0, 0])).toEqual([194, 24, 91]);
    expect(parseColour('rgb(1, 2, 3)', [0, 0, 0])).toEqual([1, 2, 3]);
    expect(parseColour('hotpink', [9, 9, 9])).toEqual([9, 9, 9]);
  });
});
