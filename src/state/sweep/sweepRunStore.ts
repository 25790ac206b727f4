/**
 * Run-time state of the sweep: its points (typed arrays), progress, front and
 * brushed selection. Never persisted or shared: a link holds the spec and seed,
 * and the points are recomputed from them. The arrays are filled in place as
 * chunks arrive; `version` bumps (at most ~10 Hz) when something should redraw,
 * `dataVersion` (with the ranges that arrived) when new points should show.
 */
import { createStore } from 'zustand/vanilla';
import type { Design } from '../../core/share/session.ts';
import type { Objective, RunSettings, SweepSettings } from '../../core/share/schema.ts';
import type { ObjectiveColumns } from '../../core/sweep/objectives.ts';

export type SweepStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** What a run was started with: points can always be turned back into designs from it. */
export interface SweepRunJob {
  spec: SweepSettings;
  base: Design;
  settings: RunSettings;
  total: number;
}

export interface SweepRunState {
  status: SweepStatus;
  job: SweepRunJob | null;
  done: number;
  ratePerS: number;
  etaS: number | null;
  /** One column per objective, length `job.total`; NaN until a point arrives, and for failed points. */
  columns: ObjectiveColumns | null;
  /** 1 where the pair failed to simulate. */
  errors: Uint8Array | null;
  errorCount: number;
  /** Most frequent failure reasons, for the "n pairs failed" note. */
  errorKinds: { message: string; count: number }[];
  /** Non-dominated points for `frontAxes`, ordered by x. */
  front: Int32Array;
  frontAxes: [Objective, Objective] | null;
  /** Full brushed selection (the session keeps at most 1,000 indices of it). */
  selection: Int32Array;
  /** Bumps whenever points, front or selection change visibly. */
  version: number;
  /** Bumps when points arrive or a run starts (a subset of `version` bumps). */
  dataVersion: number;
  /**
   * Index ranges [start, end) that arrived with the latest `dataVersion` bump,
   * so views can update incrementally (empty when a run starts: new, empty columns).
   */
  added: readonly (readonly [number, number])[] | null;
  message: string | null;
  /** Where the points came from: this page's workers, the sweep history, or an imported file (the last two without simulating). */
  origin: 'run' | 'history' | 'import';
  /** Another sweep drawn under this one on the same axes (reopened from the history), or null. Kept across runs. */
  overlay: SweepOverlay | null;
  /** performance.now() at start, and ms the run took once it ended. */
  startedAt: number | null;
  elapsedMs: number | null;
}

export interface SweepOverlay {
  id: string;
  name: string;
  columns: ObjectiveColumns;
}

export const EMPTY_RUN: SweepRunState = {
  status: 'idle', job: null, done: 0, ratePerS: 0, etaS: null, columns: null, errors: null,
  errorCount: 0, errorKinds: [], front: new Int32Array(0), frontAxes: null, selection: new Int32Array(0),
  version: 0, dataVersion: 0, added: null, message: null, origin: 'run', overlay: null, startedAt: null, elapsedMs: null,
};

export function createSweepRunStore() {
  return createStore<SweepRunState>()(() => ({ ...EMPTY_RUN }));
}

export type SweepRunStore = ReturnType<typeof createSweepRunStore>;


/** Points that arrived and simulated without error. */
export function validCount(s: Pick<SweepRunState, 'done' | 'errorCount'>): number {
  return s.done - s.errorCount;
}
