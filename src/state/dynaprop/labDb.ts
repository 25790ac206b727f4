/**
 * Where the lab keeps its results: IndexedDB (results survive a reload; they are too
 * big and too many for localStorage), behind a four-method interface so the
 * controller's tests use the in-memory one.
 *
 * Reads validate every record (labRecord.ts). A record that fails is reported by
 * id and field and left where it is: nothing stored is ever deleted except by the
 * user. Imports write all their records in one transaction, or none.
 */
import { parseLabRecord, type LabRecord } from './labRecord.ts';
import { lazyDatabase } from '../openDatabase.ts';

export interface UnreadableRecord {
  id: string;
  field: string;
  message: string;
}

export interface LabRecordStore {
  /** Every readable record, newest first, and what could not be read. */
  list(): Promise<{ records: LabRecord[]; unreadable: UnreadableRecord[] }>;
  /** Adds or replaces records, all in one transaction. */
  put(...records: LabRecord[]): Promise<void>;
  remove(id: string): Promise<void>;
}

const DB_NAME = 'transcode-explorer-dynaprop';
const STORE = 'records';

function sortNewestFirst(records: LabRecord[]): LabRecord[] {
  return records.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

function readAll(values: readonly unknown[], keys: readonly IDBValidKey[]) {
  const records: LabRecord[] = [];
  const unreadable: UnreadableRecord[] = [];
  values.forEach((v, i) => {
    const parsed = parseLabRecord(v);
    if (parsed.ok) records.push(parsed.value);
    else unreadable.push({ id: String(keys[i]).slice(0, 80), field: parsed.field, message: parsed.message });
  });
  return { records: sortNewestFirst(records), unreadable };
}

const done = (request: IDBRequest | IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    if ('oncomplete' in request) {
      request.oncomplete = () => resolve();
      request.onabort = () => reject(request.error ?? new Error('the transaction was aborted'));
      request.onerror = () => reject(request.error);
    } else {
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    }
  });

/** The browser's IndexedDB; rejects (and the lab says so) where it is unavailable. */
export function indexedDbLabStore(name = DB_NAME): LabRecordStore {
  // Keyed by the record's own id: a re-import of the same record replaces it rather than doubling it.
  const db = lazyDatabase(name, STORE, { keyPath: 'id' });

  return {
    async list() {
      const tx = (await db()).transaction(STORE, 'readonly');
      const store = tx.objectStore(STORE);
      const values = store.getAll();
      const keys = store.getAllKeys();
      await done(tx);
      return readAll(values.result as unknown[], keys.result);
    },
    async put(...records) {
      const tx = (await db()).transaction(STORE, 'readwrite');
      const store = tx.objectStore(STORE);
      for (const r of records) store.put(r);
      await done(tx);
    },
    async remove(id) {
      const tx = (await db()).transaction(STORE, 'readwrite');
      tx.objectStore(STORE).delete(id);
      await done(tx);
    },
  };
}

/** In memory (tests; and the fallback when IndexedDB cannot be opened: results last until reload). */
export function memoryLabStore(initial: unknown[] = []): LabRecordStore & { raw: Map<string, unknown> } {
  const raw = new Map<string, unknown>();
  initial.forEach((r, i) => raw.set(String((r as { id?: unknown })?.id ?? `bad-${i}`), r));
  return {
    raw,
    async list() {
      return readAll([...raw.values()], [...raw.keys()]);
    },
    async put(...records) {
      for (const r of records) raw.set(r.id, structuredClone(r));
    },
    async remove(id) {
      raw.delete(id);
    },
  };
}
