/**
 * Run-time state of the DynaProp lab: the run in progress (its live curves and
 * per-site sparsity), the saved results read from IndexedDB, the record on show,
 * and the simulator comparison of "Use measured sparsity". Never in links: a link
 * holds the lab's settings (the session's `dynaprop`), from which runs are redone.
 */
import { createStore } from 'zustand/vanilla';
import type { DynaPropProgress } from '../../core/dynaprop/run.ts';
import type { SimResult } from '../../core/elector/types.ts';
import type { LabRecord } from './labRecord.ts';
import type { UnreadableRecord } from './labDb.ts';

export type LabStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface LabJob {
  kind: LabRecord['kind'];
  /** Run in progress, from 0, and runs in the job. */
  index: number;
  total: number;
  /** What the run in progress prunes, e.g. "act 0.5 · grad none". */
  label: string;
  /** Record the finished runs are written into. */
  recordId: string;
}

export interface LivePoint {
  step: number;
  loss: number;
  validationAccuracy?: number;
}

export interface LabCompare {
  status: 'idle' | 'running' | 'done' | 'error';
  /** The simulator with its default sparsity, and with the measured one. */
  defaults: SimResult | null;
  measured: SimResult | null;
  error: string | null;
}

export interface LabRunState {
  status: LabStatus;
  job: LabJob | null;
  /** Latest progress of the run in progress. */
  progress: DynaPropProgress | null;
  /** Loss and validation accuracy of the run in progress. */
  live: LivePoint[];
  startedAt: number | null;
  /** What stopped the last job, with the field when the input was at fault. */
  error: { message: string; field?: string } | null;
  records: LabRecord[];
  /** Stored records that failed validation (kept in storage, never deleted silently). */
  unreadable: UnreadableRecord[];
  /** False until the stored records have been read; 'failed' when storage cannot be used. */
  storage: 'loading' | 'ready' | 'failed';
  storageMessage: string | null;
  /** The record whose results are on show (the newest by default). */
  shownId: string | null;
  /** The run of that record on show, whose measured sparsity "Use measured sparsity" takes (null: its last). */
  shownRun: number | null;
  /** Record and run whose measured sparsity the session's settings now hold. */
  applied: { recordId: string; run: number } | null;
  compare: LabCompare;
  /** Lab fields holding a value that breaks a rule (not committed), by field: runs wait until they are fixed. */
  invalid: Record<string, string>;
}

export const EMPTY_COMPARE: LabCompare = { status: 'idle', defaults: null, measured: null, error: null };

export const INITIAL_LAB: LabRunState = {
  status: 'idle', job: null, progress: null, live: [], startedAt: null, error: null,
  records: [], unreadable: [], storage: 'loading', storageMessage: null, shownId: null, shownRun: null, applied: null, compare: EMPTY_COMPARE, invalid: {},
};

export function createLabStore() {
  return createStore<LabRunState>()(() => ({ ...INITIAL_LAB }));
}

export type LabStoreApi = ReturnType<typeof createLabStore>;

/** The record on show: the chosen one, else the newest. */
export function shownRecord(s: Pick<LabRunState, 'records' | 'shownId'>): LabRecord | null {
  return s.records.find((r) => r.id === s.shownId) ?? s.records[0] ?? null;
}

/** Index of the run on show in the record on show (its last unless one was chosen). */
export function shownRunIndex(s: Pick<LabRunState, 'records' | 'shownId' | 'shownRun'>): number {
  const r = shownRecord(s);
  if (!r || r.runs.length === 0) return -1;
  return s.shownRun !== null && s.shownRun < r.runs.length && s.shownId === r.id ? s.shownRun : r.runs.length - 1;
}
