/**
 * Which view the explorer opens with: a `#s=` link, else the stored session,
 * else the defaults. Pure (no DOM, no storage), so every branch is tested.
 *
 * Nothing the user had is ever lost: a good link replaces the stored session but
 * hands it back as `replaced` to be kept; a bad link leaves it in place; stored
 * text that cannot be read is handed back as `unreadable` to be kept aside.
 */
import { decodeSessionLink } from '../core/share/codec.ts';
import { defaultSession } from '../core/share/defaults.ts';
import { describePinRenames } from '../core/share/pinIds.ts';
import type { SessionState } from '../core/share/session.ts';
import type { Notice } from './store.ts';
import type { StoredSession } from './persist.ts';

export interface InitialChoice {
  session: SessionState;
  source: 'link' | 'storage' | 'default';
  notice: Pick<Notice, 'kind' | 'message'> | null;
  /** The stored session a link replaced (only when it differs from the link's view). */
  replaced: SessionState | null;
  /** Stored text that could not be read, to be set aside rather than overwritten. */
  unreadable: string | null;
}

/** True for hashes this app owns (`#s=…`); any other fragment is left alone. */
export function isLinkHash(hash: string): boolean {
  return /^#?s=/.test(hash);
}

export function sameSession(a: SessionState, b: SessionState): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function chooseInitialSession({ hash, stored }: { hash: string; stored: StoredSession }): InitialChoice {
  const storedSession = stored.kind === 'ok' ? stored.session : null;
  const unreadable = stored.kind === 'bad' && stored.raw ? stored.raw : null;
  const storageReason = stored.kind === 'bad' ? stored.reason : null;

  if (isLinkHash(hash)) {
    const decoded = decodeSessionLink(hash);
    if (decoded.ok) {
      const replaced = storedSession && !sameSession(storedSession, decoded.value) ? storedSession : null;
      const parts = ['Opened the shared view from the link.'];
      if (decoded.migratedFrom !== null) parts.push(`It was made by an older version (schema ${decoded.migratedFrom}) and has been upgraded.`);
      if (decoded.renamedPins.length > 0) parts.push(describePinRenames(decoded.renamedPins));
      if (replaced) parts.push('Your own previous session was kept: “Restore previous” brings it back.');
      if (storageReason) parts.push(`Your saved session could not be read (${storageReason}) and was set aside, not deleted: “Download set-aside” in the header saves it.`);
      const notice = parts.length > 1 ? { kind: 'info' as const, message: parts.join(' ') } : null;
      return { session: decoded.value, source: 'link', notice, replaced, unreadable };
    }
    const kept = storedSession
      ? 'Your previous view is kept.'
      : storageReason
        ? `Your saved session could not be read either (${storageReason}), so the default view is shown; it was set aside, not deleted.`
        : 'The default view is shown instead.';
    const message = `This link could not be opened: ${decoded.message}. ${kept}`;
    return {
      session: storedSession ?? defaultSession(),
      source: storedSession ? 'storage' : 'default',
      notice: { kind: 'error', message },
      replaced: null,
      unreadable,
    };
  }

  if (storedSession) return { session: storedSession, source: 'storage', notice: null, replaced: null, unreadable: null };
  return {
    session: defaultSession(),
    source: 'default',
    notice: storageReason ? { kind: 'info', message: `Your saved session could not be restored (${storageReason}), so the explorer was reset to the defaults. It was set aside, not deleted: “Download set-aside” in the header saves it.` } : null,
    replaced: null,
    unreadable,
  };
}
