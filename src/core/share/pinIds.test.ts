import { describe, expect, it } from 'vitest';
import { defaultSession } from './defaults.ts';
import { decodeSessionLink, encodeSessionLink } from './codec.ts';
import { describePinRenames, freshPinId, normalizePinIds } from './pinIds.ts';
import type { PinnedDesign, SessionState } from './session.ts';
import { MODEL_PRESETS } from '../space/transformer/presets.ts';
import { createExplorerStore } from '../../state/store.ts';

function withPins(ids: string[], baseline: string | null = null): SessionState {
  const s = defaultSession();
  s.pinned = ids.map((id, i): PinnedDesign => ({ id, label: `pin ${i}`, ...structuredClone(s.design), settings: { ...s.settings, seqLen: 64 + i } }));
  s.baseline = baseline;
  return s;
}

describe('pinned design ids', () => {
  it('keeps the app’s own unique ids (same object back)', () => {
    const s = withPins(['p1', 'p3']);
    expect(normalizePinIds(s)).toEqual({ session: s, renamed: [] });
    expect(normalizePinIds(s).session).toBe(s);
  });

  it('renames reserved ids (baseline, current), repeated ids and foreign ones, keeping each pin’s design', () => {
    const s = withPins(['baseline', 'p1', 'p1', 'current', '__proto__']);
    const { session, renamed } = normalizePinIds(s);
    expect(session.pinned.map((p) => p.id)).toEqual(['p2', 'p1', 'p3', 'p4', 'p5']);
    expect(new Set(session.pinned.map((p) => p.id)).size).toBe(5);
    expect(session.pinned.map((p) => p.settings.seqLen)).toEqual([64, 65, 66, 67, 68]);
    expect(renamed).toEqual([
      { from: 'baseline', to: 'p2' },
      { from: 'p1', to: 'p3' },
      { from: 'current', to: 'p4' },
      { from: '__proto__', to: 'p5' },
    ]);
    expect(describePinRenames(renamed)).toMatch(/“baseline” → “p2”, “p1” → “p3”, “current” → “p4”/);
  });

  it('points the ratio baseline at the renamed pin, or back at the default for a reserved id', () => {
    expect(normalizePinIds(withPins(['x'], 'x')).session.baseline).toBe('p1');
    expect(normalizePinIds(withPins(['baseline'], 'baseline')).session.baseline).toBeNull();
    expect(normalizePinIds(withPins(['p1', 'p1'], 'p1')).session.baseline).toBe('p1');
  });

  it('renames on link import and says which', () => {
    const s = withPins(['baseline', 'baseline']);
    s.pinned[1].model = MODEL_PRESETS['bert-tiny'].model;
    const decoded = decodeSessionLink(`#${encodeSessionLink(s)}`);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.value.pinned.map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(decoded.value.pinned[1].model).toEqual(MODEL_PRESETS['bert-tiny'].model);
    expect(decoded.renamedPins).toEqual([{ from: 'baseline', to: 'p1' }, { from: 'baseline', to: 'p2' }]);
  });

  it('the store never holds a reserved or repeated id, and pins new designs with fresh ids', () => {
    const store = createExplorerStore(withPins(['current']));
    expect(store.getState().session.pinned.map((p) => p.id)).toEqual(['p1']);
    store.getState().replaceSession(withPins(['p2', 'p2']));
    expect(store.getState().session.pinned.map((p) => p.id)).toEqual(['p2', 'p1']);
    store.getState().pinCurrent('new');
    expect(store.getState().session.pinned.map((p) => p.id)).toEqual(['p2', 'p1', 'p3']);
    expect(freshPinId(new Set(['p1', 'p3']))).toBe('p2');
  });
});
