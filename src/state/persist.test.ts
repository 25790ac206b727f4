import { SESSION_VERSION } from '../core/share/limits.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createExplorerStore } from './store.ts';
import { parseStoredSession, readPrefs, readStoredSession, startPersistence, writeStoredSession, STORAGE_KEYS } from './persist.ts';
import { defaultSession } from '../core/share/defaults.ts';
import { MODEL_PRESETS } from '../core/space/transformer/presets.ts';
import { fakeStorage } from './fakeStorage.test-util.ts';

describe('stored session', () => {
  it('round-trips through a versioned envelope', () => {
    const storage = fakeStorage();
    const s = defaultSession();
    s.settings.clockMHz = 500;
    expect(writeStoredSession(storage, s)).toBe(true);
    const raw = JSON.parse(storage.data.get(STORAGE_KEYS.session)!);
    expect(raw.version).toBe(SESSION_VERSION);
    expect(readStoredSession(storage)).toEqual({ kind: 'ok', session: s });
  });

  it('tells missing, unparsable and invalid storage apart, naming the bad field', () => {
    expect(parseStoredSession(null)).toEqual({ kind: 'none' });
    expect(parseStoredSession('{not json')).toMatchObject({ kind: 'bad', reason: 'it is not valid JSON', raw: '{not json' });
    expect(parseStoredSession('[]')).toMatchObject({ kind: 'bad', reason: 'it has no "session" field' });
    const s = defaultSession() as unknown as { settings: { clockMHz: unknown } };
    s.settings.clockMHz = 'fast';
    const r = parseStoredSession(JSON.stringify({ version: 1, session: s }));
    expect(r.kind).toBe('bad');
    if (r.kind === 'bad') expect(r.reason).toMatch(/^session\.settings\.clockMHz: /);
    const newer = parseStoredSession(JSON.stringify({ version: 9, session: { ...defaultSession(), version: 9 } }));
    expect(newer.kind === 'bad' && newer.reason).toMatch(/newer/);
  });

  it('survives storage that throws on every call', () => {
    const broken = fakeStorage({}, { failReads: true, failWrites: true });
    expect(readStoredSession(broken)).toEqual({ kind: 'none' });
    expect(writeStoredSession(broken, defaultSession())).toBe(false);
    expect(readPrefs(broken)).toEqual({ theme: 'system', explain: false });
    expect(writeStoredSession(null, defaultSession())).toBe(false);
  });

  it('recovers prefs field by field', () => {
    expect(readPrefs(fakeStorage({ [STORAGE_KEYS.prefs]: '{"theme":"neon","explain":true}' }))).toEqual({ theme: 'system', explain: true });
    expect(readPrefs(fakeStorage({ [STORAGE_KEYS.prefs]: '{"theme":"dark","explain":"yes"}' }))).toEqual({ theme: 'dark', explain: false });
    expect(readPrefs(fakeStorage({ [STORAGE_KEYS.prefs]: 'null' }))).toEqual({ theme: 'system', explain: false });
  });
});

describe('startPersistence', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves the session once per burst of edits, after the debounce', () => {
    const storage = fakeStorage();
    const store = createExplorerStore(defaultSession());
    startPersistence(store, storage, { debounceMs: 300 });
    for (let mhz = 100; mhz < 110; mhz++) store.getState().setSettings({ clockMHz: mhz });
    vi.advanceTimersByTime(299);
    expect(storage.writes).toBe(0);
    vi.advanceTimersByTime(1);
    expect(storage.writes).toBe(1);
    const saved = readStoredSession(storage);
    expect(saved.kind === 'ok' && saved.session.settings.clockMHz).toBe(109);
  });

  it('never stores results, only intent', () => {
    const storage = fakeStorage();
    const store = createExplorerStore(defaultSession());
    const p = startPersistence(store, storage);
    store.getState().setSim({ status: 'running' });
    store.getState().notify('info', 'hello');
    vi.advanceTimersByTime(1000);
    expect(storage.writes).toBe(0);
    store.getState().setModel(MODEL_PRESETS['bert-mini'].model);
    p.flush();
    const stored = storage.data.get(STORAGE_KEYS.session)!;
    expect(Object.keys(JSON.parse(stored))).toEqual(['version', 'session', 'savedAt']);
    expect(stored).not.toMatch(/"sim"|"compare"|"notice"/);
  });

  it('flushes a pending save on stop and writes prefs at once', () => {
    const storage = fakeStorage();
    const store = createExplorerStore(defaultSession());
    const p = startPersistence(store, storage);
    store.getState().setTheme('dark');
    store.getState().setExplain(true);
    expect(readPrefs(storage)).toEqual({ theme: 'dark', explain: true });
    store.getState().setSettings({ mode: 'training' });
    p.stop();
    const saved = readStoredSession(storage);
    expect(saved.kind === 'ok' && saved.session.settings.mode).toBe('training');
    store.getState().setSettings({ mode: 'inference' });
    vi.advanceTimersByTime(1000);
    const after = readStoredSession(storage);
    expect(after.kind === 'ok' && after.session.settings.mode).toBe('training');
  });

  it('reports a failing storage once and keeps the app running', () => {
    const storage = fakeStorage({}, { failWrites: true });
    const store = createExplorerStore(defaultSession());
    const onSaveFailed = vi.fn();
    startPersistence(store, storage, { onSaveFailed });
    store.getState().setSettings({ clockMHz: 123 });
    vi.advanceTimersByTime(300);
    store.getState().setSettings({ clockMHz: 124 });
    vi.advanceTimersByTime(300);
    store.getState().setTheme('light');
    expect(onSaveFailed).toHaveBeenCalledTimes(1);
    expect(store.getState().session.settings.clockMHz).toBe(124);
  });
});
