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
 * Strokes rows (all of them, or those where `pass[i] === 0` when `fails` is given,
 * or just `only`) across axes at x positions `xs`. A row stops at a missing value.
 */
export function drawLines(
  ctx: CanvasRenderingContext2D, y: Float32Array, n: number, xs: readonly number[], style: LineStyle,
  rows: { fails?: Uint16Array; only?: Int32Array }, from = 0, to = rows.only ? rows.only.length : n,
): void {
  const nAxes = xs.length;
  if (nAxes === 0) return;
  ctx.globalAlpha = style.alpha;
  ctx.lineWidth = style.width;
  const binCount = style.bins ? style.colours.length : 1;
  for (let b = 0; b < binCount; b++) {
    ctx.beginPath();
    const one = (i: number) => {
      if (style.bins && style.bins[i] !== b) return;
      let pen = false;
      for (let k = 0; k < nAxes; k++) {
        const yy = y[k * n + i];
        if (yy !== yy) { pen = false; continue; } // NaN: lift the pen
        if (pen) ctx.lineTo(xs[k], yy);
        else { ctx.moveTo(xs[k], yy); pen = true; }
      }
    };
    if (rows.only) for (let j = from; j < to; j++) one(rows.only[j]);
    else if (rows.fails) { const f = rows.fails; for (let i = from; i < to; i++) if (f[i] === 0) one(i); }
    else for (let i = from; i < to; i++) one(i);
    ctx.strokeStyle = style.colours[b];
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}

/** One call of `drawLines` over all its rows, for `drawProgressively` to split. */
export interface LinePass {
  style: LineStyle;
  rows: { fails?: Uint16Array; only?: Int32Array };
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
 * The rows to draw: those passing (`fails[i] === 0`, or all without `fails`), thinned to
 * every k-th when there are more than `cap`, so the sample is spread evenly and the same
 * on every redraw.
 */
export function drawnRows(n: number, fails: Uint16Array | null, cap = MAX_DRAWN_LINES): { rows: Int32Array; of: number } {
  let count = n;
  if (fails) { count = 0; for (let i = 0; i < n; i++) if (fails[i] === 0) count++; }
  const stride = Math.max(1, Math.ceil(count / cap));
  const rows = new Int32Array(Math.ceil(count / stride));
  let seen = 0, k = 0;
  for (let i = 0; i < n; i++) {
    if (fails && fails[i] !== 0) continue;
    if (seen++ % stride === 0) rows[k++] = i;
  }
  return { rows: rows.subarray(0, k), of: count };
}

/**
 * Draws `passes` in order, ROWS_PER_SLICE rows per animation frame (all at once when
 * the rows fit one slice). Returns a cancel function; `done` runs after the last slice.
 */
export function drawProgressively(
  ctx: CanvasRenderingContext2D, y: Float32Array, n: number, xs: readonly number[], passes: readonly LinePass[], done: () => void = () => {},
): () => void {
  let pass = 0, at = 0, frame = 0, cancelled = false;
  const step = () => {
    frame = 0;
    const started = performance.now();
    // Several slices per frame while they are quick (a small sweep draws in one go).
    while (pass < passes.length && performance.now() - started < 12) {
      const { style, rows } = passes[pass];
      const end = rows.only ? rows.only.length : n;
      const to = Math.min(end, at + ROWS_PER_SLICE);
      drawLines(ctx, y, n, xs, style, rows, at, to);
      at = to;
      if (at >= end) { pass++; at = 0; }
    }
    if (cancelled) return;
    if (pass < passes.length) frame = requestAnimationFrame(step);
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
