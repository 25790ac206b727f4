/**
 * Share links in the address bar. "Copy link" writes `#s=…` with
 * `history.replaceState` (no history entry per copy); a link pasted into an open
 * tab arrives as `hashchange` and replaces the view only if it decodes. The hash
 * is dropped at the first edit after it was written, so a reload never rolls the
 * user back to a link that no longer describes what they see (their edits are
 * in localStorage).
 */
import { decodeSessionLink, encodeSessionLink } from '../core/share/codec.ts';
import { describePinRenames } from '../core/share/pinIds.ts';
import type { SessionState } from '../core/share/session.ts';
import type { ExplorerStoreApi } from './store.ts';
import { isLinkHash } from './initialSession.ts';
import { replaceKeepingPrevious, type PreviousSessionSlot } from './previousSession.ts';

/** What the controller needs of `window.location` / `history`; a fake in tests. */
export interface AddressBar {
  hash(): string;
  /** Sets the fragment (`s=…`), or removes it when null, without a history entry. */
  replaceHash(hash: string | null): void;
  /** The full URL as it is now. */
  href(): string;
  onHashChange(listener: () => void): () => void;
}

export function browserAddressBar(): AddressBar {
  return {
    hash: () => location.hash,
    replaceHash: (hash) => history.replaceState(history.state, '', hash === null ? location.pathname + location.search : `#${hash}`),
    href: () => location.href,
    onHashChange(listener) {
      window.addEventListener('hashchange', listener);
      return () => window.removeEventListener('hashchange', listener);
    },
  };
}

/** The session the current `#s=` hash describes; edits that make it stale clear the hash. */
let linkedSession: SessionState | null = null;

/** Marks a session as the one now in the address bar (boot calls this for an opened link). */
export function markLinked(session: SessionState | null): void {
  linkedSession = session;
}

/** Writes the session into the address bar and returns the full URL to share. */
export function publishLink(session: SessionState, bar: AddressBar = browserAddressBar()): string {
  bar.replaceHash(encodeSessionLink(session));
  linkedSession = session;
  return bar.href();
}

export function startLinkController(store: ExplorerStoreApi, slot: PreviousSessionSlot, bar: AddressBar = browserAddressBar()): () => void {
  const offHash = bar.onHashChange(() => {
    const hash = bar.hash();
    if (!isLinkHash(hash)) return;
    const decoded = decodeSessionLink(hash);
    if (!decoded.ok) {
      store.getState().notify('error', `This link could not be opened: ${decoded.message}. Your current view is unchanged.`);
      return;
    }
    // Set before replacing: the session subscription below must see it as linked.
    linkedSession = decoded.value;
    const kept = replaceKeepingPrevious(store, decoded.value, slot);
    const renamed = decoded.renamedPins.length > 0 ? ` ${describePinRenames(decoded.renamedPins)}` : '';
    store.getState().notify('info', (kept
      ? 'Opened the shared view from the link. Your view before it was kept: “Restore previous” brings it back.'
      : 'Opened the link: it shows the view you already had.') + renamed);
  });
  const offStore = store.subscribe((state, prev) => {
    if (state.session === prev.session || state.session === linkedSession) return;
    if (isLinkHash(bar.hash())) bar.replaceHash(null);
    linkedSession = null;
  });
  return () => {
    offHash();
    offStore();
  };
}
