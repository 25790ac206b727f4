import { describe, expect, it } from 'vitest';
import { parseHexColor, rasterizeCloud, type RasterOptions } from './plotRaster.ts';

const opts = (patch: Partial<RasterOptions> = {}): RasterOptions => ({
  width: 10, height: 8, dpr: 1, size: 2, k: 1, tx: 0, ty: 0, rgb: [10, 20, 30], alpha: 0.5, ...patch,
});
const alphaAt = (img: Uint8ClampedArray, w: number, x: number, y: number) => img[(y * w + x) * 4 + 3];

describe('rasterizeCloud', () => {
  it('paints a size×size mark centred on each drawable point, darker where marks overlap', () => {
    const px = Float32Array.from([3, 3, 8]);
    const py = Float32Array.from([3, 3, 1]);
    const img = rasterizeCloud(px, py, Int32Array.from([0, 1]), opts(), new Uint8ClampedArray(10 * 8 * 4));
    expect(alphaAt(img, 10, 2, 2)).toBe(Math.round(255 * 0.75));
    expect(alphaAt(img, 10, 3, 3)).toBe(Math.round(255 * 0.75));
    expect(alphaAt(img, 10, 4, 4)).toBe(0);
    // Point 2 is not in the drawable list.
    expect(alphaAt(img, 10, 8, 1)).toBe(0);
    expect([...img.subarray((2 * 10 + 2) * 4, (2 * 10 + 2) * 4 + 3)]).toEqual([10, 20, 30]);
  });

  it('applies zoom and device pixel ratio, and clips marks at the edges', () => {
    const img = rasterizeCloud(Float32Array.from([2, 0]), Float32Array.from([1, 0]), Int32Array.from([0, 1]), opts({ k: 2, tx: 1, ty: 0, dpr: 2, width: 20, height: 16 }), new Uint8ClampedArray(20 * 16 * 4));
    // (2,1) → CSS (5,2) → device (10,4); the mark covers 9..10 × 3..4.
    expect(alphaAt(img, 20, 9, 3)).toBeGreaterThan(0);
    expect(alphaAt(img, 20, 10, 4)).toBeGreaterThan(0);
    expect(alphaAt(img, 20, 11, 5)).toBe(0);
    // (0,0) → device (2,0): the part above the top edge is clipped.
    expect(alphaAt(img, 20, 1, 0)).toBeGreaterThan(0);
  });
});

describe('parseHexColor', () => {
  it('reads 3- and 6-digit hex and falls back otherwise', () => {
    expect(parseHexColor('#ff0080')).toEqual([255, 0, 128]);
    expect(parseHexColor(' #abc ')).toEqual([170, 187, 204]);
    expect(parseHexColor('rgb(1,2,3)', [1, 1, 1])).toEqual([1, 1, 1]);
  });
});
