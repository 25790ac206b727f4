/**
 * The one view a link or an imported file replaced, kept in storage so opening
 * someone else's link never costs the user their own work. "Restore previous"
 * swaps it with the current view, so the swap itself is reversible.
 */
import type { SessionState } from '../core/share/session.ts';
import type { ExplorerStoreApi } from './store.ts';
import { browserStorage, readStoredSession, safeRemove, writeStoredSession, STORAGE_KEYS, type KeyValueStorage } from './persist.ts';
import { sameSession } from './initialSession.ts';

export interface PreviousSessionSlot {
  get(): SessionState | null;
  /** Keeps `session` as the previous view; false when storage refused it. */
  save(session: SessionState): boolean;
  clear(): void;
  /** For `useSyncExternalStore`: a stable boolean snapshot. */
  available(): boolean;
  subscribe(listener: () => void): () => void;
}

export function createPreviousSessionSlot(storage: KeyValueStorage | null): PreviousSessionSlot {
  const listeners = new Set<() => void>();
  // Held in memory too, so the button still works when storage is disabled or full.
  let cached: SessionState | null | undefined;
  const read = () => {
    if (cached === undefined) {
      const stored = readStoredSession(storage, STORAGE_KEYS.previous);
      cached = stored.kind === 'ok' ? stored.session : null;
    }
    return cached;
  };
  const changed = () => listeners.forEach((l) => l());
  return {
    get: read,
    save(session) {
      cached = session;
      const ok = writeStoredSession(storage, session, STORAGE_KEYS.previous);
      changed();
      return ok;
    },
    clear() {
      cached = null;
      safeRemove(storage, STORAGE_KEYS.previous);
      changed();
    },
    available: () => read() !== null,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

let shared: PreviousSessionSlot | null = null;

/** The page's slot, over localStorage (created on first use, not on import). */
export function previousSessionSlot(): PreviousSessionSlot {
  shared ??= createPreviousSessionSlot(browserStorage());
  return shared;
}

/** Replaces the view, first keeping the current one as "previous" when they differ; true when one was kept. */
export function replaceKeepingPrevious(store: ExplorerStoreApi, next: SessionState, slot: PreviousSessionSlot): boolean {
  const current = store.getState().session;
  const differs = !sameSession(current, next);
  if (differs) slot.save(current);
  store.getState().replaceSession(next);
  return differs;
}

/** Swaps the current view with the kept one; false when there is none. */
export function restorePrevious(store: ExplorerStoreApi, slot: PreviousSessionSlot): boolean {
  const previous = slot.get();
  if (!previous) return false;
  slot.save(store.getState().session);
  store.getState().replaceSession(previous);
  return true;
}
