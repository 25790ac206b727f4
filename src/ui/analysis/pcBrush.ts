/**
 * Pointer brushing on one axis: drag to set [lo, hi] in data coordinates (the
 * scale inverted at both ends of the drag), a click without a drag clears. The
 * brush is reported on every move, since the filter update is incremental and
 * cheap (src/core/sweep/axisFilter.ts), so the lines follow the drag.
 */
import type { PointerEvent as ReactPointerEvent } from 'react';
import type { PcAxis } from './pcAxes.ts';

/** Pixels a pointer must travel before a press counts as a drag, not a click. */
const DRAG_MIN_PX = 3;

export type BrushHandler = (key: string, brush: [number, number] | null) => void;

export function brushPointerHandlers(axis: PcAxis, onBrush: BrushHandler) {
  let startY: number | null = null;
  const yOf = (e: ReactPointerEvent<SVGElement>) => e.clientY - (e.currentTarget.ownerSVGElement ?? e.currentTarget as SVGSVGElement).getBoundingClientRect().top;
  const report = (y0: number, y1: number) => {
    const [a, b] = [axis.scale.invert(y0), axis.scale.invert(y1)];
    onBrush(axis.column.key, [Math.min(a, b), Math.max(a, b)]);
  };
  return {
    onPointerDown(e: ReactPointerEvent<SVGElement>) {
      e.currentTarget.setPointerCapture(e.pointerId);
      startY = yOf(e);
    },
    onPointerMove(e: ReactPointerEvent<SVGElement>) {
      if (startY === null) return;
      const y = yOf(e);
      if (Math.abs(y - startY) >= DRAG_MIN_PX) report(startY, y);
    },
    onPointerUp(e: ReactPointerEvent<SVGElement>) {
      if (startY === null) return;
      const y = yOf(e);
      if (Math.abs(y - startY) < DRAG_MIN_PX) onBrush(axis.column.key, null);
      else report(startY, y);
      startY = null;
    },
  };
}

/**
 * The brush's pixel band on the axis, top to bottom, cut to the axis's ends: a brush typed with one
 * input empty is infinite at that end (a scale maps ±∞ to NaN), and a typed brush may reach past the
 * data (or below 0 on a log axis).
 */
export function brushBand(axis: PcAxis, brush: readonly [number, number]): [number, number] {
  const [d0, d1] = axis.scale.domain();
  const clamp = (v: number) => Math.min(Math.max(d0, d1), Math.max(Math.min(d0, d1), v));
  const a = axis.scale(clamp(brush[0]));
  const b = axis.scale(clamp(brush[1]));
  return [Math.min(a, b), Math.max(a, b)];
}
