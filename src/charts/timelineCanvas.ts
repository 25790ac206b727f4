/**
 * Canvas drawing of timeline bars, for runs with more ops than SVG handles
 * smoothly (BERT-Base training has thousands). Memory-bound bars are hatched,
 * as in the SVG version, so the two bounds differ in shape as well as colour.
 */
import type { TimelineLayout } from './timelineLayout.ts';

export interface TimelineGeometry {
  /** Cycle → CSS px. */
  x: (cycle: number) => number;
  /** Row and lane within it → top CSS px. */
  barTop: (row: number, lane: number) => number;
  barH: number;
  left: number;
  right: number;
}

function hatch(ctx: CanvasRenderingContext2D, color: string, dpr: number): CanvasPattern | string {
  const size = Math.round(6 * dpr);
  const tile = document.createElement('canvas');
  tile.width = tile.height = size;
  const t = tile.getContext('2d');
  if (!t) return color;
  t.globalAlpha = 0.3;
  t.fillStyle = color;
  t.fillRect(0, 0, size, size);
  t.globalAlpha = 1;
  t.strokeStyle = color;
  t.lineWidth = 1.6 * dpr;
  t.beginPath();
  // Two half-diagonals at the corners keep the stripes continuous across tiles.
  t.moveTo(-1, size + 1); t.lineTo(size + 1, -1);
  t.moveTo(-1, 1); t.lineTo(1, -1);
  t.moveTo(size - 1, size + 1); t.lineTo(size + 1, size - 1);
  t.stroke();
  return ctx.createPattern(tile, 'repeat') ?? color;
}

export function drawTimelineBars(
  canvas: HTMLCanvasElement,
  layout: TimelineLayout,
  g: TimelineGeometry,
  colors: { compute: string; memory: string },
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
  const memoryFill = hatch(ctx, colors.memory, dpr);
  for (const bound of ['compute', 'memory'] as const) {
    ctx.fillStyle = bound === 'compute' ? colors.compute : memoryFill;
    for (const b of layout.bars) {
      if (b.bound !== bound) continue;
      const x0 = g.x(b.x0), x1 = g.x(b.x1);
      if (x1 < g.left || x0 > g.right) continue;
      ctx.fillRect(x0, g.barTop(b.row, b.lane), Math.max(1, x1 - x0), g.barH);
    }
  }
  ctx.restore();
}
