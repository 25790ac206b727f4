/**
 * The last session and the UI prefs survive a reload through localStorage.
 * Only user intent is stored (the session, theme, explanations), never results.
 * Every read is validated like a link (storage is just another untrusted input)
 * and every storage call is guarded: a full or disabled storage must not break
 * the app, it only means nothing is remembered.
 */
import { SESSION_VERSION } from '../core/share/schema.ts';
import { validateSession, type SessionState } from '../core/share/session.ts';
import type { ExplorerStoreApi, Theme } from './store.ts';

/** The subset of the Web Storage API used here, so tests can pass a fake. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const STORAGE_KEYS = {
  /** `{ version, session, savedAt }` of the last view. */
  session: 'transcode-explorer/session',
  /** The view that a link or an imported file replaced, so it can be restored. */
  previous: 'transcode-explorer/previous-session',
  /** Raw text of a stored session that could not be read, kept rather than destroyed. */
  unreadable: 'transcode-explorer/session-unreadable',
  /** `{ version, theme, explain }`. */
  prefs: 'transcode-explorer/prefs',
} as const;

/** Stored text longer than this is refused unread (a real session is a few KB). */
export const MAX_STORED_CHARS = 1_000_000;
export const SAVE_DEBOUNCE_MS = 300;

export type StoredSession =
  | { kind: 'none' }
  | { kind: 'ok'; session: SessionState }
  | { kind: 'bad'; reason: string; raw: string };

export interface Prefs {
  theme: Theme;
  explain: boolean;
}

/** localStorage, or null where reading the property itself throws (sandboxed frames, disabled storage). */
export function browserStorage(): KeyValueStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function safeGet(storage: KeyValueStorage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** False when the write failed (quota, disabled storage). */
export function safeSet(storage: KeyValueStorage | null, key: string, value: string): boolean {
  if (!storage) return false;
  try {
    storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

export function safeRemove(storage: KeyValueStorage | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    /* nothing to do: the entry simply stays */
  }
}

/** Parses and validates a `{ version, session }` envelope; says why when it cannot. */
export function parseStoredSession(raw: string | null): StoredSession {
  if (raw === null) return { kind: 'none' };
  // Refused unread, but its text is still handed back so it can be set aside, not lost.
  if (raw.length > MAX_STORED_CHARS) return { kind: 'bad', reason: `it is ${raw.length} characters long (at most ${MAX_STORED_CHARS})`, raw };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { kind: 'bad', reason: 'it is not valid JSON', raw };
  }
  if (typeof parsed !== 'object' || parsed === null || !('session' in parsed)) {
    return { kind: 'bad', reason: 'it has no "session" field', raw };
  }
  const checked = validateSession((parsed as { session: unknown }).session);
  if (!checked.ok) {
    const first = checked.issues[0];
    const where = first.path ? `session.${first.path}` : 'session';
    return { kind: 'bad', reason: `${where}: ${first.message}`, raw };
  }
  return { kind: 'ok', session: checked.value };
}

export function readStoredSession(storage: KeyValueStorage | null, key: string = STORAGE_KEYS.session): StoredSession {
  return parseStoredSession(safeGet(storage, key));
}

export function writeStoredSession(storage: KeyValueStorage | null, session: SessionState, key: string = STORAGE_KEYS.session): boolean {
  return safeSet(storage, key, JSON.stringify({ version: SESSION_VERSION, session, savedAt: new Date().toISOString() }));
}

const THEMES: readonly Theme[] = ['system', 'light', 'dark'];
export const DEFAULT_PREFS: Prefs = { theme: 'system', explain: false };

/** Unknown or damaged prefs fall back field by field: a bad theme must not cost the explain setting. */
export function readPrefs(storage: KeyValueStorage | null): Prefs {
  const raw = safeGet(storage, STORAGE_KEYS.prefs);
  if (!raw || raw.length > 1000) return { ...DEFAULT_PREFS };
  try {
    const p = JSON.parse(raw) as Partial<Record<keyof Prefs, unknown>> | null;
    return {
      theme: THEMES.includes(p?.theme as Theme) ? (p!.theme as Theme) : DEFAULT_PREFS.theme,
      explain: typeof p?.explain === 'boolean' ? p.explain : DEFAULT_PREFS.explain,
    };
  } catch {
    return { ...DEFAULT_PREFS };
  }
}

export function writePrefs(storage: KeyValueStorage | null, prefs: Prefs): boolean {
  return safeSet(storage, STORAGE_KEYS.prefs, JSON.stringify({ version: 1, ...prefs }));
}

export interface PersistenceOptions {
  debounceMs?: number;
  /** Called once, the first time a save fails, so the user can be told to download the session instead. */
  onSaveFailed?: () => void;
}

/**
 * Saves the session (debounced: a slider drag writes once) and the prefs (at
 * once: they change rarely) whenever they change. `flush` writes a pending save
 * (for `pagehide`), `saveNow` writes unconditionally, `stop` flushes and unsubscribes.
 */
export function startPersistence(store: ExplorerStoreApi, storage: KeyValueStorage | null, options: PersistenceOptions = {}) {
  const debounceMs = options.debounceMs ?? SAVE_DEBOUNCE_MS;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failed = false;
  const report = (ok: boolean) => {
    if (!ok && !failed) {
      failed = true;
      options.onSaveFailed?.();
    }
  };
  const saveNow = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    report(writeStoredSession(storage, store.getState().session));
  };
  /** Saves only if a debounced save is pending. */
  const flush = () => {
    if (timer !== null) saveNow();
  };
  const unsubscribe = store.subscribe((state, prev) => {
    if (state.session !== prev.session) {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(flush, debounceMs);
    }
    if (state.theme !== prev.theme || state.explain !== prev.explain) {
      report(writePrefs(storage, { theme: state.theme, explain: state.explain }));
    }
  });
  return {
    flush,
    saveNow,
    stop() {
      flush();
      unsubscribe();
    },
  };
}
