import { describe, expect, it } from 'vitest';
import { migrateSession, SESSION_MIGRATIONS } from './migrations.ts';
import { RUN_SETTING_LIMITS } from '../elector/types.ts';
import { DEFAULT_CODESIGN, DEFAULT_LAB, DEFAULT_VIEW, defaultSession } from './defaults.ts';
import { codesignSchema, labSchema, SESSION_VERSION } from './schema.ts';
import { validateSession } from './session.ts';

describe('migrateSession', () => {
  // A made-up history: v1 stored the seed as a string, v2 renamed `runs` to `sweepRan`.
  const migrations = {
    1: (o: Record<string, unknown>) => ({ ...o, seed: Number(o.seed) }),
    2: ({ runs, ...rest }: Record<string, unknown>) => ({ ...rest, sweepRan: runs }),
  };

  it('applies each step in order up to the current version', () => {
    const r = migrateSession({ version: 1, seed: '7', runs: true }, migrations, 3);
    expect(r).toEqual({ ok: true, value: { version: 3, seed: 7, sweepRan: true }, migratedFrom: 1 });
  });

  it('leaves the current version alone', () => {
    expect(migrateSession({ version: 3, a: 1 }, migrations, 3)).toEqual({ ok: true, value: { version: 3, a: 1 }, migratedFrom: null });
  });

  it('refuses newer, missing and unmigratable versions', () => {
    expect(migrateSession({ version: 4 }, migrations, 3)).toMatchObject({ ok: false, reason: 'newer' });
    expect(migrateSession({}, migrations, 3)).toMatchObject({ ok: false, reason: 'unknown' });
    expect(migrateSession({ version: 1 }, { 2: migrations[2] }, 3)).toMatchObject({ ok: false, reason: 'unknown' });
    expect(migrateSession({ version: 2 }, { 2: () => { throw new Error('bad'); } }, 3)).toMatchObject({ ok: false, reason: 'failed' });
  });
});

describe('SESSION_MIGRATIONS[2] (v2 → v3: sequence length and training settings)', () => {
  const filled = { seqLen: RUN_SETTING_LIMITS.seqLen.default, accumulationSteps: RUN_SETTING_LIMITS.accumulationSteps.default, mlmHead: false, powerGating: true };
  const settings = { mode: 'training', costModel: 'elector', sparsity: { activation: 0.1, weight: 0.2, gradient: 0.3 }, clockMHz: 900 };

  it('fills the new settings of the view and of every pinned design, keeping the rest', () => {
    const v2 = { version: 2, settings, pinned: [{ id: 'p1', label: 'a', settings: { ...settings, mode: 'inference' } }], plot: { x: 'area' } };
    const r = migrateSession(v2, SESSION_MIGRATIONS, 3);
    expect(r).toMatchObject({ ok: true, migratedFrom: 2 });
    if (!r.ok) return;
    expect(r.value.settings).toEqual({ ...settings, ...filled });
    expect(r.value.pinned).toEqual([{ id: 'p1', label: 'a', settings: { ...settings, mode: 'inference', ...filled } }]);
    expect(r.value.plot).toEqual({ x: 'area' });
  });

  it('leaves malformed parts for validation to name instead of throwing', () => {
    const r = migrateSession({ version: 2, settings: 'none', pinned: [7, null] }, SESSION_MIGRATIONS, 3);
    expect(r).toMatchObject({ ok: true, value: { settings: 'none', pinned: [7, null] } });
    expect(migrateSession({ version: 2 }, SESSION_MIGRATIONS, 3)).toMatchObject({ ok: true, value: { version: 3 } });
  });
});

describe('SESSION_MIGRATIONS[3] (v3 → v4: the view on screen and the brush as a rectangle)', () => {
  const plot = { x: 'latency', y: 'energy', xScale: 'auto', yScale: 'log', focus: 7 };

  it('opens a v3 view on the Results tab with rows by layer and no brush, keeping its brushed indices', () => {
    const r = migrateSession({ version: 3, sweepRan: true, plot: { ...plot, selection: [3, 17] } }, SESSION_MIGRATIONS, 4);
    expect(r).toMatchObject({ ok: true, migratedFrom: 3 });
    if (!r.ok) return;
    expect(r.value).toEqual({
      version: 4, sweepRan: true,
      plot: { ...plot, brush: null, selection: [3, 17] },
      view: { tab: 'results', timelineRows: 'layer' },
    });
  });

  it('drops an empty selection, and leaves a malformed plot for validation to name', () => {
    const r = migrateSession({ version: 3, plot: { ...plot, selection: [] } });
    expect(r.ok && r.value.plot).toEqual({ ...plot, brush: null });
    expect(migrateSession({ version: 3, plot: 'none' })).toMatchObject({ ok: true, value: { plot: 'none' } });
  });

  it('uses frozen literals, not the current defaults', () => {
    const saved = { ...DEFAULT_VIEW };
    try {
      Object.assign(DEFAULT_VIEW, { tab: 'sweep', timelineRows: 'kind' });
      const r = migrateSession({ version: 3, plot });
      expect(r.ok && r.value.view).toEqual({ tab: 'results', timelineRows: 'layer' });
    } finally {
      Object.assign(DEFAULT_VIEW, saved);
    }
  });

  it('takes a version-1 view all the way to the current version', () => {
    const r = migrateSession({ version: 1, sweepRan: false, settings: {}, pinned: [], plot: { ...plot, selection: [] } });
    expect(r).toMatchObject({ ok: true, migratedFrom: 1, value: { version: SESSION_VERSION, sweepBase: null, plot: { ...plot, brush: null }, view: { tab: 'results' }, dynaprop: { dataset: 'names' } } });
  });
});

describe('SESSION_MIGRATIONS[4] (v4 → v5: the DynaProp lab)', () => {
  const v4 = { version: 4, settings: { mode: 'training', sparsity: { activation: 0.1, weight: 0.2, gradient: 0.3 } }, view: { tab: 'sweep', timelineRows: 'kind' } };

  it('adds the lab on its first-run settings and leaves the rest (no per-op sparsity) alone', () => {
    const r = migrateSession(structuredClone(v4));
    expect(r).toMatchObject({ ok: true, migratedFrom: 4 });
    if (!r.ok) return;
    const { dynaprop, codesign, ...rest } = r.value;
    expect(rest).toEqual({ ...v4, version: SESSION_VERSION, settings: { ...v4.settings, mappingObjective: 'balanced' } });
    expect(codesign).toEqual(DEFAULT_CODESIGN);
    expect(codesignSchema.safeParse(codesign).success).toBe(true);
    expect(rest.settings).not.toHaveProperty('sparsityByOp');
    expect(dynaprop).toEqual(DEFAULT_LAB);
    expect(labSchema.safeParse(dynaprop).success).toBe(true);
  });

  it('uses frozen literals, not the current defaults', () => {
    const saved = structuredClone(DEFAULT_LAB);
    try {
      Object.assign(DEFAULT_LAB, { dataset: 'spam', steps: 5, grid: { activation: [0.9], gradient: [0.9] } });
      const r = migrateSession(structuredClone(v4));
      expect(r.ok && r.value.dynaprop).toEqual(saved);
    } finally {
      Object.assign(DEFAULT_LAB, saved);
    }
  });

  it('gives a validated session with the lab on the default view', () => {
    const { dynaprop: _d, codesign: _c, ...view } = defaultSession();
    const r = validateSession({ ...view, version: 4 });
    expect(r).toMatchObject({ ok: true, migratedFrom: 4 });
    expect(r.ok && r.value).toEqual(defaultSession());
  });
});

describe('SESSION_MIGRATIONS[5] (v5 → v6: the co-design accuracy floor)', () => {
  it('gives a v5 co-design section no floor, keeps one a v5 view already had, and leaves a view without the section alone', () => {
    const v5 = { version: 5, codesign: { ...DEFAULT_CODESIGN, accuracyFloor: undefined } };
    const r = migrateSession(structuredClone(v5));
    expect(r).toMatchObject({ ok: true, migratedFrom: 5, value: { version: SESSION_VERSION, codesign: { accuracyFloor: 'none' } } });
    const kept = migrateSession({ version: 5, codesign: { ...DEFAULT_CODESIGN, accuracyFloor: 'baseline' } });
    expect(kept.ok && (kept.value.codesign as { accuracyFloor: string }).accuracyFloor).toBe('baseline');
    const none = migrateSession({ version: 5, view: { tab: 'results' } });
    expect(none.ok && none.value).toEqual({ version: SESSION_VERSION, view: { tab: 'results' } });
  });
});

describe('SESSION_MIGRATIONS[6] (v6 → v7: the mapping objective)', () => {
  it('gives the view and every pinned design the balanced mapper, keeps one already set, and leaves malformed settings for validation', () => {
    const settings = { mode: 'training', seqLen: 256 };
    const r = migrateSession({ version: 6, settings, pinned: [{ id: 'a', settings }, { id: 'b', settings: { ...settings, mappingObjective: 'time' } }, 'junk'] });
    expect(r).toEqual({
      ok: true, migratedFrom: 6,
      value: {
        version: 7,
        settings: { ...settings, mappingObjective: 'balanced' },
        pinned: [{ id: 'a', settings: { ...settings, mappingObjective: 'balanced' } }, { id: 'b', settings: { ...settings, mappingObjective: 'time' } }, 'junk'],
      },
    });
    expect(migrateSession({ version: 6, settings: 'none' })).toMatchObject({ ok: true, value: { settings: 'none' } });
  });
});
