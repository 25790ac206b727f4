/**
 * Where the panel keeps its last finished search: one IndexedDB entry (results are too big
 * for localStorage), behind a two-method interface so the controller's tests use memory.
 * Reads validate the record; a bad one is reported by field and left where it is.
 */
import { parseSearchRecord, type SearchRecord } from './searchRecord.ts';
import { inTransaction, lazyDatabase } from '../openDatabase.ts';

export type StoredSearch = { record: SearchRecord | null; unreadable: { field: string; message: string } | null };

export interface SearchStore {
  last(): Promise<StoredSearch>;
  save(record: SearchRecord): Promise<void>;
}

const DB_NAME = 'transcode-explorer-codesign';
const STORE = 'searches';
const KEY = 'last';

function read(value: unknown): StoredSearch {
  if (value === undefined) return { record: null, unreadable: null };
  const parsed = parseSearchRecord(value);
  return parsed.ok ? { record: parsed.value, unreadable: null } : { record: null, unreadable: { field: parsed.field, message: parsed.message } };
}

export function indexedDbSearchStore(name = DB_NAME): SearchStore {
  const db = lazyDatabase(name, STORE);
  const tx = <T,>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T>) => inTransaction(db, STORE, mode, f);
  return {
    async last() {
      return read(await tx('readonly', (s) => s.get(KEY)));
    },
    async save(record) {
      await tx('readwrite', (s) => s.put(record, KEY));
    },
  };
}

/** In memory (tests; and the fallback when IndexedDB cannot be opened). */
export function memorySearchStore(initial?: unknown): SearchStore & { raw: { value: unknown } } {
  const raw = { value: initial };
  return {
    raw,
    async last() {
      return read(raw.value === undefined ? undefined : structuredClone(raw.value));
    },
    async save(record) {
      raw.value = structuredClone(record);
    },
  };
}
