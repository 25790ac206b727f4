/**
 * The rows of the per-op table (elector model): one per timeline entry, with the
 * op's human name, its cycles and share of the timeline, its limiter, its mapping
 * in short, its MACs and main-memory megabytes; and the sort by time or cycles.
 */
import type { TimelineEntry } from '../../core/elector/types.ts';
import { limiterOf, opCycles, type LimiterKey } from '../../charts/limiters.ts';
import { mappingShort, mappingText, operandsShort } from '../../charts/opMappingText.ts';
import { bufferOfB, opLabel } from '../../charts/opNames.ts';

export interface OpRow {
  /** Index into the timeline (its time order). */
  index: number;
  label: string;
  direction: TimelineEntry['direction'];
  cycles: number;
  /** Fraction of the timeline's cycles (the pass it shows), in [0, 1]. */
  share: number;
  limiter: LimiterKey;
  /** "weights-stationary ×3 · wave 32×32", or '' for ops without a mapping. */
  mapping: string;
  /** "A 2× buf · B 1× buf, 1× main mem", or ''. */
  operands: string;
  /** The mapping in one full sentence (the cell's title). */
  mappingFull: string;
  macs: number;
  mainMemoryMB: number;
  optimizer: boolean;
}

export type OpSortKey = 'time' | 'cycles';
export interface OpSort {
  key: OpSortKey;
  descending: boolean;
}

const BYTES_PER_MB = 1e6;

export function opRows(entries: readonly TimelineEntry[]): OpRow[] {
  let end = 0;
  for (const e of entries) end = Math.max(end, e.endCycle);
  return entries.map((e, index) => ({
    index,
    label: opLabel(e),
    direction: e.direction,
    cycles: opCycles(e),
    share: end > 0 ? opCycles(e) / end : 0,
    limiter: limiterOf(e),
    mapping: e.mapping ? mappingShort(e.mapping) : '',
    operands: e.mapping ? operandsShort(e.mapping) : '',
    mappingFull: e.mapping ? mappingText(e.mapping, bufferOfB(e)) : '',
    macs: e.macs ?? 0,
    mainMemoryMB: (e.mainMemoryBytes ?? 0) / BYTES_PER_MB,
    optimizer: e.kind === 'optimizer',
  }));
}

/** A sorted copy; ties (and the time order itself) keep the timeline's order. */
export function sortOpRows(rows: readonly OpRow[], sort: OpSort): OpRow[] {
  const sign = sort.descending ? -1 : 1;
  const value = (r: OpRow) => (sort.key === 'cycles' ? r.cycles : r.index);
  return [...rows].sort((a, b) => sign * (value(a) - value(b)) || a.index - b.index);
}

/** Clicking a column: a new key starts in its natural direction (cycles: largest first), the same key flips. */
export function nextSort(current: OpSort, key: OpSortKey): OpSort {
  if (current.key !== key) return { key, descending: key === 'cycles' };
  return { key, descending: !current.descending };
}

/** Megabytes with about three significant digits: "0.54", "12.3", "453", "1,234". */
export function formatMB(mb: number): string {
  if (!Number.isFinite(mb)) return '–';
  if (mb === 0) return '0';
  if (mb < 0.01) return '< 0.01';
  if (mb < 10) return mb.toFixed(2);
  if (mb < 100) return mb.toFixed(1);
  return Math.round(mb).toLocaleString('en-US');
}
