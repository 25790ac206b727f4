/**
 * Share links: `#s=<schemaVersion>.<base64url(deflate(JSON))>`.
 * The version sits outside the payload so a link from a newer app is recognised
 * without inflating it. Decoding is defensive: size caps before and during
 * inflation, JSON parsing only (nothing is evaluated), then full validation.
 */
import { deflateSync, Inflate, strToU8, strFromU8 } from 'fflate';
import { SESSION_VERSION } from './schema.ts';
import { validateSession, type SessionState } from './session.ts';
import type { ValidationIssue } from '../space/issues.ts';
import type { PinRename } from './pinIds.ts';

/** Longest link payload accepted; a real view is a few hundred characters. */
export const MAX_LINK_CHARS = 20_000;
/** Largest inflated JSON accepted (a deflate bomb stops here). */
export const MAX_JSON_BYTES = 512 * 1024;

export type LinkDecodeResult =
  | { ok: true; value: SessionState; migratedFrom: number | null; renamedPins: PinRename[] }
  | { ok: false; kind: 'malformed' | 'corrupt' | 'newer' | 'too-large' | 'invalid'; message: string; issues?: ValidationIssue[] };

export function encodeSessionLink(state: SessionState): string {
  const json = JSON.stringify({ ...state, version: SESSION_VERSION });
  return `s=${SESSION_VERSION}.${toBase64Url(deflateSync(strToU8(json), { level: 9 }))}`;
}

/** Accepts `#s=…`, `s=…` or a whole URL. */
export function decodeSessionLink(input: string): LinkDecodeResult {
  const hash = input.includes('#') ? input.slice(input.indexOf('#') + 1) : input;
  if (hash.length > MAX_LINK_CHARS) return { ok: false, kind: 'too-large', message: `the link is ${hash.length} characters long; at most ${MAX_LINK_CHARS} are accepted` };
  const m = /^s=(\d{1,6})\.([A-Za-z0-9_-]*)$/.exec(hash);
  if (!m) return { ok: false, kind: 'malformed', message: 'this is not a TransCODE Explorer link (expected #s=<version>.<data>)' };
  const version = Number(m[1]);
  if (version > SESSION_VERSION) {
    return { ok: false, kind: 'newer', message: `the link was made by a newer version of the app (schema ${version}; this app reads up to ${SESSION_VERSION}); reload to update` };
  }
  let json: string;
  try {
    json = inflateCapped(fromBase64Url(m[2]));
  } catch (e) {
    const tooLarge = e instanceof RangeError;
    return {
      ok: false,
      kind: tooLarge ? 'too-large' : 'corrupt',
      message: tooLarge ? `the link's data expands past ${MAX_JSON_BYTES / 1024} KB; refused` : 'the link is truncated or corrupt: its data does not decompress (was it cut off when pasted?)',
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, kind: 'corrupt', message: 'the link is corrupt: its data is not valid JSON' };
  }
  if (typeof raw === 'object' && raw !== null && (raw as { version?: unknown }).version !== version) {
    return { ok: false, kind: 'corrupt', message: 'the link is corrupt: its version prefix and its data disagree' };
  }
  const checked = validateSession(raw);
  if (!checked.ok) {
    return { ok: false, kind: 'invalid', message: `the link holds an invalid view: ${checked.issues.slice(0, 3).map((i) => `${i.path || 'session'}: ${i.message}`).join('; ')}`, issues: checked.issues };
  }
  return { ok: true, value: checked.value, migratedFrom: checked.migratedFrom ?? null, renamedPins: checked.renamedPins ?? [] };
}

function inflateCapped(data: Uint8Array): string {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size > MAX_JSON_BYTES) throw new RangeError('inflated data too large');
    chunks.push(chunk);
    if (final) done = true;
  });
  inflater.push(data, true);
  if (!done) throw new Error('incomplete deflate stream');
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return strFromU8(out);
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(padded);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
