/**
 * Text alternatives for the timeline: per-row aggregates for the table view and
 * a one-sentence summary for the chart's aria-label.
 */
import type { TimelineEntry } from '../core/elector/types.ts';
import type { TimelineLayout } from './timelineLayout.ts';

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
  return s;
}

/** One op in words, for the tooltip and the keyboard live region. */
export function describeOp(e: TimelineEntry): string {
  const where = [e.layer >= 0 ? `layer ${e.layer + 1}` : 'outside layers', e.head >= 0 ? `head ${e.head + 1}` : null].filter(Boolean).join(', ');
  const cycles = Math.max(0, e.endCycle - e.startCycle);
  return (
    `${e.op} (${e.kind}, ${e.direction}), ${where}: cycles ${e.startCycle.toLocaleString('en-US')}–${e.endCycle.toLocaleString('en-US')} ` +
    `(${cycles.toLocaleString('en-US')}); compute ${e.computeCycles.toLocaleString('en-US')}, memory ${e.memoryCycles.toLocaleString('en-US')}; ${e.bound}-bound.`
  );
}
