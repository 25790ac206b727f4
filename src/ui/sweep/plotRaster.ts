/**
 * Rasterises the point cloud straight into RGBA pixels: a hit count per device
 * pixel, then one pass mapping counts to alpha (1 − (1 − a)^count, so dense
 * regions darken the way overlapping translucent marks would). About 10× faster
 * than 100k fillRect calls on a software canvas, and the density shows.
 */
export interface RasterOptions {
  /** Device-pixel size of the canvas. */
  width: number;
  height: number;
  /** CSS → device pixels. */
  dpr: number;
  /** Mark side in device pixels. */
  size: number;
  /** Zoom: screen = k · base + t, in CSS pixels. */
  k: number;
  tx: number;
  ty: number;
  /** Mark colour and the opacity of one mark. */
  rgb: [number, number, number];
  alpha: number;
}

/** Count buffer reused between frames (same size → no allocation). */
let counts = new Uint16Array(0);

export function rasterizeCloud(px: Float32Array, py: Float32Array, drawable: Int32Array, o: RasterOptions, out: Uint8ClampedArray): Uint8ClampedArray {
  const { width: w, height: h, dpr, size, k, tx, ty } = o;
  if (counts.length < w * h) counts = new Uint16Array(w * h);
  else counts.fill(0, 0, w * h);
  const half = size / 2;
  const a = k * dpr;
  const bx = tx * dpr - half;
  const by = ty * dpr - half;
  for (let j = 0; j < drawable.length; j++) {
    const i = drawable[j];
    const x0 = Math.round(a * px[i] + bx);
    const y0 = Math.round(a * py[i] + by);
    if (x0 >= w || y0 >= h || x0 + size <= 0 || y0 + size <= 0) continue;
    const xa = Math.max(0, x0);
    const xb = Math.min(w, x0 + size);
    const yb = Math.min(h, y0 + size);
    for (let y = Math.max(0, y0); y < yb; y++) {
      const row = y * w;
      for (let x = xa; x < xb; x++) if (counts[row + x] < 65535) counts[row + x]++;
    }
  }
  // One packed RGBA word per hit count (saturating at 255 hits): one store per pixel.
  const [r, g, b] = o.rgb;
  const lut = new Uint32Array(256);
  const probe = new Uint8ClampedArray(lut.buffer);
  for (let c = 1; c < 256; c++) probe.set([r, g, b, Math.round(255 * (1 - (1 - o.alpha) ** c))], c * 4);
  const words = new Uint32Array(out.buffer, out.byteOffset, w * h);
  for (let p = 0; p < w * h; p++) {
    const c = counts[p];
    words[p] = c === 0 ? 0 : lut[c > 255 ? 255 : c];
  }
  return out;
}

/** `#6b7a8f` or `#abc` → [r, g, b]; anything else → the fallback. */
export function parseHexColor(text: string, fallback: [number, number, number] = [107, 122, 143]): [number, number, number] {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text.trim());
  if (!m) return fallback;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}
