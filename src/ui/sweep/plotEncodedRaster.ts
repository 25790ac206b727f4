/**
 * Paints the cloud with colour and size by a column (plotEncoding.ts): one counting sort
 * of the drawable points by bin, then opaque marks, high bins last so they sit on top.
 * No density blending here: a mark's colour is its value, and blending two bins' colours
 * would make a colour no bin has.
 */
import { binOf, COLOUR_BIN_COUNT, SIZE_CLASS_COUNT, SIZE_CLASS_SCALE, type PointEncoding } from './plotEncoding.ts';
import { parseHexColor, type RasterOptions } from './plotRaster.ts';

const pack = ([r, g, b]: readonly number[], alpha: number): number => {
  const bytes = Uint8ClampedArray.of(r, g, b, Math.round(255 * alpha));
  return new Uint32Array(bytes.buffer)[0];
};

/** Paints `drawable` into `out` (RGBA, o.width × o.height), replacing what was there. */
export function paintEncoded(
  px: Float32Array, py: Float32Array, drawable: Int32Array, enc: PointEncoding, colourHex: readonly string[], o: RasterOptions, out: Uint8ClampedArray,
): void {
  const { width: w, height: h, dpr, k, tx, ty } = o;
  const words = new Uint32Array(out.buffer, out.byteOffset, w * h);
  words.fill(0);
  const plain = pack(o.rgb, 0.8);
  const binWords = colourHex.map((hex) => pack(parseHexColor(hex), 0.9));
  const { colour, size } = enc;
  // Sort key: the colour bin (high on top); without colour, large marks first so small ones stay visible.
  const keys = new Int8Array(drawable.length);
  const sizes = new Uint8Array(drawable.length);
  const buckets = new Int32Array(COLOUR_BIN_COUNT + 2);
  for (let j = 0; j < drawable.length; j++) {
    const i = drawable[j];
    const sc = size ? binOf(size, size.values[i], SIZE_CLASS_COUNT) : 1;
    sizes[j] = sc < 0 ? 0 : sc;
    const key = colour ? binOf(colour, colour.values[i], COLOUR_BIN_COUNT) + 1 : SIZE_CLASS_COUNT - 1 - sizes[j];
    keys[j] = key;
    buckets[key + 1]++;
  }
  for (let b = 1; b < buckets.length; b++) buckets[b] += buckets[b - 1];
  const order = new Int32Array(drawable.length);
  for (let j = 0; j < drawable.length; j++) order[buckets[keys[j]]++] = j;

  const a = k * dpr;
  for (let n = 0; n < order.length; n++) {
    const j = order[n];
    const i = drawable[j];
    const side = Math.max(1, Math.round(o.size * SIZE_CLASS_SCALE[sizes[j]]));
    const half = side / 2;
    const x0 = Math.round(a * px[i] + tx * dpr - half);
    const y0 = Math.round(a * py[i] + ty * dpr - half);
    if (x0 >= w || y0 >= h || x0 + side <= 0 || y0 + side <= 0) continue;
    const word = colour ? (keys[j] === 0 ? plain : binWords[keys[j] - 1]) : plain;
    const xa = Math.max(0, x0), xb = Math.min(w, x0 + side), yb = Math.min(h, y0 + side);
    for (let y = Math.max(0, y0); y < yb; y++) words.fill(word, y * w + xa, y * w + xb);
  }
}
