/**
 * Gantt layout of the per-op timeline: one row per layer (or per op kind), and
 * inside a row, ops that overlap in time (heads sharing the MAC and softmax
 * arrays) are packed into sub-lanes so no bar hides another. Pure: the chart
 * only maps rows, lanes and cycles to pixels.
 */
import type { TimelineEntry } from '../core/elector/types.ts';
import { limiterOf, type LimiterKey } from './limiters.ts';

export type TimelineGrouping = 'layer' | 'kind';

/** More sub-lanes than this would make rows unreadably thin; extra overlaps share the last lane. */
export const MAX_LANES = 4;

export interface TimelineRow {
  key: string;
  label: string;
  lanes: number;
  /** First lane of this row counted over all rows above it (for pixel layout). */
  laneOffset: number;
}

export interface TimelineBar {
  /** Index into the entries array. */
  entry: number;
  row: number;
  lane: number;
  x0: number;
  x1: number;
  bound: TimelineEntry['bound'];
  /** What set the op's time: the bar's colour and pattern. */
  limiter: LimiterKey;
}

export interface TimelineLayout {
  rows: TimelineRow[];
  /** Sorted by start cycle, then row: the keyboard order. */
  bars: TimelineBar[];
  totalLanes: number;
  endCycle: number;
}

const KIND_ORDER = ['load', 'matmul', 'conv', 'softmax', 'layerNorm', 'nonLinearity', 'store', 'optimizer'];
const KIND_LABELS: Record<string, string> = {
  load: 'Loads', matmul: 'MatMul', conv: 'Conv1D', softmax: 'Softmax', layerNorm: 'Layer norm',
  nonLinearity: 'Non-linearity', store: 'Stores', optimizer: 'Optimizer',
};

function rowKey(e: TimelineEntry, by: TimelineGrouping): string {
  return by === 'layer' ? String(e.layer) : e.kind;
}

function rowLabel(key: string, by: TimelineGrouping): string {
  if (by === 'kind') return KIND_LABELS[key] ?? key;
  return key === '-1' ? 'Outside layers' : `Layer ${Number(key) + 1}`;
}

function rowOrder(key: string, by: TimelineGrouping): number {
  if (by === 'layer') return Number(key);
  const i = KIND_ORDER.indexOf(key);
  return i < 0 ? KIND_ORDER.length : i;
}

/** Greedy interval partitioning: each bar takes the first lane that is free at its start. */
export function packLanes(intervals: readonly { x0: number; x1: number }[], maxLanes = MAX_LANES): number[] {
  const order = intervals.map((_, i) => i).sort((a, b) => intervals[a].x0 - intervals[b].x0 || a - b);
  const laneEnd: number[] = [];
  const lanes = new Array<number>(intervals.length);
  for (const i of order) {
    const { x0, x1 } = intervals[i];
    let lane = laneEnd.findIndex((end) => end <= x0);
    if (lane < 0) {
      if (laneEnd.length < maxLanes) lane = laneEnd.length;
      else lane = laneEnd.indexOf(Math.min(...laneEnd)); // overflow: the lane that frees first
    }
    laneEnd[lane] = Math.max(laneEnd[lane] ?? -Infinity, x1);
    lanes[i] = lane;
  }
  return lanes;
}

export function layoutTimeline(entries: readonly TimelineEntry[], by: TimelineGrouping): TimelineLayout {
  const byRow = new Map<string, number[]>();
  entries.forEach((e, i) => {
    const k = rowKey(e, by);
    const list = byRow.get(k);
    if (list) list.push(i);
    else byRow.set(k, [i]);
  });
  const keys = [...byRow.keys()].sort((a, b) => rowOrder(a, by) - rowOrder(b, by));
  const rows: TimelineRow[] = [];
  const bars: TimelineBar[] = [];
  let laneOffset = 0;
  let endCycle = 0;
  keys.forEach((key, row) => {
    const members = byRow.get(key) ?? [];
    const spans = members.map((i) => ({ x0: entries[i].startCycle, x1: Math.max(entries[i].endCycle, entries[i].startCycle) }));
    const lanes = packLanes(spans);
    const laneCount = Math.max(1, ...lanes.map((l) => l + 1));
    members.forEach((entry, k) => {
      bars.push({ entry, row, lane: lanes[k], x0: spans[k].x0, x1: spans[k].x1, bound: entries[entry].bound, limiter: limiterOf(entries[entry]) });
      endCycle = Math.max(endCycle, spans[k].x1);
    });
    rows.push({ key, label: rowLabel(key, by), lanes: laneCount, laneOffset });
    laneOffset += laneCount;
  });
  bars.sort((a, b) => a.x0 - b.x0 || a.row - b.row || a.lane - b.lane);
  return { rows, bars, totalLanes: laneOffset, endCycle };
}

/** Index of the bar under a point, or -1. `tolerance` (cycles) lets tiny bars be hit at all. */
export function barAt(layout: TimelineLayout, globalLane: number, cycle: number, tolerance: number): number {
  let best = -1;
  let bestDist = Infinity;
  layout.bars.forEach((b, i) => {
    if (layout.rows[b.row].laneOffset + b.lane !== globalLane) return;
    const dist = cycle < b.x0 ? b.x0 - cycle : cycle > b.x1 ? cycle - b.x1 : 0;
    if (dist <= tolerance && dist < bestDist) {
      best = i;
      bestDist = dist;
    }
  });
  return best;
}

/** Keyboard navigation: Left/Right step through time order, Up/Down jump to the nearest bar of the adjacent row. */
export function neighbourBar(layout: TimelineLayout, current: number, key: string): number {
  const n = layout.bars.length;
  if (n === 0) return -1;
  if (current < 0) return 0;
  if (key === 'ArrowRight') return Math.min(n - 1, current + 1);
  if (key === 'ArrowLeft') return Math.max(0, current - 1);
  if (key === 'Home') return 0;
  if (key === 'End') return n - 1;
  if (key !== 'ArrowUp' && key !== 'ArrowDown') return current;
  const here = layout.bars[current];
  const targetRow = here.row + (key === 'ArrowDown' ? 1 : -1);
  if (targetRow < 0 || targetRow >= layout.rows.length) return current;
  const mid = (here.x0 + here.x1) / 2;
  let best = current;
  let bestDist = Infinity;
  layout.bars.forEach((b, i) => {
    if (b.row !== targetRow) return;
    const d = Math.abs((b.x0 + b.x1) / 2 - mid);
    if (d < bestDist) [best, bestDist] = [i, d];
  });
  return best;
}
