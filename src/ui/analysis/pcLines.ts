/**
 * Canvas drawing of the parallel-coordinates lines. 100,000 rows × ~15 axes is
 * 1.5 M segments, so: every row's pixel y per axis is computed once per layout
 * (`projectRows`), lines are stroked in one path per colour bin (8 bins, not a
 * style change per row), and all rows are drawn once, dimmed, into a cached
 * background bitmap; a brush move redraws only the rows that pass, on top.
 */
import type { PcAxis } from './pcAxes.ts';

/** Rows' y (CSS px) per axis, axis-major: y[a * n + i]; NaN where the value is missing. */
export function projectRows(axes: readonly PcAxis[], n: number): Float32Array {
  const y = new Float32Array(axes.length * n);
  axes.forEach((a, k) => {
    const v = a.column.values;
    const s = a.scale;
    const bad = a.log ? (x: number) => !(x > 0) : (x: number) => !Number.isFinite(x);
    for (let i = 0; i < n; i++) y[k * n + i] = bad(v[i]) ? Number.NaN : s(v[i]);
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
export function drawLines(ctx: CanvasRenderingContext2D, y: Float32Array, n: number, xs: readonly number[], style: LineStyle, rows: { fails?: Uint16Array; only?: Int32Array }): void {
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
    if (rows.only) for (const i of rows.only) one(i);
    else if (rows.fails) { const f = rows.fails; for (let i = 0; i < n; i++) if (f[i] === 0) one(i); }
    else for (let i = 0; i < n; i++) one(i);
    ctx.strokeStyle = style.colours[b];
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}

/** Colour bins of rows by `values` along `axis`'s own scale (so log axes colour by decade). */
export function colourBins(axis: PcAxis, n: number, binCount: number): Uint8Array {
  const bins = new Uint8Array(n);
  const [r0, r1] = axis.scale.range();
  const span = r1 - r0 || 1;
  const v = axis.column.values;
  for (let i = 0; i < n; i++) {
    const t = (axis.scale(v[i]) - r0) / span; // 0 at the axis's low end
    bins[i] = t >= 0 && t <= 1 ? Math.min(binCount - 1, Math.floor(t * binCount)) : 0;
  }
  return bins;
}
