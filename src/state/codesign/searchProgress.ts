/**
 * The search in progress, saved as it runs (beside the last finished search, same IndexedDB
 * store, key `progress`), so it can be resumed after Cancel, a reload or a worker's death.
 * It keeps the settings and dataset name the search ran with and every evaluation so far:
 * a resumed search replays from its seed and takes these instead of simulating them again
 * (core/codesign/search.ts, `saved`), so it continues exactly where it stopped.
 */
import type { Evaluation } from '../../core/codesign/types.ts';
import type { CodesignSettings } from '../../core/share/schema.ts';
import { inTransaction, lazyDatabase } from '../openDatabase.ts';

export interface SavedProgress {
  format: 'transcode-codesign-progress';
  version: 1;
  savedAt: string;
  settings: CodesignSettings;
  datasetName: string | null;
  evaluations: Evaluation[];
}

export interface ProgressStore {
  get(): Promise<SavedProgress | null>;
  put(p: SavedProgress): Promise<void>;
  clear(): Promise<void>;
}

const KEY = 'progress';

/** A stored value is used only when it has this shape; anything else is treated as no saved search. */
function read(v: unknown): SavedProgress | null {
  const p = v as Partial<SavedProgress> | undefined;
  return p && p.format === 'transcode-codesign-progress' && p.version === 1 && Array.isArray(p.evaluations) && typeof p.settings === 'object' ? (p as SavedProgress) : null;
}

export function indexedDbProgressStore(name = 'transcode-explorer-codesign', store = 'searches'): ProgressStore {
  const db = lazyDatabase(name, store);
  const tx = <T,>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T>) => inTransaction(db, store, mode, f);
  return {
    async get() { return read(await tx('readonly', (s) => s.get(KEY))); },
    async put(p) { await tx('readwrite', (s) => s.put(p, KEY)); },
    async clear() { await tx('readwrite', (s) => s.delete(KEY)); },
  };
}

export function memoryProgressStore(): ProgressStore & { raw: { value: SavedProgress | null } } {
  const raw = { value: null as SavedProgress | null };
  return {
    raw,
    async get() { return raw.value && structuredClone(raw.value); },
    async put(p) { raw.value = structuredClone(p); },
    async clear() { raw.value = null; },
  };
}
