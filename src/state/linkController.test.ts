import { describe, expect, it } from 'vitest';
import { createExplorerStore } from './store.ts';
import { publishLink, startLinkController, type AddressBar } from './linkController.ts';
import { createPreviousSessionSlot, restorePrevious } from './previousSession.ts';
import { encodeSessionLink, decodeSessionLink } from '../core/share/codec.ts';
import { defaultSession } from '../core/share/defaults.ts';
import { MODEL_PRESETS } from '../core/space/transformer/presets.ts';
import { fakeStorage } from './fakeStorage.test-util.ts';
import type { SessionState } from '../core/share/session.ts';
import { SESSION_VERSION } from '../core/share/limits.ts';

function fakeBar(initial = '') {
  let hash = initial;
  let listener: (() => void) | null = null;
  const bar: AddressBar & { paste(h: string): void } = {
    hash: () => hash,
    replaceHash: (h) => { hash = h === null ? '' : `#${h}`; },
    href: () => `http://127.0.0.1:4204/${hash}`,
    onHashChange: (l) => { listener = l; return () => { listener = null; }; },
    paste: (h) => { hash = h; listener?.(); },
  };
  return bar;
}
function otherView(): SessionState {
  const s = defaultSession();
  s.design.model = structuredClone(MODEL_PRESETS['bert-base'].model);
  s.sweep.seed = 42;
  return s;
}

describe('link controller', () => {
  it('publishes the view into the address bar as a link that decodes to it', () => {
    const bar = fakeBar();
    const url = publishLink(otherView(), bar);
    expect(url).toBe(`http://127.0.0.1:4204/#${encodeSessionLink(otherView())}`);
    const back = decodeSessionLink(url);
    expect(back.ok && back.value).toEqual(otherView());
  });

  it('opens a link pasted into an open tab and keeps the view it replaced', () => {
    const store = createExplorerStore(defaultSession());
    const slot = createPreviousSessionSlot(fakeStorage());
    const bar = fakeBar();
    startLinkController(store, slot, bar);
    bar.paste('#' + encodeSessionLink(otherView()));
    expect(store.getState().session).toEqual(otherView());
    expect(store.getState().notice?.kind).toBe('info');
    expect(bar.hash()).not.toBe(''); // the hash still describes the view
    expect(slot.get()).toEqual(defaultSession());
    expect(restorePrevious(store, slot)).toBe(true);
    expect(store.getState().session).toEqual(defaultSession());
    expect(slot.get()).toEqual(otherView());
  });

  it('refuses a broken pasted link and leaves the view untouched', () => {
    const start = defaultSession();
    start.settings.clockMHz = 333;
    const store = createExplorerStore(start);
    const slot = createPreviousSessionSlot(fakeStorage());
    const bar = fakeBar();
    startLinkController(store, slot, bar);
    const good = '#' + encodeSessionLink(otherView());
    bar.paste(good.slice(0, 60));
    expect(store.getState().session).toBe(start);
    expect(store.getState().notice).toMatchObject({ kind: 'error', message: expect.stringMatching(/could not be opened.*unchanged/) });
    expect(slot.get()).toBeNull();
    bar.paste('#about');
    expect(store.getState().session).toBe(start);
  });

  it('drops the link from the address bar at the first edit, so a reload does not roll edits back', () => {
    const store = createExplorerStore(defaultSession());
    const bar = fakeBar();
    startLinkController(store, createPreviousSessionSlot(null), bar);
    publishLink(store.getState().session, bar);
    store.getState().setPlot({ x: 'area' }); // unrelated store traffic first
    expect(bar.hash()).toBe('');
    publishLink(store.getState().session, bar);
    store.getState().setSim({ status: 'running' });
    expect(bar.hash().startsWith(`#s=${SESSION_VERSION}.`)).toBe(true);
  });

  it('keeps the previous view in memory when storage is unavailable', () => {
    const slot = createPreviousSessionSlot(fakeStorage({}, { failWrites: true }));
    expect(slot.save(otherView())).toBe(false);
    expect(slot.available()).toBe(true);
    expect(slot.get()).toEqual(otherView());
  });
});

describe('link controller, same view', () => {
  it('does not claim to keep a previous view when the link shows the current one', () => {
    const store = createExplorerStore(otherView());
    const slot = createPreviousSessionSlot(fakeStorage());
    const bar = fakeBar();
    startLinkController(store, slot, bar);
    bar.paste('#' + encodeSessionLink(otherView()));
    expect(slot.get()).toBeNull();
    expect(store.getState().notice?.message).toMatch(/already had/);
  });
});
