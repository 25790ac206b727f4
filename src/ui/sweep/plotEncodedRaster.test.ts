import { describe, expect, it } from 'vitest';
import { encodedChannel, COLOUR_BIN_HEX } from './plotEncoding.ts';
import { paintEncoded } from './plotEncodedRaster.ts';
import { parseHexColor, type RasterOptions } from './plotRaster.ts';

const o: RasterOptions = { width: 20, height: 10, dpr: 1, size: 2, k: 1, tx: 0, ty: 0, rgb: [100, 100, 100], alpha: 0.7 };
const rgbAt = (out: Uint8ClampedArray, x: number, y: number) => Array.from(out.subarray((y * o.width + x) * 4, (y * o.width + x) * 4 + 3));

describe('paintEncoded', () => {
  it('colours each point by its bin, lowest viridis to highest, and the highest bin on top where marks overlap', () => {
    const px = Float32Array.of(2, 10, 10.5), py = Float32Array.of(2, 5, 5);
    const values = Float64Array.of(0, 100, 0);
    const colour = encodedChannel('pe', 'PE', '', values);
    const out = new Uint8ClampedArray(o.width * o.height * 4);
    paintEncoded(px, py, Int32Array.of(0, 1, 2), { colour, size: null, version: 1 }, COLOUR_BIN_HEX, o, out);
    expect(rgbAt(out, 2, 2)).toEqual(parseHexColor(COLOUR_BIN_HEX[0]));
    // Points 1 (high) and 2 (low) overlap: the high one is drawn last, whatever the input order.
    expect(rgbAt(out, 10, 5)).toEqual(parseHexColor(COLOUR_BIN_HEX[7]));
    expect(rgbAt(out, 15, 8)).toEqual([0, 0, 0]);
  });

  it('sizes marks by their size class: a large value covers more pixels than a small one', () => {
    const px = Float32Array.of(4, 14), py = Float32Array.of(5, 5);
    const size = encodedChannel('area', 'Area', 'mm²', Float64Array.of(1, 9));
    const out = new Uint8ClampedArray(o.width * o.height * 4);
    paintEncoded(px, py, Int32Array.of(0, 1), { colour: null, size, version: 1 }, COLOUR_BIN_HEX, { ...o, size: 4 }, out);
    const covered = (x0: number, x1: number) => {
      let n = 0;
      for (let y = 0; y < o.height; y++) for (let x = x0; x < x1; x++) if (out[(y * o.width + x) * 4 + 3] > 0) n++;
      return n;
    };
    expect(covered(10, 20)).toBeGreaterThan(2 * covered(0, 10));
  });
});
