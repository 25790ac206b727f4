/**
 * Run-time state of the co-design panel: the search in progress (its query stream), the
 * last finished search (also in IndexedDB), an algorithm comparison, the imported dataset
 * and what the predictor says of itself. Never in links: a link holds the panel's
 * settings (the session's `codesign`), from which a search is redone exactly (seeded).
 */
import { createStore } from 'zustand/vanilla';
import type { AlgorithmSummary } from '../../core/codesign/compare.ts';
import type { QueryPoint, SearchRecord } from './searchRecord.ts';

export type CodesignStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface PredictorInfoState {
  status: 'idle' | 'loading' | 'ok' | 'error';
  description: string | null;
  looSpearman?: number;
  entries?: number;
  skipped?: number;
  /** The first few skipped entries' ids (hash keys), to name them. */
  skippedIds?: string[];
  message?: string;
  /** A dataset file that was refused, naming the entry and field; the predictor above it stays in use. */
  importMessage?: string;
}

export interface CompareState {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  done: number;
  total: number;
  budget: number;
  seeds: number[];
  summaries: AlgorithmSummary[];
  message: string | null;
  /** The run in progress, e.g. "boshcode, seed 3, query 12" (empty between runs). */
  current?: string;
}

export interface CodesignRunState {
  status: CodesignStatus;
  /** Latest query of the search in progress. */
  query: number;
  budget: number;
  step: string;
  startedAt: number | null;
  /** Queries of the search in progress, or of the last one (finished or cancelled). */
  points: QueryPoint[];
  /** The last finished search (also kept in IndexedDB). */
  record: SearchRecord | null;
  /** What stopped the last search, with the fields at fault when the input was. */
  error: { message: string; issues?: { path: string; message: string }[] } | null;
  compare: CompareState;
  /** The imported dataset (kept in memory only: a reload asks for the file again). */
  dataset: { name: string; text: string } | null;
  predictorInfo: PredictorInfoState;
  /** Storage could not be used, or the saved search could not be read. */
  storageMessage: string | null;
  /** A stopped search saved in IndexedDB that Resume continues (its queries so far, of its budget). */
  resumable: { query: number; budget: number; algorithm: string; seed: number } | null;
  /** Panel fields holding a value that breaks a rule (not committed), by field path. */
  invalid: Record<string, string>;
}

export const EMPTY_COMPARE: CompareState = { status: 'idle', done: 0, total: 0, budget: 0, seeds: [], summaries: [], message: null };

export const INITIAL_CODESIGN: CodesignRunState = {
  status: 'idle', query: 0, budget: 0, step: '', startedAt: null, points: [], record: null, error: null,
  compare: EMPTY_COMPARE, dataset: null, predictorInfo: { status: 'idle', description: null }, storageMessage: null, invalid: {}, resumable: null,
};

export function createCodesignStore() {
  return createStore<CodesignRunState>()(() => ({ ...INITIAL_CODESIGN }));
}

export type CodesignStoreApi = ReturnType<typeof createCodesignStore>;
