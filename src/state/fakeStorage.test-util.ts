/** An in-memory Storage for tests; `failWrites` simulates a full or disabled storage. */
import type { KeyValueStorage } from './persist.ts';

export function fakeStorage(initial: Record<string, string> = {}, opts: { failWrites?: boolean; failReads?: boolean } = {}) {
  const data = new Map(Object.entries(initial));
  const storage: KeyValueStorage & { data: Map<string, string>; writes: number } = {
    data,
    writes: 0,
    getItem(key) {
      if (opts.failReads) throw new DOMException('denied', 'SecurityError');
      return data.get(key) ?? null;
    },
    setItem(key, value) {
      if (opts.failWrites) throw new DOMException('full', 'QuotaExceededError');
      storage.writes++;
      data.set(key, String(value));
    },
    removeItem(key) {
      data.delete(key);
    },
  };
  return storage;
}
