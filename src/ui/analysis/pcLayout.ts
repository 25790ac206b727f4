/**
 * The parallel-coordinates view's layout: axis order, flipped and log axes, and the
 * colour-by column. It is part of the session (`parallel` in core/share/schema.ts,
 * where each field is documented), so a link, a reload or a session file restores it;
 * the brushes are kept beside it, in data coordinates.
 */
import type { ParallelSettings } from '../../core/share/schema.ts';

export type PcLayout = Pick<ParallelSettings, 'order' | 'flipped' | 'log' | 'linear' | 'colourBy'>;

/** The layout part of the session's parallel settings. */
export function pcLayoutOf(p: ParallelSettings): PcLayout {
  return { order: p.order, flipped: p.flipped, log: p.log, linear: p.linear, colourBy: p.colourBy };
}
