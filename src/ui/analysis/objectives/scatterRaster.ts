/**
 * Pixels of one scatter-matrix cell, written straight into an RGBA buffer:
 * at 10⁵–10⁶ points, one canvas call per point is too slow, a pixel write is not.
 * Grey points accumulate (denser pixels are darker), so a cloud of 200,000
 * points keeps its shape; front points are drawn last as solid squares.
 * Pure (no DOM): the component wraps the buffer in an ImageData.
 */
import type { UnitScale } from './scatterScale.ts';
import { parseHexColor } from '../../sweep/plotRaster.ts';

/** Most grey points drawn per cell; beyond, every k-th analysed row (deterministic, so a redraw is identical). */
export const GREY_POINT_LIMIT = 200_000;

/** Up to this many grey points each gets a small square rather than one pixel. */
const SPARSE_POINTS = 50_000;

export type Rgb = readonly [number, number, number];

export interface CellRaster {
  widthPx: number;
  heightPx: number;
  /** Device pixels per CSS pixel: the front squares scale with it. */
  dpr: number;
  grey: Rgb;
  front: Rgb;
}

export function rasterCell(
  xs: ArrayLike<number>, ys: ArrayLike<number>, xScale: UnitScale, yScale: UnitScale,
  greyRows: Int32Array, frontRows: Int32Array, r: CellRaster,
): Uint8ClampedArray<ArrayBuffer> {
  const { widthPx: w, heightPx: h } = r;
  const pixels = new Uint8ClampedArray(w * h * 4);
  const hits = new Uint16Array(w * h);
  // One pixel of margin on every side: points at the extremes stay whole and visible.
  const px = (u: number) => Math.round(1 + u * (w - 3));
  const py = (u: number) => Math.round(h - 2 - u * (h - 3));
  // A lone point of one device pixel is invisible in a sparse sweep; dense clouds stay at one pixel so their shape shows.
  const side = greyRows.length <= SPARSE_POINTS ? Math.max(2, Math.round(1.5 * r.dpr)) : 1;
  for (const i of greyRows) {
    const x = px(xScale.toUnit(xs[i]));
    const y = py(yScale.toUnit(ys[i]));
    // NaN (missing, or ≤ 0 on a log axis) fails both tests.
    if (!(x >= 0 && x < w && y >= 0 && y < h)) continue;
    for (let dy = 0; dy < side && y + dy < h; dy++) {
      for (let dx = 0; dx < side && x + dx < w; dx++) {
        const p = (y + dy) * w + x + dx;
        if (hits[p] < 65535) hits[p]++;
      }
    }
  }
  for (let p = 0; p < hits.length; p++) {
    if (hits[p] === 0) continue;
    // One point is visible but light, ~8 stacked are opaque: density shows without hiding the lone outliers.
    const alpha = Math.min(255, 110 + 48 * Math.log2(hits[p]));
    put(pixels, p * 4, r.grey, alpha);
  }
  const half = Math.max(1, Math.round(r.dpr));
  for (const i of frontRows) {
    const x = px(xScale.toUnit(xs[i]));
    const y = py(yScale.toUnit(ys[i]));
    if (!(x >= 0 && y >= 0)) continue;
    for (let dy = -half; dy <= half; dy++) {
      for (let dx = -half; dx <= half; dx++) {
        const xx = x + dx;
        const yy = y + dy;
        if (xx < 0 || xx >= w || yy < 0 || yy >= h) continue;
        put(pixels, (yy * w + xx) * 4, r.front, 255);
      }
    }
  }
  return pixels;
}

/** Channel by channel: a temporary array per pixel would dominate the cost. */
function put(pixels: Uint8ClampedArray, at: number, rgb: Rgb, alpha: number): void {
  pixels[at] = rgb[0];
  pixels[at + 1] = rgb[1];
  pixels[at + 2] = rgb[2];
  pixels[at + 3] = alpha;
}

/** `rgb(r, g, b)` (what getComputedStyle gives for a custom property) or hex (parseHexColor) → RGB; `fallback` otherwise. */
export function parseColour(text: string, fallback: Rgb): Rgb {
  const rgb = /^rgba?\((\d+)[,\s]+(\d+)[,\s]+(\d+)/i.exec(text.trim());
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : parseHexColor(text, [...fallback]);
}
