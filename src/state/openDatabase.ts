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
