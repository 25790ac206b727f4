/**
 * A stored session this version cannot read (damaged, from a newer version, or
 * over the size limit) is never deleted: it is moved to its own key and offered
 * back (download it, or discard it on purpose). Held in memory too, so the
 * offer still works when storage refused the copy.
 */
import { safeGet, safeRemove, safeSet, STORAGE_KEYS, type KeyValueStorage } from './persist.ts';

export interface SetAsideSlot {
  /** The set-aside text, or null. */
  get(): string | null;
  /**
   * Moves `raw` (just read from `fromKey`) to the set-aside key. The original key
   * is cleared first so a large text fits; if the copy is refused it is put back.
   * True when the text is now kept in storage under the set-aside key.
   */
  keep(raw: string, fromKey?: string): boolean;
  /** Forgets it: only ever on the user's request. */
  discard(): void;
  available(): boolean;
  subscribe(listener: () => void): () => void;
}

export function createSetAsideSlot(storage: KeyValueStorage | null): SetAsideSlot {
  const listeners = new Set<() => void>();
  let cached: string | null | undefined;
  const changed = () => listeners.forEach((l) => l());
  const get = () => {
    if (cached === undefined) cached = safeGet(storage, STORAGE_KEYS.unreadable);
    return cached;
  };
  return {
    get,
    keep(raw, fromKey = STORAGE_KEYS.session) {
      cached = raw;
      safeRemove(storage, fromKey);
      const ok = safeSet(storage, STORAGE_KEYS.unreadable, raw);
      // Could not copy it (quota): leave it where it was rather than lose it.
      if (!ok) safeSet(storage, fromKey, raw);
      changed();
      return ok;
    },
    discard() {
      cached = null;
      safeRemove(storage, STORAGE_KEYS.unreadable);
      changed();
    },
    available: () => get() !== null,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

let shared: SetAsideSlot | null = null;

/** The page's slot over localStorage (created on first use). `slot` replaces it (boot, tests). */
export function setAsideSlot(storage?: KeyValueStorage | null): SetAsideSlot {
  if (storage !== undefined) shared = createSetAsideSlot(storage);
  shared ??= createSetAsideSlot(null);
  return shared;
}

/** A file name for the download: says what it is and when it was set aside. */
export function setAsideFileName(now = new Date()): string {
  return `transcode-session-set-aside-${now.toISOString().slice(0, 19).replace(/[:T]/g, '-')}.json`;
}
