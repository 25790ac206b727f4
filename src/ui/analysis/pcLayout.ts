/**
 * The parallel-coordinates view's layout as the session keeps it (so a link
 * restores it): axis order, flipped and log axes, and the colour-by column.
 * Brushes are kept beside it, in data coordinates.
 */
export interface PcLayout {
  /** Column keys left to right; keys not listed follow in their natural order. */
  order: readonly string[];
  flipped: readonly string[];
  /** Axes set to log, and set to linear, by the user; others follow the auto rule (pcAxes.ts). */
  log: readonly string[];
  linear: readonly string[];
  /** Column key lines are coloured by; '' = latency. */
  colourBy: string;
}

export const DEFAULT_PC_LAYOUT: PcLayout = { order: [], flipped: [], log: [], linear: [], colourBy: '' };
