/**
 * Session files: the whole view as JSON, for links too long to share and for
 * keeping work. An imported file is untrusted input and goes through the same
 * migration and validation as a link; an error names the field at fault.
 */
import type { PinRename } from '../../core/share/pinIds.ts';
import { SESSION_VERSION } from '../../core/share/schema.ts';
import { validateSession, type SessionState } from '../../core/share/session.ts';
import { clip } from '../../core/space/transformer/ops.ts';

export const SESSION_FILE_APP = 'transcode-explorer';
/** A real session file is a few KB; anything this big is refused unread. */
export const MAX_SESSION_FILE_BYTES = 1024 * 1024;

export interface SessionFile {
  app: typeof SESSION_FILE_APP;
  /** Schema version of `session` when it was saved. */
  version: number;
  session: SessionState;
  /** ISO time of the download. */
  savedAt: string;
}

export type SessionFileParse = { ok: true; session: SessionState; migratedFrom: number | null; renamedPins: PinRename[] } | { ok: false; message: string };

export function sessionFileJson(session: SessionState, now: Date = new Date()): string {
  const file: SessionFile = { app: SESSION_FILE_APP, version: SESSION_VERSION, session, savedAt: now.toISOString() };
  return JSON.stringify(file, null, 2);
}

/** e.g. `transcode-session-2026-03-14-0915.json` (local time, sortable). */
export function sessionFileName(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `transcode-session-${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}.json`;
}

export function parseSessionFile(text: string): SessionFileParse {
  if (text.length > MAX_SESSION_FILE_BYTES) return { ok: false, message: `the file is too large (${Math.round(text.length / 1024)} KB; at most ${MAX_SESSION_FILE_BYTES / 1024} KB)` };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, message: 'the file is not valid JSON' };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, message: 'the file does not hold a JSON object' };
  const file = raw as Record<string, unknown>;
  if (file.app !== SESSION_FILE_APP) {
    return { ok: false, message: `app: expected "${SESSION_FILE_APP}", got ${describe(file.app)} (is this a TransCODE Explorer session file?)` };
  }
  if (typeof file.version === 'number' && file.version > SESSION_VERSION) {
    return { ok: false, message: `version: the file was saved by a newer version of the app (schema ${file.version}; this app reads up to ${SESSION_VERSION}); reload to update` };
  }
  if (!('session' in file)) return { ok: false, message: 'session: missing' };
  const checked = validateSession(file.session);
  if (!checked.ok) {
    const shown = checked.issues.slice(0, 3).map((i) => `${i.path ? `session.${i.path}` : 'session'}: ${i.message}`);
    const more = checked.issues.length > 3 ? ` (and ${checked.issues.length - 3} more)` : '';
    return { ok: false, message: shown.join('; ') + more };
  }
  return { ok: true, session: checked.value, migratedFrom: checked.migratedFrom ?? null, renamedPins: checked.renamedPins ?? [] };
}

/** A short, inert description of an unexpected value for an error message. */
function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') return `"${clip(v, 40)}"`;
  return clip(JSON.stringify(v) ?? String(v), 40);
}
