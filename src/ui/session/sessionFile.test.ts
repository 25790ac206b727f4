import { describe, expect, it } from 'vitest';
import { parseSessionFile, sessionFileJson, sessionFileName, MAX_SESSION_FILE_BYTES } from './sessionFile.ts';
import { defaultSession } from '../../core/share/defaults.ts';
import { SESSION_VERSION } from '../../core/share/limits.ts';

const fileWith = (patch: (f: Record<string, any>) => void) => {
  const f = JSON.parse(sessionFileJson(defaultSession()));
  patch(f);
  return JSON.stringify(f);
};

describe('session files', () => {
  it('round-trip a session with its envelope', () => {
    const s = defaultSession();
    s.sweep.seed = 99;
    const text = sessionFileJson(s, new Date('2026-01-02T03:04:05Z'));
    expect(JSON.parse(text)).toMatchObject({ app: 'transcode-explorer', version: SESSION_VERSION, savedAt: '2026-01-02T03:04:05.000Z' });
    expect(parseSessionFile(text)).toEqual({ ok: true, session: s, migratedFrom: null, renamedPins: [] });
  });

  it('opens a file saved before the sequence-length settings (schema 2) with their defaults', () => {
    const s = defaultSession();
    s.settings.clockMHz = 450;
    const v2 = fileWith((f) => {
      f.version = 2;
      f.session.version = 2;
      for (const k of ['seqLen', 'accumulationSteps', 'mlmHead', 'powerGating']) delete f.session.settings[k];
      f.session.settings.clockMHz = 450;
    });
    expect(parseSessionFile(v2)).toEqual({ ok: true, session: s, migratedFrom: 2, renamedPins: [] });
  });

  it('names a sortable file', () => {
    expect(sessionFileName(new Date(2026, 2, 4, 9, 5))).toBe('transcode-session-2026-03-04-0905.json');
  });

  it('refuses what is not a session file, saying why', () => {
    expect(parseSessionFile('hello')).toEqual({ ok: false, message: 'the file is not valid JSON' });
    expect(parseSessionFile('[1,2]')).toMatchObject({ ok: false, message: /JSON object/ });
    expect(parseSessionFile('{"app":"excalidraw"}')).toMatchObject({ ok: false, message: /^app: expected "transcode-explorer", got "excalidraw"/ });
    expect(parseSessionFile(fileWith((f) => delete f.session))).toEqual({ ok: false, message: 'session: missing' });
    expect(parseSessionFile(fileWith((f) => { f.version = SESSION_VERSION + 1; }))).toMatchObject({ ok: false, message: /^version: .*newer/ });
    expect(parseSessionFile(' '.repeat(MAX_SESSION_FILE_BYTES + 1))).toMatchObject({ ok: false, message: /too large/ });
  });

  it('names the field at fault in an invalid session', () => {
    const bad = parseSessionFile(fileWith((f) => { f.session.design.accelerator.tile.x = 'wide'; }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/^session\.design\.accelerator\.tile/);
    const typed = parseSessionFile(fileWith((f) => { f.session.settings.mode = 'turbo'; }));
    if (!typed.ok) expect(typed.message).toMatch(/^session\.settings\.mode: /);
    else expect.unreachable();
  });

  it('clips hostile strings echoed in messages', () => {
    const r = parseSessionFile(JSON.stringify({ app: '<script>' + 'x'.repeat(500) + '</script>' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.length).toBeLessThan(150);
  });
});
