/** A hand-made timeline entry for tests of the timeline's text and layout. */
import type { TimelineEntry } from '../core/elector/types.ts';

export function entry(p: Partial<TimelineEntry>): TimelineEntry {
  return { op: 'q', kind: 'matmul', layer: 0, head: 0, direction: 'forward', startCycle: 0, endCycle: 10, computeCycles: 10, memoryCycles: 2, bound: 'compute', ...p };
}
