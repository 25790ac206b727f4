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

/** The brush's pixel band on the axis, top to bottom. */
export function brushBand(axis: PcAxis, brush: readonly [number, number]): [number, number] {
  const clampLog = (v: number) => (axis.log ? Math.max(v, Number.MIN_VALUE) : v);
  const a = axis.scale(clampLog(brush[0]));
  const b = axis.scale(clampLog(brush[1]));
  return [Math.min(a, b), Math.max(a, b)];
}
