/**
 * Rasterises the point cloud straight into RGBA pixels: a hit count per device
 * pixel, then one pass mapping counts to alpha (1 − (1 − a)^count, so dense
 * regions darken the way overlapping translucent marks would). About 10× faster
 * than 100k fillRect calls on a software canvas, and the density shows.
 * Counts persist between frames, so streamed points are counted once.
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

/**
 * A cloud raster that keeps its hit counts between frames: when the view (size,
 * zoom, mark size) and the projection epoch are unchanged and points were only
 * appended, a frame counts and colours just the pixels the new points hit.
 */
export class CloudRaster {
  private counts = new Uint16Array(0);
  private view = '';
  private epoch = -1;
  private counted = 0;
  private lut = new Uint32Array(256);
  private lutKey = '';
  /** The pixels last painted into (still holding that frame), for colouring only the pixels that change. */
  private painted: Uint8ClampedArray | null = null;

  /**
   * Paints `drawable` into `out` (RGBA, width × height). `epoch` identifies the
   * positions: a new epoch (re-projected points) recounts everything.
   */
  paint(px: Float32Array, py: Float32Array, drawable: Int32Array, epoch: number, o: RasterOptions, out: Uint8ClampedArray): Uint8ClampedArray {
    const { width: w, height: h } = o;
    const view = `${w}x${h}|${o.dpr}|${o.size}|${o.k}|${o.tx}|${o.ty}`;
    const words = new Uint32Array(out.buffer, out.byteOffset, w * h);
    const lutChanged = this.updateLut(o);
    if (view !== this.view || epoch !== this.epoch || drawable.length < this.counted || out !== this.painted) {
      // Start over: both clears are native fills; then only pixels that points hit get coloured,
      // so a frame costs O(points), not O(pixels) (and a streamed frame O(new points)).
      if (this.counts.length < w * h) this.counts = new Uint16Array(w * h);
      else this.counts.fill(0, 0, w * h);
      words.fill(0);
      this.view = view;
      this.epoch = epoch;
      this.counted = 0;
    } else if (lutChanged) {
      this.colourAll(o, out);
    }
    this.count(px, py, drawable, this.counted, o, words);
    this.counted = drawable.length;
    this.painted = out;
    return out;
  }

  /** Adds hits of drawable[from..] and writes the new colour of every pixel hit. */
  private count(px: Float32Array, py: Float32Array, drawable: Int32Array, from: number, o: RasterOptions, words: Uint32Array): void {
    const { width: w, height: h, dpr, size, k, tx, ty } = o;
    const { counts, lut } = this;
    const half = size / 2;
    const a = k * dpr;
    const bx = tx * dpr - half;
    const by = ty * dpr - half;
    for (let j = from; j < drawable.length; j++) {
      const i = drawable[j];
      const x0 = Math.round(a * px[i] + bx);
      const y0 = Math.round(a * py[i] + by);
      if (x0 >= w || y0 >= h || x0 + size <= 0 || y0 + size <= 0) continue;
      const xa = Math.max(0, x0);
      const xb = Math.min(w, x0 + size);
      const yb = Math.min(h, y0 + size);
      for (let y = Math.max(0, y0); y < yb; y++) {
        const row = y * w;
        for (let x = xa; x < xb; x++) {
          const c = counts[row + x];
          if (c < 65535) counts[row + x] = c + 1;
          words[row + x] = lut[c >= 255 ? 255 : c + 1];
        }
      }
    }
  }

  /** Rebuilds the count → RGBA word table when colour or opacity changed; true if it did. */
  private updateLut(o: RasterOptions): boolean {
    const [r, g, b] = o.rgb;
    const key = `${r},${g},${b},${o.alpha}`;
    if (key === this.lutKey) return false;
    this.lutKey = key;
    const probe = new Uint8ClampedArray(this.lut.buffer);
    for (let c = 1; c < 256; c++) probe.set([r, g, b, Math.round(255 * (1 - (1 - o.alpha) ** c))], c * 4);
    return true;
  }

  /** One packed RGBA word per hit count (saturating at 255 hits): one store per pixel. */
  private colourAll(o: RasterOptions, out: Uint8ClampedArray): void {
    const { counts, lut } = this;
    const n = o.width * o.height;
    const words = new Uint32Array(out.buffer, out.byteOffset, n);
    for (let p = 0; p < n; p++) {
      const c = counts[p];
      words[p] = c === 0 ? 0 : lut[c > 255 ? 255 : c];
    }
  }
}

/** Rasterises every drawable point from scratch (a one-off CloudRaster). */
export function rasterizeCloud(px: Float32Array, py: Float32Array, drawable: Int32Array, o: RasterOptions, out: Uint8ClampedArray): Uint8ClampedArray {
  return new CloudRaster().paint(px, py, drawable, 0, o, out);
}

/** `#6b7a8f` or `#abc` → [r, g, b]; anything else → the fallback. */
export function parseHexColor(text: string, fallback: [number, number, number] = [107, 122, 143]): [number, number, number] {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text.trim());
  if (!m) return fallback;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}
