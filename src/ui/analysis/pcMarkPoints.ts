/**
 * Where a marked design's line (current or pinned) meets each parallel-coordinates axis. A value
 * outside an axis's range (the design is not one of the sweep's points, so it may lie far beyond
 * them) is held at that axis's end and flagged, so the line never leaves the plot.
 */
import type { PcAxis } from './pcAxes.ts';

export interface PcMarkPoint {
  x: number;
  y: number;
  /** Which end the value lies beyond, on screen: 'above' the top, 'below' the bottom; null on the axis. */
  beyond: 'above' | 'below' | null;
}

export function pcMarkPoints(axes: readonly PcAxis[], xs: readonly number[], values: Readonly<Record<string, number>>, top: number, bottom: number): PcMarkPoint[] {
  const out: PcMarkPoint[] = [];
  axes.forEach((a, k) => {
    const v = values[a.column.key];
    if (!Number.isFinite(v)) return;
    // A log scale has no 0 or below: such a value lies beyond the low end, like the smallest positive one.
    const y = a.scale(a.log ? Math.max(v, Number.MIN_VALUE) : v);
    if (!Number.isFinite(y)) return;
    out.push({ x: xs[k], y: Math.min(bottom, Math.max(top, y)), beyond: y < top ? 'above' : y > bottom ? 'below' : null });
  });
  return out;
}
