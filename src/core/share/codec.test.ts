import { describe, expect, it } from 'vitest';
import { deflateSync, strToU8 } from 'fflate';
import { decodeSessionLink, encodeSessionLink, toBase64Url, MAX_LINK_CHARS } from './codec.ts';
import { defaultSession } from './defaults.ts';
import { MODEL_PRESETS } from '../space/transformer/presets.ts';
import { ACCELERATOR_PRESETS } from '../space/accelerator/presets.ts';
import type { SessionState } from './session.ts';
import { SESSION_VERSION } from './limits.ts';

const linkOfJson = (json: string, version = SESSION_VERSION) => `#s=${version}.${toBase64Url(deflateSync(strToU8(json)))}`;
const linkOf = (obj: unknown, version = SESSION_VERSION) => linkOfJson(JSON.stringify(obj), version);

function serverView(): SessionState {
  const s = defaultSession();
  s.design = { model: MODEL_PRESETS['bert-base'].model, accelerator: ACCELERATOR_PRESETS['acceltran-server'].config };
  s.pinned = [
    { id: 'p1', label: 'BERT-Tiny on edge', model: MODEL_PRESETS['bert-tiny'].model, accelerator: ACCELERATOR_PRESETS['acceltran-edge'].config, settings: s.settings },
    { id: 'p2', label: 'BERT-Base on server', model: MODEL_PRESETS['bert-base'].model, accelerator: ACCELERATOR_PRESETS['acceltran-server'].config, settings: s.settings },
  ];
  s.sweepRan = true;
  s.plot.selection = [3, 17, 256, 4999];
  s.plot.focus = 17;
  return s;
}

describe('share links', () => {
  it('round-trips a whole view exactly', () => {
    const view = serverView();
    const decoded = decodeSessionLink('#' + encodeSessionLink(view));
    expect(decoded.ok).toBe(true);
    if (decoded.ok) expect(decoded.value).toEqual(view);
  });

  it('keeps a BERT-Base + server view with pinned designs under 2,000 characters', () => {
    const link = `http://127.0.0.1:4173/#${encodeSessionLink(serverView())}`;
    expect(link.length).toBeLessThan(2000);
  });

  it('refuses a truncated link and says so', () => {
    const link = encodeSessionLink(serverView());
    const r = decodeSessionLink(link.slice(0, link.length - 30));
    expect(r).toMatchObject({ ok: false, kind: 'corrupt' });
    if (!r.ok) expect(r.message).toMatch(/truncated or corrupt/);
  });

  it('refuses links from a newer schema without inflating them', () => {
    expect(decodeSessionLink('#s=99.AAAA')).toMatchObject({ ok: false, kind: 'newer' });
  });

  it('refuses garbage, oversize links and deflate bombs', () => {
    expect(decodeSessionLink('#s=1.%%%')).toMatchObject({ ok: false, kind: 'malformed' });
    expect(decodeSessionLink('#foo=bar')).toMatchObject({ ok: false, kind: 'malformed' });
    expect(decodeSessionLink('#s=1.' + 'A'.repeat(MAX_LINK_CHARS))).toMatchObject({ ok: false, kind: 'too-large' });
    const bomb = linkOf({ version: 1, junk: ' '.repeat(5_000_000) });
    expect(bomb.length).toBeLessThan(MAX_LINK_CHARS);
    expect(decodeSessionLink(bomb)).toMatchObject({ ok: false, kind: 'too-large' });
  });

  it('names the bad field of a hostile or wrong-typed view', () => {
    const view = structuredClone(serverView()) as unknown as Record<string, any>;
    view.design.model.o[1][0] = '<script>alert(1)</script>';
    const r = decodeSessionLink(linkOf(view));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues?.[0].path).toBe('design.model.o[1][0]');

    const typed = structuredClone(serverView()) as unknown as Record<string, any>;
    typed.settings.clockMHz = '700';
    const r2 = decodeSessionLink(linkOf(typed));
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.issues?.[0].path).toBe('settings.clockMHz');
  });

  it('refuses deep nesting and unknown keys', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const r = decodeSessionLink(linkOfJson(JSON.stringify(serverView()).replace(/"plot":\{[^}]*\}/, `"plot":${deep}`)));
    expect(r.ok).toBe(false);
    const extra = decodeSessionLink(linkOf({ ...serverView(), __proto__x: 1 }));
    expect(extra.ok).toBe(false);
  });

  it('migrates a version-1 link (before sweeps recorded their base design)', () => {
    const { sweepBase: _dropped, ...v1 } = { ...structuredClone(serverView()), version: 1 };
    const r = decodeSessionLink(linkOf(v1, 1));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.migratedFrom).toBe(1);
      expect(r.value.version).toBe(2);
      // v1 sweeps were built around the current design.
      expect(r.value.sweepBase).toEqual(v1.design);
      expect(r.value.design).toEqual(v1.design);
    }
  });

  it('refuses a link whose prefix and data versions disagree', () => {
    expect(decodeSessionLink(linkOf({ ...serverView(), version: 1 }, 2))).toMatchObject({ ok: false, kind: 'corrupt' });
  });
});
