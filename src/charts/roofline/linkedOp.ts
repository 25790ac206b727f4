/**
 * The op under the pointer, shared by the timeline and the roofline so hovering
 * one highlights the same op in the other. A tiny vanilla store (zustand, already in
 * the main bundle) rather than React context: the two charts sit in different
 * subtrees and the roofline is lazy-loaded, and only they subscribe.
 *
 * An op is an index into one result's timeline, so the store keeps the array it
 * indexes: after a new result the old index names another op and must be ignored.
 */
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { TimelineEntry } from '../../core/elector/types.ts';

export type LinkSource = 'timeline' | 'roofline';

export interface LinkedOp {
  entries: readonly TimelineEntry[] | null;
  /** Index into `entries`, or -1. */
  entry: number;
  /** Which chart set it: a chart does not echo its own hover back as a highlight. */
  source: LinkSource | null;
}

export const linkedOpStore = createStore<LinkedOp>(() => ({ entries: null, entry: -1, source: null }));

export function setLinkedOp(entries: readonly TimelineEntry[], entry: number, source: LinkSource): void {
  const s = linkedOpStore.getState();
  if (entry < 0) {
    // Only the chart that set the hover clears it (a late leave must not wipe the other's).
    if (s.source === source) linkedOpStore.setState({ entries: null, entry: -1, source: null });
    return;
  }
  if (s.entries !== entries || s.entry !== entry || s.source !== source) linkedOpStore.setState({ entries, entry, source });
}

/** The op pointed at in these entries by any chart other than `self` (null: by any chart), or -1. */
export function useLinkedOp(entries: readonly TimelineEntry[], self: LinkSource | null): number {
  return useStore(linkedOpStore, (s) => (s.entries === entries && s.source !== self ? s.entry : -1));
}
