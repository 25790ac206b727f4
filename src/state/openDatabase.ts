/**
 * One IndexedDB database with one object store, opened on first use and shared by every
 * later call; a failed open is forgotten so the next call tries again (the user may have
 * closed the tab that blocked it).
 */
export function lazyDatabase(name: string, store: string, storeOptions?: IDBObjectStoreParameters): () => Promise<IDBDatabase> {
  let opened: Promise<IDBDatabase> | null = null;
  return () =>
    (opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      if (typeof indexedDB === 'undefined') return reject(new Error('IndexedDB is not available in this browser'));
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains(store)) request.result.createObjectStore(store, storeOptions);
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
      request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab of this app'));
    }).catch((e) => {
      opened = null;
      throw e;
    }));
}

/**
 * Runs `f` on the store in one transaction and resolves with its request's result
 * once the transaction has committed (not merely when the request succeeded: a
 * write is only safe to report as saved after the commit).
 */
export async function inTransaction<T>(
  db: () => Promise<IDBDatabase>, store: string, mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T> | void,
): Promise<T | undefined> {
  const t = (await db()).transaction(store, mode);
  const request = f(t.objectStore(store));
  await new Promise<void>((resolve, reject) => {
    t.oncomplete = () => resolve();
    t.onabort = () => reject(t.error ?? new Error('the transaction was aborted'));
    t.onerror = () => reject(t.error);
  });
  return request ? request.result : undefined;
}
