/**
 * Where the sweep history lives: IndexedDB (a 100,000-pair sweep is 8 MB of
 * columns), behind a small interface so the controller's tests use memory. Each
 * sweep is two entries, `meta/<id>` (the summary the list shows) and `data/<id>`
 * (the columns, read only to open or overlay it). Reads validate; an entry that
 * does not parse is reported by key and field, left where it is, and the rest load.
 */
import { inTransaction, lazyDatabase } from '../openDatabase.ts';
import { decodeSweepData, encodeSweepData, parseSweepMeta, type Parsed, type SweepRecordData, type SweepRecordMeta } from './historyRecord.ts';

export interface UnreadableEntry {
  key: string;
  field: string;
  message: string;
}

export interface SweepHistoryStore {
  list(): Promise<{ entries: SweepRecordMeta[]; unreadable: UnreadableEntry[] }>;
  load(meta: SweepRecordMeta): Promise<Parsed<SweepRecordData>>;
  save(meta: SweepRecordMeta, data: SweepRecordData): Promise<void>;
  /** Replaces the summary only (a rename). */
  update(meta: SweepRecordMeta): Promise<void>;
  remove(id: string): Promise<void>;
}

const DB_NAME = 'transcode-explorer-sweeps';
const STORE = 'sweeps';
const META = 'meta/';
const DATA = 'data/';

function readList(rows: [string, unknown][]): { entries: SweepRecordMeta[]; unreadable: UnreadableEntry[] } {
  const entries: SweepRecordMeta[] = [];
  const unreadable: UnreadableEntry[] = [];
  for (const [key, value] of rows) {
    const parsed = parseSweepMeta(value);
    if (parsed.ok) entries.push(parsed.value);
    else unreadable.push({ key, field: parsed.field, message: parsed.message });
  }
  entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { entries, unreadable };
}

export function indexedDbSweepHistory(name = DB_NAME): SweepHistoryStore {
  const db = lazyDatabase(name, STORE);
  const tx = <T,>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T> | void) => inTransaction(db, STORE, mode, f);
  const metaRange = IDBKeyRange.bound(META, `${META}\uffff`);
  return {
    async list() {
      const t = (await db()).transaction(STORE, 'readonly');
      const store = t.objectStore(STORE);
      const [keys, values] = await Promise.all([
        new Promise<IDBValidKey[]>((res, rej) => { const r = store.getAllKeys(metaRange); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); }),
        new Promise<unknown[]>((res, rej) => { const r = store.getAll(metaRange); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); }),
      ]);
      return readList(keys.map((k, i) => [String(k), values[i]]));
    },
    async load(meta) {
      return decodeSweepData(await tx('readonly', (s) => s.get(DATA + meta.id)), meta.job.total);
    },
    async save(meta, data) {
      const stored = await encodeSweepData(data, meta.job.total);
      await tx('readwrite', (s) => {
        s.put(stored, DATA + meta.id);
        s.put(meta, META + meta.id);
      });
    },
    async update(meta) {
      await tx('readwrite', (s) => s.put(meta, META + meta.id));
    },
    async remove(id) {
      await tx('readwrite', (s) => {
        s.delete(DATA + id);
        s.delete(META + id);
      });
    },
  };
}

/** In memory (tests, and the fallback when IndexedDB cannot be opened). */
export function memorySweepHistory(): SweepHistoryStore & { raw: Map<string, unknown> } {
  const raw = new Map<string, unknown>();
  return {
    raw,
    async list() {
      return readList([...raw].filter(([k]) => k.startsWith(META)).map(([k, v]) => [k, structuredClone(v)]));
    },
    async load(meta) {
      return decodeSweepData(raw.get(DATA + meta.id), meta.job.total);
    },
    async save(meta, data) {
      raw.set(DATA + meta.id, await encodeSweepData(structuredClone(data), meta.job.total));
      raw.set(META + meta.id, structuredClone(meta));
    },
    async update(meta) {
      raw.set(META + meta.id, structuredClone(meta));
    },
    async remove(id) {
      raw.delete(DATA + id);
      raw.delete(META + id);
    },
  };
}
