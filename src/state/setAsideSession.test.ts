import { describe, expect, it } from 'vitest';
import { fakeStorage } from './fakeStorage.test-util.ts';
import { MAX_STORED_CHARS, parseStoredSession, readStoredSession, STORAGE_KEYS } from './persist.ts';
import { chooseInitialSession } from './initialSession.ts';
import { createSetAsideSlot, setAsideFileName } from './setAsideSession.ts';

describe('a stored session that cannot be read is set aside and offered back', () => {
  it('moves unreadable text to its own key, and offers it until discarded', () => {
    const storage = fakeStorage({ [STORAGE_KEYS.session]: '{"version":1,"session":{"design":7}}' });
    const stored = readStoredSession(storage);
    const choice = chooseInitialSession({ hash: '', stored });
    expect(choice.unreadable).not.toBeNull();
    expect(choice.notice?.message).toMatch(/set aside, not deleted/);
    const slot = createSetAsideSlot(storage);
    expect(slot.available()).toBe(false);
    let calls = 0;
    slot.subscribe(() => calls++);
    expect(slot.keep(choice.unreadable!)).toBe(true);
    expect(storage.data.get(STORAGE_KEYS.unreadable)).toBe('{"version":1,"session":{"design":7}}');
    expect(storage.data.has(STORAGE_KEYS.session)).toBe(false);
    expect(slot.available()).toBe(true);
    // A new page (a reload) still finds it.
    expect(createSetAsideSlot(storage).get()).toBe('{"version":1,"session":{"design":7}}');
    slot.discard();
    expect(slot.available()).toBe(false);
    expect(storage.data.has(STORAGE_KEYS.unreadable)).toBe(false);
    expect(calls).toBe(2);
  });

  it('keeps an over-size session whole rather than dropping it', () => {
    const big = `{"version":1,"session":${JSON.stringify('x'.repeat(MAX_STORED_CHARS))}}`;
    const parsed = parseStoredSession(big);
    expect(parsed).toMatchObject({ kind: 'bad', raw: big });
    if (parsed.kind !== 'bad') throw new Error('unreachable');
    expect(parsed.reason).toMatch(/characters long/);
    const choice = chooseInitialSession({ hash: '', stored: parsed });
    expect(choice.unreadable).toBe(big);
    const storage = fakeStorage({ [STORAGE_KEYS.session]: big });
    createSetAsideSlot(storage).keep(big);
    expect(storage.data.get(STORAGE_KEYS.unreadable)).toBe(big);
  });

  it('when storage refuses the copy, leaves the text where it was and still offers it from memory', () => {
    const storage = fakeStorage({ [STORAGE_KEYS.session]: 'not json' }, { failWrites: true });
    const slot = createSetAsideSlot(storage);
    expect(slot.keep('not json')).toBe(false);
    expect(slot.get()).toBe('not json');
    expect(slot.available()).toBe(true);
  });

  it('a bad link with corrupt storage also sets the stored text aside', () => {
    const c = chooseInitialSession({ hash: '#s=1.%%%', stored: parseStoredSession('{oops') });
    expect(c.unreadable).toBe('{oops');
    expect(c.notice?.message).toMatch(/set aside, not deleted/);
  });

  it('names the download', () => {
    expect(setAsideFileName(new Date('2026-12-04T22:00:00Z'))).toBe('transcode-session-set-aside-2026-12-04-22-00-00.json');
  });
});
