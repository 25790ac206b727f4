/** The timeline's x window in cycles: zoom around a point, clamped to the run. */
export type CycleView = [start: number, end: number];

/** Smallest window, in cycles, so a zoom can never collapse to nothing. */
export const MIN_SPAN = 4;

export function clampView([a, b]: CycleView, full: CycleView): CycleView | null {
  const fullSpan = full[1] - full[0];
  let span = Math.max(MIN_SPAN, b - a);
  if (span >= fullSpan) return null; // the whole run: no zoom
  span = Math.min(span, fullSpan);
  const start = Math.min(Math.max(a, full[0]), full[1] - span);
  return [start, start + span];
}

/** `factor` < 1 zooms in, > 1 out, 1 only re-centres. */
export function zoomAround(view: CycleView, centre: number, factor: number, full: CycleView): CycleView | null {
  const span = (view[1] - view[0]) * factor;
  return clampView([centre - span / 2, centre + span / 2], full);
}
