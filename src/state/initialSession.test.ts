import { SESSION_VERSION } from '../core/share/limits.ts';
import { describe, expect, it } from 'vitest';
import { deflateSync, strToU8 } from 'fflate';
import { chooseInitialSession, isLinkHash } from './initialSession.ts';
import { parseStoredSession } from './persist.ts';
import { encodeSessionLink, toBase64Url } from '../core/share/codec.ts';
import { defaultSession } from '../core/share/defaults.ts';
import { MODEL_PRESETS } from '../core/space/transformer/presets.ts';
import { ACCELERATOR_PRESETS } from '../core/space/accelerator/presets.ts';
import type { SessionState } from '../core/share/session.ts';

function linkedView(): SessionState {
  const s = defaultSession();
  s.design = { model: structuredClone(MODEL_PRESETS['bert-base'].model), accelerator: structuredClone(ACCELERATOR_PRESETS['acceltran-server'].config) };
  s.settings.mode = 'training';
  return s;
}
function storedView(): SessionState {
  const s = defaultSession();
  s.settings.clockMHz = 450;
  return s;
}
const hashOf = (s: SessionState) => '#' + encodeSessionLink(s);
const stored = (s: SessionState) => ({ kind: 'ok' as const, session: s });
const none = { kind: 'none' as const };
const corrupt = parseStoredSession('{"version":1,"session":{"version":1,"design":7}}');

describe('chooseInitialSession', () => {
  it('opens a valid link and hands back the stored view it replaced', () => {
    const c = chooseInitialSession({ hash: hashOf(linkedView()), stored: stored(storedView()) });
    expect(c.source).toBe('link');
    expect(c.session).toEqual(linkedView());
    expect(c.replaced).toEqual(storedView());
    expect(c.notice).toMatchObject({ kind: 'info', message: expect.stringMatching(/Restore previous/) });
  });

  it('opens a valid link quietly when nothing is replaced (first visit, or a reload with the link still in the URL)', () => {
    expect(chooseInitialSession({ hash: hashOf(linkedView()), stored: none })).toMatchObject({ source: 'link', notice: null, replaced: null });
    expect(chooseInitialSession({ hash: hashOf(linkedView()), stored: stored(linkedView()) })).toMatchObject({ source: 'link', notice: null, replaced: null });
  });

  it('keeps the stored view on a truncated link and says the link is cut off', () => {
    const hash = hashOf(linkedView());
    const c = chooseInitialSession({ hash: hash.slice(0, hash.length - 25), stored: stored(storedView()) });
    expect(c.source).toBe('storage');
    expect(c.session).toEqual(storedView());
    expect(c.replaced).toBeNull();
    expect(c.notice?.kind).toBe('error');
    expect(c.notice?.message).toMatch(/could not be opened: the link is truncated or corrupt.*Your previous view is kept/);
  });

  it('refuses a link from a newer schema and keeps the stored view', () => {
    const c = chooseInitialSession({ hash: `#s=${SESSION_VERSION + 1}.AAAA`, stored: stored(storedView()) });
    expect(c.session).toEqual(storedView());
    expect(c.notice).toMatchObject({ kind: 'error', message: expect.stringMatching(/newer version of the app/) });
  });

  it('refuses a hostile link, naming the field, without opening any of it', () => {
    const hostile = linkedView() as unknown as { design: { model: { o: unknown[][] } } };
    hostile.design.model.o[0][0] = '<img src=x onerror=alert(1)>';
    const hash = `#s=${SESSION_VERSION}.${toBase64Url(deflateSync(strToU8(JSON.stringify(hostile))))}`;
    const c = chooseInitialSession({ hash, stored: none });
    expect(c.source).toBe('default');
    expect(c.session).toEqual(defaultSession());
    expect(c.notice?.kind).toBe('error');
    expect(c.notice?.message).toMatch(/design\.model\.o\[0\]\[0\]/);
    expect(c.notice?.message).toMatch(/default view is shown/);
  });

  it('resets corrupt storage to the defaults with an info notice that says why, and sets the text aside', () => {
    expect(corrupt.kind).toBe('bad');
    const c = chooseInitialSession({ hash: '', stored: corrupt });
    expect(c).toMatchObject({ source: 'default', notice: { kind: 'info' }, replaced: null });
    expect(c.session).toEqual(defaultSession());
    expect(c.notice?.message).toMatch(/could not be restored \(session\.design: .*\).*reset to the defaults/);
    expect(c.unreadable).toContain('"design":7');
  });

  it('reports both problems when a bad link meets corrupt storage', () => {
    const c = chooseInitialSession({ hash: '#s=1.%%%', stored: corrupt });
    expect(c.source).toBe('default');
    expect(c.notice?.kind).toBe('error');
    expect(c.notice?.message).toMatch(/not a TransCODE Explorer link.*saved session could not be read either/);
  });

  it('restores the stored view, or the defaults, when there is no link', () => {
    expect(chooseInitialSession({ hash: '', stored: stored(storedView()) })).toMatchObject({ source: 'storage', session: storedView(), notice: null });
    expect(chooseInitialSession({ hash: '#section-2', stored: none })).toMatchObject({ source: 'default', session: defaultSession(), notice: null });
  });

  it('only treats #s= fragments as links', () => {
    expect(isLinkHash('#s=1.abc')).toBe(true);
    expect(isLinkHash('s=1.abc')).toBe(true);
    expect(isLinkHash('#results')).toBe(false);
    expect(isLinkHash('')).toBe(false);
  });
});
