import { describe, expect, it } from 'vitest';
import { fakeStorage } from '../../state/fakeStorage.test-util.ts';
import { STORAGE_KEYS } from '../../state/persist.ts';
import { MODEL_PRESETS } from '../../core/space/transformer/presets.ts';
import { validateModel } from '../../core/space/transformer/validate.ts';
import { createIntroStore, INTRO_PREF_KEY, readIntroDismissed } from './introPref.ts';
import { labDesign, labLabel, LABS } from './labs.ts';

describe('the first-visit intro', () => {
  it('shows on a first visit', () => {
    expect(createIntroStore(fakeStorage()).getState().open).toBe(true);
  });
  it('remembers its dismissal in localStorage, beside the theme prefs', () => {
    const storage = fakeStorage({ [STORAGE_KEYS.prefs]: '{"version":1,"theme":"dark","explain":true}' });
    const intro = createIntroStore(storage);
    intro.getState().dismiss();
    expect(intro.getState().open).toBe(false);
    expect(readIntroDismissed(storage)).toBe(true);
    // A reload: a new store over the same storage stays dismissed; the theme prefs are untouched.
    expect(createIntroStore(storage).getState().open).toBe(false);
    expect(storage.data.get(STORAGE_KEYS.prefs)).toBe('{"version":1,"theme":"dark","explain":true}');
  });
  it('reopens on request without forgetting the dismissal', () => {
    const storage = fakeStorage();
    const intro = createIntroStore(storage);
    intro.getState().dismiss();
    intro.getState().reopen();
    expect(intro.getState().open).toBe(true);
    expect(readIntroDismissed(storage)).toBe(true);
  });
  it('shows again when storage is damaged, unreadable or cannot be written', () => {
    expect(createIntroStore(fakeStorage({ [INTRO_PREF_KEY]: 'not json' })).getState().open).toBe(true);
    expect(createIntroStore(fakeStorage({ [INTRO_PREF_KEY]: '{"dismissed":"yes"}' })).getState().open).toBe(true);
    expect(createIntroStore(fakeStorage({}, { failReads: true })).getState().open).toBe(true);
    const full = createIntroStore(fakeStorage({}, { failWrites: true }));
    expect(() => full.getState().dismiss()).not.toThrow();
    expect(full.getState().open).toBe(false);
  });
});

describe('the lab', () => {
  it('offers valid preset designs with readable names', () => {
    expect(LABS.length).toBeGreaterThanOrEqual(3);
    for (const lab of LABS) expect(validateModel(labDesign(lab).model).ok).toBe(true);
    expect(labLabel(LABS[0])).toBe('BERT-Tiny · AccelTran-Edge');
    expect(labLabel(LABS.find((l) => l.mode === 'training')!)).toMatch(/· training$/);
    // Copies, so editing a loaded lab never changes the frozen preset.
    expect(Object.isFrozen(labDesign(LABS[0]).model)).toBe(false);
    expect(labDesign(LABS[0]).model).toEqual(MODEL_PRESETS['bert-tiny'].model);
  });
});
