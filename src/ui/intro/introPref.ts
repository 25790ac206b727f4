/**
 * Whether the first-visit introduction was dismissed: a UI pref that survives
 * reloads in localStorage, read and written with the same guards as the theme
 * (a full or disabled storage only means the intro shows again).
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { browserStorage, safeGet, safeSet, type KeyValueStorage } from '../../state/persist.ts';

/** Beside the theme's `transcode-explorer/prefs`; `{ version, dismissed }`. */
export const INTRO_PREF_KEY = 'transcode-explorer/prefs-intro';

export function readIntroDismissed(storage: KeyValueStorage | null): boolean {
  const raw = safeGet(storage, INTRO_PREF_KEY);
  if (!raw || raw.length > 200) return false;
  try {
    const p = JSON.parse(raw) as { dismissed?: unknown } | null;
    return p?.dismissed === true;
  } catch {
    return false;
  }
}

export function writeIntroDismissed(storage: KeyValueStorage | null, dismissed: boolean): boolean {
  return safeSet(storage, INTRO_PREF_KEY, JSON.stringify({ version: 1, dismissed }));
}

export interface IntroState {
  /** The intro card is shown. */
  open: boolean;
  dismiss(): void;
  reopen(): void;
}

/** The intro's state: open on a first visit, closed for good once dismissed (until reopened from the header). */
export function createIntroStore(storage: KeyValueStorage | null) {
  return createStore<IntroState>()((set) => ({
    open: !readIntroDismissed(storage),
    dismiss: () => {
      writeIntroDismissed(storage, true);
      set({ open: false });
    },
    reopen: () => set({ open: true }),
  }));
}

let shared: ReturnType<typeof createIntroStore> | null = null;

export function useIntro<T>(select: (s: IntroState) => T): T {
  shared ??= createIntroStore(browserStorage());
  return useStore(shared, select);
}
