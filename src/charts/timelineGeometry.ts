/**
 * Vertical pixel layout of the timeline: lanes are stacked inside rows, with a
 * small gap between rows, and lane height shrinks (within limits) so that deep
 * models still fit the chart's height budget.
 */
import type { TimelineLayout } from './timelineLayout.ts';

export const ROW_GAP = 4;

export interface LaneGeometry {
  laneH: number;
  barH: number;
  /** Top of each row, px from the plot top. */
  rowTop: number[];
  /** Height of all rows together. */
  plotH: number;
}

export function laneGeometry(layout: TimelineLayout, budgetPx = 320, minLaneH = 5, maxLaneH = 16): LaneGeometry {
  const gaps = Math.max(0, layout.rows.length - 1) * ROW_GAP;
  const laneH = Math.max(minLaneH, Math.min(maxLaneH, Math.floor((budgetPx - gaps) / Math.max(1, layout.totalLanes))));
  const rowTop = layout.rows.map((r, i) => r.laneOffset * laneH + i * ROW_GAP);
  return { laneH, barH: Math.max(3, laneH - (laneH >= 8 ? 2 : 1)), rowTop, plotH: layout.totalLanes * laneH + gaps };
}

/** Top of a global lane. */
export function laneTop(g: LaneGeometry, row: number, lane: number): number {
  return g.rowTop[row] + lane * g.laneH;
}

/** The global lane under a y offset within the plot, or -1 in a gap or outside. */
export function laneAtY(layout: TimelineLayout, g: LaneGeometry, y: number): number {
  for (let i = 0; i < layout.rows.length; i++) {
    const top = g.rowTop[i];
    const r = layout.rows[i];
    if (y >= top && y < top + r.lanes * g.laneH) return r.laneOffset + Math.floor((y - top) / g.laneH);
  }
  return -1;
}
