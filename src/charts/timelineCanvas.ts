/**
 * Canvas drawing of timeline bars, for runs with more ops than SVG handles
 * smoothly (BERT-Base training has thousands). Bars are coloured and striped by
 * what bound them (limiters.ts), as in the SVG version: shape as well as colour.
 */
import type { TimelineLayout } from './timelineLayout.ts';
import { LIMITER_ORDER, LIMITER_STYLES, type LimiterStyle } from './limiters.ts';

export interface TimelineGeometry {
  /** Cycle → CSS px. */
  x: (cycle: number) => number;
  /** Row and lane within it → top CSS px. */
  barTop: (row: number, lane: number) => number;
  barH: number;
  left: number;
  right: number;
}

/** A striped fill like the SVG `HatchPattern`: a 6 px tile, 30 % ground, a 3 px stripe turned by `angle`. */
function stripes(ctx: CanvasRenderingContext2D, color: string, dpr: number, angle: number): CanvasPattern | string {
  const size = Math.round(6 * dpr);
  const tile = document.createElement('canvas');
  tile.width = tile.height = size;
  const t = tile.getContext('2d');
  if (!t) return color;
  t.globalAlpha = 0.3;
  t.fillStyle = color;
  t.fillRect(0, 0, size, size);
  t.globalAlpha = 1;
  t.fillRect(0, 0, size / 2, size);
  const pattern = ctx.createPattern(tile, 'repeat');
  if (!pattern) return color;
  // The context is scaled by dpr: undo it for the tile, then turn it as SVG's patternTransform does.
  pattern.setTransform(new DOMMatrix().rotate(angle).scale(1 / dpr));
  return pattern;
}

export function drawTimelineBars(
  canvas: HTMLCanvasElement,
  layout: TimelineLayout,
  g: TimelineGeometry,
  colors: Record<LimiterStyle['color'], string>,
  cssWidth: number,
  cssHeight: number,
): void {
  const dpr = window.devicePixelRatio || 1;
  canvas.width = Math.round(cssWidth * dpr);
  canvas.height = Math.round(cssHeight * dpr);
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, cssWidth, cssHeight);
  ctx.save();
  ctx.beginPath();
  ctx.rect(g.left, 0, g.right - g.left, cssHeight);
  ctx.clip();
  for (const limiter of LIMITER_ORDER) {
    const style = LIMITER_STYLES[limiter];
    const color = colors[style.color];
    let fill: CanvasPattern | string | null = null;
    for (const b of layout.bars) {
      if (b.limiter !== limiter) continue;
      const x0 = g.x(b.x0), x1 = g.x(b.x1);
      if (x1 < g.left || x0 > g.right) continue;
      fill ??= style.stripes === null ? color : stripes(ctx, color, dpr, style.stripes);
      ctx.fillStyle = fill;
      ctx.fillRect(x0, g.barTop(b.row, b.lane), Math.max(1, x1 - x0), g.barH);
    }
  }
  ctx.restore();
}
