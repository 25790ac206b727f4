/**
 * Canvas drawing of the parallel-coordinates lines. 100,000 rows × ~20 axes is
 * 2 M segments, so: every row's pixel y per axis is computed once per layout
 * (`projectRows`), lines are stroked in one path per colour bin (8 bins, not a
 * style change per row), and all rows are drawn once, dimmed, into a cached
 * background bitmap; a brush move redraws only the rows that pass, on top.
 * On a software canvas that is still ~1 s per 100,000 rows, so drawing is
 * spread over animation frames a few thousand rows at a time (`drawProgressively`):
 * the page stays responsive, and a newer drawing cancels an older one.
 */
import type { PcAxis } from './pcAxes.ts';

/**
 * Pixel y (CSS px) of `rows` on each axis, axis-major: y[a * rows.length + j] for row
 * rows[j]; NaN where the value is missing. Only the rows to be drawn are projected: with
 * a million rows and twenty axes, projecting all would be one long task for lines
 * nobody sees.
 */
export function projectRows(axes: readonly PcAxis[], rows: Int32Array): Float32Array {
  const m = rows.length;
  const y = new Float32Array(axes.length * m);
  axes.forEach((a, k) => {
    const v = a.column.values;
    const s = a.scale;
    const bad = a.log ? (x: number) => !(x > 0) : (x: number) => !Number.isFinite(x);
    for (let j = 0; j < m; j++) {
      const x = v[rows[j]];
      y[k * m + j] = bad(x) ? Number.NaN : s(x);
    }
  });
  return y;
}

export interface LineStyle {
  /** Colour bin of each row (0..colours.length-1), or null for one colour. */
  bins: Uint8Array | null;
  colours: readonly string[];
  alpha: number;
  width: number;
}

/**
 * Strokes projected rows `from`..`to` of `n` (`projectRows`) across axes at x positions
 * `xs`. A row stops at a missing value.
 */
export function drawLines(ctx: CanvasRenderingContext2D, y: Float32Array, n: number, xs: readonly number[], style: LineStyle, from = 0, to = n): void {
  const nAxes = xs.length;
  if (nAxes === 0) return;
  ctx.globalAlpha = style.alpha;
  ctx.lineWidth = style.width;
  const binCount = style.bins ? style.colours.length : 1;
  for (let b = 0; b < binCount; b++) {
    ctx.beginPath();
    for (let i = from; i < to; i++) {
      if (style.bins && style.bins[i] !== b) continue;
      let pen = false;
      for (let k = 0; k < nAxes; k++) {
        const yy = y[k * n + i];
        if (yy !== yy) { pen = false; continue; } // NaN: lift the pen
        if (pen) ctx.lineTo(xs[k], yy);
        else { ctx.moveTo(xs[k], yy); pen = true; }
      }
    }
    ctx.strokeStyle = style.colours[b];
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}

/** Rows per slice: ~30 ms of stroking on a software canvas with ~20 axes (~60–75 µs a row). */
export const ROWS_PER_SLICE = 400;

/**
 * At most this many lines are drawn per layer: past it, lines at the low opacity dense
 * data needs are indistinguishable, and stroking is the cost. Counts, brushes, exports
 * and the other views use every row; the caption says when lines are a sample.
 */
export const MAX_DRAWN_LINES = 8_000;

/**
 * Draws the `n` projected rows ROWS_PER_SLICE per animation frame (all at once when they
 * fit one slice). Returns a cancel function; `done` runs after the last slice.
 */
export function drawProgressively(
  ctx: CanvasRenderingContext2D, y: Float32Array, n: number, xs: readonly number[], style: LineStyle, done: () => void = () => {},
): () => void {
  let at = 0, frame = 0, cancelled = false;
  const step = () => {
    frame = 0;
    const started = performance.now();
    // Several slices per frame while they are quick (a small sweep draws in one go).
    while (at < n && performance.now() - started < 12) {
      const to = Math.min(n, at + ROWS_PER_SLICE);
      drawLines(ctx, y, n, xs, style, at, to);
      at = to;
    }
    if (cancelled) return;
    if (at < n) frame = requestAnimationFrame(step);
    else done();
  };
  step();
  return () => {
    cancelled = true;
    if (frame) cancelAnimationFrame(frame);
  };
}

/** Colour bins of `rows` by their values along `axis`'s own scale (so log axes colour by decade). */
export function colourBins(axis: PcAxis, rows: Int32Array, binCount: number): Uint8Array {
  const bins = new Uint8Array(rows.length);
  const [r0, r1] = axis.scale.range();
  const span = r1 - r0 || 1;
  const v = axis.column.values;
  for (let j = 0; j < rows.length; j++) {
    const t = (axis.scale(v[rows[j]]) - r0) / span; // 0 at the axis's low end
    bins[j] = t >= 0 && t <= 1 ? Math.min(binCount - 1, Math.floor(t * binCount)) : 0;
  }
  return bins;
}
