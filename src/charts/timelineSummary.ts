/**
 * Text alternatives for the timeline: per-row aggregates for the table view and
 * a one-sentence summary for the chart's aria-label (one op in words: opDetails.ts).
 */
import type { TimelineEntry } from '../core/elector/types.ts';
import type { TimelineLayout } from './timelineLayout.ts';
import { cyclesByLimiter, limiterSharesText } from './limiters.ts';

export interface TimelineRowSummary {
  label: string;
  ops: number;
  computeBound: number;
  memoryBound: number;
  firstCycle: number;
  lastCycle: number;
  /** Σ (end − start) over the row's ops; overlapping ops count twice. */
  opCycles: number;
}

export function summariseRows(entries: readonly TimelineEntry[], layout: TimelineLayout): TimelineRowSummary[] {
  const out: TimelineRowSummary[] = layout.rows.map((r) => ({
    label: r.label, ops: 0, computeBound: 0, memoryBound: 0, firstCycle: Infinity, lastCycle: -Infinity, opCycles: 0,
  }));
  for (const b of layout.bars) {
    const s = out[b.row];
    s.ops++;
    if (entries[b.entry].bound === 'compute') s.computeBound++;
    else s.memoryBound++;
    s.firstCycle = Math.min(s.firstCycle, b.x0);
    s.lastCycle = Math.max(s.lastCycle, b.x1);
    s.opCycles += b.x1 - b.x0;
  }
  return out;
}

export function timelineSentence(entries: readonly TimelineEntry[], boundCycles?: { compute: number; memory: number }): string {
  const memory = entries.filter((e) => e.bound === 'memory').length;
  const compute = entries.length - memory;
  let s = `Per-op timeline of ${entries.length.toLocaleString('en-US')} ops: ${compute.toLocaleString('en-US')} compute-bound, ${memory.toLocaleString('en-US')} memory-bound.`;
  if (boundCycles) {
    const total = boundCycles.compute + boundCycles.memory;
    if (total > 0) s += ` ${Math.round((100 * boundCycles.memory) / total)}% of cycles are memory-bound.`;
  }
  if (entries.some((e) => e.limiter)) s += ` Cycles by what bound them: ${limiterSharesText(cyclesByLimiter(entries))}.`;
  return s;
}
