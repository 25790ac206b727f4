/**
 * The Pareto plot's canvas layer: the point cloud (theme colour `--cloud`) and,
 * on top, the brushed selection as accent squares (`--accent`). Both are
 * rasterised (CloudRaster), so brushing 100k points costs a few milliseconds
 * where 100k SVG squares took tens. A frame where neither the points, the
 * selection, the zoom nor the colours changed (a focus ring moved) leaves the canvas alone.
 */
import type { ZoomTransform } from 'd3';
import { CloudRaster, parseHexColor, type RasterOptions } from './plotRaster.ts';
import type { PlotProjection } from './plotProjection.ts';
import type { PlotInput } from './plotTypes.ts';
import { measureSince } from '../../state/perfMark.ts';
import { COLOUR_BIN_HEX, type PointEncoding } from './plotEncoding.ts';
import { paintEncoded } from './plotEncodedRaster.ts';

/** Above this many points, marks shrink and fade so density still shows. */
const DENSE_POINTS = 20_000;
type Rgb = [number, number, number];

export class CloudCanvas {
  private cloud = new CloudRaster();
  private readonly selected = new CloudRaster();
  /** A finished sweep from the history, under the cloud in its own colour. */
  private readonly overlaid = new CloudRaster();
  private overlayPixels = new Uint8ClampedArray(0);
  private image: ImageData | null = null;
  /** The cloud alone, kept so a selection can be laid over it without recounting the cloud. */
  private cloudPixels = new Uint8ClampedArray(0);
  private selectionPixels = new Uint8ClampedArray(0);
  private colours: { cloud: Rgb; accent: Rgb; overlay: Rgb } | null = null;
  private painted: unknown[] = [];
  /** The selection raster recounts from scratch whenever this changes (its input is not append-only). */
  private selectionEpoch = 0;
  private selectionKey: unknown[] = [];
  /** Drawable points inside the parallel-coordinates brushes, recomputed when the points or the brushes change. */
  private kept = { key: [] as unknown[], indices: new Int32Array(0), epoch: 0 };

  /** @param themed - the element whose CSS variables give the colours. */
  constructor(private readonly canvas: HTMLCanvasElement, private readonly themed: HTMLElement) {}

  /**
   * The drawable points that pass the brushes. Its own (negative) epochs make the
   * raster recount from scratch: a filtered list is not an append-only prefix.
   */
  private keep(proj: PlotProjection, brushed: NonNullable<PlotInput['brushed']>): { drawable: Int32Array; epoch: number } {
    const key = [proj.epoch, proj.drawable.length, brushed.fails, brushed.version];
    if (key.some((v, i) => v !== this.kept.key[i])) {
      const { drawable } = proj;
      const { fails } = brushed;
      const out = new Int32Array(drawable.length);
      let n = 0;
      for (let j = 0; j < drawable.length; j++) if (fails[drawable[j]] === 0) out[n++] = drawable[j];
      this.kept = { key, indices: out.subarray(0, n), epoch: this.kept.epoch - 1 };
    }
    return { drawable: this.kept.indices, epoch: this.kept.epoch };
  }

  /** The theme changed: read the colours again on the next draw. */
  refreshColour(): void {
    this.colours = null;
  }

  /** Paints the projection's drawable points and the selection at zoom `t`; `cssWidth` is the plot's width in CSS pixels. */
  draw(proj: PlotProjection, selection: Int32Array, t: ZoomTransform, cssWidth: number, brushed: PlotInput['brushed'] = null, encoding: PointEncoding | null = null): void {
    const { canvas } = this;
    const ctx = canvas.getContext('2d')!;
    if (!this.image || this.image.width !== canvas.width || this.image.height !== canvas.height) {
      this.image = ctx.createImageData(Math.max(1, canvas.width), Math.max(1, canvas.height));
      this.cloudPixels = new Uint8ClampedArray(this.image.data.length);
      this.selectionPixels = new Uint8ClampedArray(this.image.data.length);
      this.overlayPixels = new Uint8ClampedArray(this.image.data.length);
    }
    const colours = (this.colours ??= {
      cloud: this.cssColour(ctx, '--cloud', '#6b7a8f'), accent: this.cssColour(ctx, '--accent', '#0b5cad'), overlay: this.cssColour(ctx, '--series-2', '#d9480f'),
    });
    const { px, py } = proj;
    const { drawable, epoch } = brushed ? this.keep(proj, brushed) : proj;
    const encoded = encoding && (encoding.colour || encoding.size) ? encoding : null;
    const key = [epoch, drawable.length, selection, t.k, t.x, t.y, this.image, ...colours.cloud, ...colours.accent, ...colours.overlay, encoded?.version ?? -1];
    if (key.length === this.painted.length && key.every((v, i) => v === this.painted[i])) return;
    this.painted = key;
    const started = performance.now();
    const dense = drawable.length > DENSE_POINTS;
    const dpr = canvas.width / Math.max(1, cssWidth);
    const o: RasterOptions = {
      width: this.image.width, height: this.image.height, dpr, size: Math.max(2, Math.round((dense ? 2 : 3) * dpr)),
      k: t.k, tx: t.x, ty: t.y, rgb: colours.cloud, alpha: dense ? 0.45 : 0.7,
    };
    const pixels = this.image.data;
    if (encoded) {
      paintEncoded(px, py, drawable, encoded, COLOUR_BIN_HEX, o, this.cloudPixels);
      // The density raster's counts no longer describe these pixels: it starts over when colour-by ends.
      this.cloud = new CloudRaster();
    } else {
      this.cloud.paint(px, py, drawable, epoch, o, this.cloudPixels);
    }
    if (proj.overlayDrawable.length > 0) {
      this.overlaid.paint(proj.opx, proj.opy, proj.overlayDrawable, epoch, { ...o, rgb: colours.overlay, alpha: o.alpha * 0.8 }, this.overlayPixels);
      pixels.set(this.overlayPixels);
      overlay(pixels, this.cloudPixels);
    } else {
      pixels.set(this.cloudPixels);
    }
    if (selection.length > 0) {
      // A new selection, new positions, or (while a re-projection is spread over frames) more points placed.
      const selectionKey = [epoch, selection, proj.busy ? drawable.length : -1];
      if (selectionKey.some((v, i) => v !== this.selectionKey[i])) [this.selectionEpoch, this.selectionKey] = [this.selectionEpoch + 1, selectionKey];
      // One device pixel larger than the cloud's marks, so a selected point covers its grey mark.
      this.selected.paint(px, py, selection, this.selectionEpoch, { ...o, size: o.size + Math.round(dpr), rgb: colours.accent, alpha: 0.85 }, this.selectionPixels);
      overlay(pixels, this.selectionPixels);
    }
    ctx.putImageData(this.image, 0, 0);
    measureSince('pareto:raster', started);
  }

  /** A CSS colour variable as RGB, normalised to #rrggbb by the canvas. */
  private cssColour(ctx: CanvasRenderingContext2D, name: string, fallback: string): Rgb {
    ctx.fillStyle = getComputedStyle(this.themed).getPropertyValue(name).trim() || fallback;
    return parseHexColor(String(ctx.fillStyle));
  }
}

/** Lays the non-empty pixels of `top` over `base` (both RGBA, same size). */
function overlay(base: Uint8ClampedArray, top: Uint8ClampedArray): void {
  const b = new Uint32Array(base.buffer, base.byteOffset, base.length / 4);
  const t = new Uint32Array(top.buffer, top.byteOffset, top.length / 4);
  for (let p = 0; p < t.length; p++) if (t[p] !== 0) b[p] = t[p];
}
