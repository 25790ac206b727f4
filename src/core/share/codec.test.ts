import { describe, expect, it } from 'vitest';
import { deflateSync, strToU8 } from 'fflate';
import { decodeSessionLink, encodeSessionLink, toBase64Url, MAX_LINK_CHARS } from './codec.ts';
import { DEFAULT_ANALYSIS, DEFAULT_CODESIGN, DEFAULT_LAB, DEFAULT_PARALLEL, defaultSession } from './defaults.ts';
import { MODEL_PRESETS } from '../space/transformer/presets.ts';
import { ACCELERATOR_PRESETS } from '../space/accelerator/presets.ts';
import type { SessionState } from './session.ts';
import { SESSION_VERSION } from './limits.ts';
import { RUN_SETTING_LIMITS } from '../elector/types.ts';

/** What the v2 → v3 migration fills in. */
const V3_DEFAULTS = {
  seqLen: RUN_SETTING_LIMITS.seqLen.default,
  accumulationSteps: RUN_SETTING_LIMITS.accumulationSteps.default,
  mlmHead: false,
  powerGating: true,
};

/** A view as schema 4 stored it: no DynaProp lab, no co-design panel, no per-op sparsity. */
function asV4(view: SessionState) {
  const { dynaprop: _d, codesign: _c, ...rest } = structuredClone(view);
  const { sparsityByOp: _s, ...settings } = rest.settings;
  return { ...rest, version: 4, settings };
}

/** A view as schema 3 stored it: no `view`, brushed indices instead of a rectangle. */
function asV3(view: SessionState, selection: number[] = []) {
  const { view: _v, ...rest } = asV4(view);
  const { brush: _b, selection: _s, ...plot } = rest.plot;
  return { ...rest, version: 3, plot: { ...plot, selection } };
}

/** A view as schema 2 stored it: no seqLen, accumulationSteps, mlmHead or powerGating. */
function asV2(view: SessionState) {
  const strip = ({ seqLen: _s, accumulationSteps: _a, mlmHead: _m, powerGating: _p, ...rest }: SessionState['settings']) => rest;
  const v3 = asV3(view);
  return { ...v3, version: 2, settings: strip(view.settings), pinned: view.pinned.map((p) => ({ ...structuredClone(p), settings: strip(p.settings) })) };
}

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
  s.plot.brush = { x: 'latency', y: 'energy', x0: 0.0012345, x1: 0.0456789, y0: 0.00123, y1: 0.0987654 };
  s.plot.focus = 17;
  s.view = { tab: 'sweep', timelineRows: 'kind' };
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
    const { sweepBase: _dropped, ...v1 } = { ...asV2(serverView()), version: 1 };
    const r = decodeSessionLink(linkOf(v1, 1));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.migratedFrom).toBe(1);
      expect(r.value.version).toBe(SESSION_VERSION);
      // v1 sweeps were built around the current design.
      expect(r.value.sweepBase).toEqual(v1.design);
      expect(r.value.design).toEqual(v1.design);
      expect(r.value.settings).toEqual({ ...v1.settings, ...V3_DEFAULTS });
    }
  });

  it('opens a version-2 link (before the sequence-length settings) with the defaults, pinned designs too', () => {
    const view = serverView();
    view.settings.clockMHz = 500;
    view.pinned[1].settings = { ...view.pinned[1].settings, mode: 'training' };
    const v2 = asV2(view);
    expect(v2.settings).not.toHaveProperty('seqLen');
    const r = decodeSessionLink(linkOf(v2, 2));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.migratedFrom).toBe(2);
      expect(r.value.version).toBe(SESSION_VERSION);
      expect(r.value.settings).toEqual({ ...v2.settings, ...V3_DEFAULTS });
      expect(r.value.settings.clockMHz).toBe(500);
      expect(r.value.pinned.map((p) => p.settings)).toEqual(v2.pinned.map((p) => ({ ...p.settings, ...V3_DEFAULTS })));
      expect(r.value.pinned[1].settings.mode).toBe('training');
      // Everything else is untouched: the migrated view equals the original (its settings were the defaults).
      expect(r.value).toEqual({
        ...view, pinned: view.pinned.map((p) => ({ ...p, settings: { ...p.settings, ...V3_DEFAULTS } })),
        plot: { ...view.plot, brush: null }, view: { tab: 'results', timelineRows: 'layer' },
      });
    }
  });

  it('still names the bad field of a version-2 link after migrating it', () => {
    const v2 = asV2(serverView()) as unknown as Record<string, any>;
    v2.settings.clockMHz = '700';
    const r = decodeSessionLink(linkOf(v2, 2));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues?.map((i) => i.path)).toEqual(['settings.clockMHz']);
    const broken = asV2(serverView()) as unknown as Record<string, any>;
    broken.settings = 'none';
    const r2 = decodeSessionLink(linkOf(broken, 2));
    expect(r2.ok).toBe(false);
    if (!r2.ok) expect(r2.issues?.[0].path).toBe('settings');
  });

  it('round-trips every run setting and refuses out-of-range ones by name', () => {
    const view = serverView();
    view.settings = { ...view.settings, seqLen: 384, accumulationSteps: 32, mlmHead: true, powerGating: false };
    view.pinned[0].settings = { ...view.pinned[0].settings, seqLen: 64 };
    const decoded = decodeSessionLink('#' + encodeSessionLink(view));
    expect(decoded.ok && decoded.value).toEqual(view);
    const L = RUN_SETTING_LIMITS;
    for (const [field, bad] of [
      ['seqLen', L.seqLen.max + 1], ['seqLen', L.seqLen.min - 1], ['seqLen', 100.5],
      ['accumulationSteps', 0], ['accumulationSteps', L.accumulationSteps.max + 1],
      ['mlmHead', 'yes'], ['powerGating', 1],
    ] as const) {
      const hostile = structuredClone(serverView()) as unknown as Record<string, any>;
      hostile.settings[field] = bad;
      const r = decodeSessionLink(linkOf(hostile));
      expect(r.ok, `${field}=${bad}`).toBe(false);
      if (!r.ok) expect(r.issues?.[0].path).toBe(`settings.${field}`);
    }
  });

  it('opens a version-3 link on the Results tab, rows by layer, keeping its brushed indices', () => {
    const view = serverView();
    const r = decodeSessionLink(linkOf(asV3(view, [3, 17, 256]), 3));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.migratedFrom).toBe(3);
      expect(r.value.view).toEqual({ tab: 'results', timelineRows: 'layer' });
      expect(r.value.plot).toEqual({ ...view.plot, brush: null, selection: [3, 17, 256] });
      expect(r.value.design).toEqual(view.design);
    }
  });

  it('round-trips the tab, the timeline rows and the brush, and refuses a bad one by name', () => {
    const view = serverView();
    const back = decodeSessionLink('#' + encodeSessionLink(view));
    expect(back.ok && [back.value.view, back.value.plot.brush]).toEqual([view.view, view.plot.brush]);
    for (const [at, bad] of [
      ['view.tab', { ...view, view: { ...view.view, tab: 'settings' } }],
      ['view.timelineRows', { ...view, view: { ...view.view, timelineRows: 'op' } }],
      ['plot.brush', { ...view, plot: { ...view.plot, brush: { ...view.plot.brush, x0: 1, x1: 0 } } }],
      ['plot.brush.x', { ...view, plot: { ...view.plot, brush: { ...view.plot.brush, x: 'speed' } } }],
    ] as const) {
      const r = decodeSessionLink(linkOf(bad));
      expect(r.ok, at).toBe(false);
      if (!r.ok) expect(r.issues?.[0].path).toBe(at);
    }
  });

  it('round-trips the DynaProp lab and measured per-op sparsity, pinned designs too', () => {
    const view = serverView();
    view.dynaprop = {
      dataset: 'spam', model: 'editor', steps: 1234, batchSize: 16, seqLen: 96, learningRate: 0.0003, seed: 4_000_000_000,
      targetActivationSparsity: null, targetGradientSparsity: 0.95, gradientMode: 'both', backend: 'cpu',
      grid: { activation: [null, 0.25, 0.75], gradient: [0.5, null] },
    };
    view.settings = { ...view.settings, sparsityByOp: { matmul: { activation: 0.51, gradient: 0.93 }, softmax: { activation: 0.2 }, layerNorm: {} } };
    view.pinned[0].settings = { ...view.settings };
    view.view = { ...view.view, tab: 'dynaprop' };
    const link = encodeSessionLink(view);
    const decoded = decodeSessionLink('#' + link);
    expect(decoded.ok && decoded.value).toEqual(view);
    expect(`http://127.0.0.1:4173/#${link}`.length).toBeLessThan(2000);
  });

  it('opens a version-4 link with the lab on its first-run settings', () => {
    const view = serverView();
    const r = decodeSessionLink(linkOf(asV4(view), 4));
    expect(r).toMatchObject({ ok: true, migratedFrom: 4 });
    if (r.ok) {
      expect(r.value).toEqual({ ...view, dynaprop: DEFAULT_LAB, codesign: DEFAULT_CODESIGN });
      expect(r.value.settings).not.toHaveProperty('sparsityByOp');
    }
  });

  it('names the bad field of a hostile or corrupt DynaProp section and keeps nothing of it', () => {
    const lab = serverView().dynaprop;
    for (const [at, bad] of [
      ['dynaprop', 'names'],
      ['dynaprop.dataset', { ...lab, dataset: '../../etc/passwd' }],
      ['dynaprop.model', { ...lab, model: { l: 2 } }],
      ['dynaprop.steps', { ...lab, steps: 1e9 }],
      ['dynaprop.steps', { ...lab, steps: 2.5 }],
      ['dynaprop.batchSize', { ...lab, batchSize: 0 }],
      ['dynaprop.learningRate', { ...lab, learningRate: 'fast' }],
      ['dynaprop.seed', { ...lab, seed: -1 }],
      ['dynaprop.seqLen', { ...lab, seqLen: 17 }], // names stores 16 tokens
      ['dynaprop.targetActivationSparsity', { ...lab, targetActivationSparsity: 1 }],
      ['dynaprop.targetGradientSparsity', { ...lab, targetGradientSparsity: -0.1 }],
      ['dynaprop.gradientMode', { ...lab, gradientMode: 'all' }],
      ['dynaprop.backend', { ...lab, backend: 'webgpu' }],
      ['dynaprop.grid.activation[1]', { ...lab, grid: { ...lab.grid, activation: [null, 1.5] } }],
      ['dynaprop.grid.gradient', { ...lab, grid: { ...lab.grid, gradient: Array(50).fill(0.5) } }],
      ['dynaprop.grid.gradient', { ...lab, grid: { ...lab.grid, gradient: [] } }],
      ['dynaprop', { ...lab, weights: [1, 2, 3] }],
      ['settings.sparsityByOp.matmul.activation', null],
      ['settings.sparsityByOp', null],
    ] as const) {
      const hostile = structuredClone(serverView()) as unknown as Record<string, any>;
      if (at === 'settings.sparsityByOp.matmul.activation') hostile.settings.sparsityByOp = { matmul: { activation: 1 } };
      else if (at === 'settings.sparsityByOp') hostile.settings.sparsityByOp = { attention: { activation: 0.5 } };
      else hostile.dynaprop = bad;
      const r = decodeSessionLink(linkOf(hostile));
      expect(r.ok, at).toBe(false);
      if (!r.ok) {
        expect(r.kind).toBe('invalid');
        expect(r.issues?.[0].path, JSON.stringify(bad)).toBe(at);
        expect(r.message).toContain(at);
      }
    }
  });

  it('round-trips the co-design settings, and opens a v5 view saved before the panel on its defaults', () => {
    const view = serverView();
    view.codesign = {
      weights: { accuracy: 0.7, latency: 0, dynamicEnergy: 0.15, leakageEnergy: 0.05, area: 0.1 },
      predictor: 'imported', algorithm: 'random', budget: 40, seed: 3_000_000_000, mode: 'both', fixed: 'accelerator', accuracyFloor: 'baseline',
    };
    view.view = { ...view.view, tab: 'codesign' };
    const decoded = decodeSessionLink('#' + encodeSessionLink(view));
    expect(decoded.ok && decoded.value).toEqual(view);
    const { codesign: _c, ...before } = serverView();
    const r = decodeSessionLink(linkOf(before));
    expect(r).toMatchObject({ ok: true, migratedFrom: null });
    expect(r.ok && r.value.codesign).toEqual(DEFAULT_CODESIGN);
    // A v5 link, from before the accuracy floor, opens without one.
    const { accuracyFloor: _f, ...noFloor } = view.codesign;
    const old = decodeSessionLink(linkOf({ ...view, version: 5, codesign: noFloor }, 5));
    expect(old).toMatchObject({ ok: true, migratedFrom: 5 });
    expect(old.ok && old.value.codesign.accuracyFloor).toBe('none');
  });

  it('names the bad field of a hostile or corrupt co-design section', () => {
    const c = serverView().codesign;
    for (const [at, bad] of [
      ['codesign', 'boshcode'],
      ['codesign.weights.latency', { ...c, weights: { ...c.weights, latency: -0.1 } }],
      ['codesign.weights.area', { ...c, weights: { ...c.weights, area: 'lots' } }],
      ['codesign.weights', { ...c, weights: { accuracy: 0, latency: 0, dynamicEnergy: 0, leakageEnergy: 0, area: 0 } }],
      ['codesign.predictor', { ...c, predictor: 'imported:/etc/passwd' }],
      ['codesign.algorithm', { ...c, algorithm: 'nsga' }],
      ['codesign.budget', { ...c, budget: 0 }],
      ['codesign.budget', { ...c, budget: 2.5 }],
      ['codesign.seed', { ...c, seed: -1 }],
      ['codesign.mode', { ...c, mode: 'serving' }],
      ['codesign.fixed', { ...c, fixed: 'both' }],
      ['codesign.accuracyFloor', { ...c, accuracyFloor: 0.9 }],
      ['codesign', { ...c, results: [1, 2, 3] }],
    ] as const) {
      const hostile = structuredClone(serverView()) as unknown as Record<string, unknown>;
      hostile.codesign = bad;
      const r = decodeSessionLink(linkOf(hostile));
      expect(r.ok, at).toBe(false);
      if (!r.ok) expect(r.issues?.[0].path, JSON.stringify(bad)).toBe(at);
    }
  });

  it('round-trips the parallel coordinates (open, layout, axis brushes), and opens a v5 view without them on the defaults', () => {
    const view = serverView();
    view.view = { ...view.view, tab: 'sweep' };
    view.parallel = {
      open: true, order: ['energy', 'pe', 'latency'], flipped: ['pe'], log: ['latency'], linear: ['energy'], colourBy: 'tile.x',
      brushes: { latency: [1e-6, 2.5e-5], pe: [64, 128] },
    };
    const decoded = decodeSessionLink('#' + encodeSessionLink(view));
    expect(decoded.ok && decoded.value).toEqual(view);
    const { parallel: _p, ...before } = serverView();
    const r = decodeSessionLink(linkOf(before));
    expect(r.ok && r.value.parallel).toEqual(DEFAULT_PARALLEL);
  });

  it('names the bad field of a hostile or corrupt parallel-coordinates section', () => {
    const p = serverView().parallel;
    for (const [at, bad] of [
      ['parallel', 'open'],
      ['parallel.open', { ...p, open: 'yes' }],
      ['parallel.order[0]', { ...p, order: ['<img src=x onerror=alert(1)>'] }],
      ['parallel.order', { ...p, order: Array.from({ length: 65 }, (_, i) => `c${i}`) }],
      ['parallel.colourBy', { ...p, colourBy: 42 }],
      ['parallel.brushes.latency', { ...p, brushes: { latency: [2, 1] } }],
      ['parallel.brushes.latency[1]', { ...p, brushes: { latency: [1, 'x'] } }],
      ['parallel.brushes', { ...p, brushes: Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`c${i}`, [0, 1]])) }],
      ['parallel', { ...p, points: [1, 2, 3] }],
    ] as const) {
      const hostile = structuredClone(serverView()) as unknown as Record<string, unknown>;
      hostile.parallel = bad;
      const r = decodeSessionLink(linkOf(hostile));
      expect(r.ok, at).toBe(false);
      if (!r.ok) expect(r.issues?.[0].path, JSON.stringify(bad)).toBe(at);
    }
  });

  it('round-trips the many-objective analysis and names a bad one by field', () => {
    const view = serverView();
    view.analysis = { open: true, objectives: ['latency', 'edp', 'area', 'parameters'] };
    const decoded = decodeSessionLink('#' + encodeSessionLink(view));
    expect(decoded.ok && decoded.value).toEqual(view);
    const { analysis: _a, ...before } = serverView();
    const r = decodeSessionLink(linkOf(before));
    expect(r.ok && r.value.analysis).toEqual(DEFAULT_ANALYSIS);
    for (const [at, bad] of [
      ['analysis.objectives', { open: true, objectives: ['latency'] }],
      ['analysis.objectives', { open: true, objectives: ['latency', 'latency'] }],
      ['analysis.objectives[1]', { open: true, objectives: ['latency', 'glue'] }],
      ['analysis.open', { open: 1, objectives: ['latency', 'area'] }],
    ] as const) {
      const hostile = structuredClone(serverView()) as unknown as Record<string, unknown>;
      hostile.analysis = bad;
      const res = decodeSessionLink(linkOf(hostile));
      expect(res.ok, at).toBe(false);
      if (!res.ok) expect(res.issues?.[0].path, JSON.stringify(bad)).toBe(at);
    }
  });

  it('refuses a link whose prefix and data versions disagree', () => {
    expect(decodeSessionLink(linkOf({ ...serverView(), version: 1 }, 2))).toMatchObject({ ok: false, kind: 'corrupt' });
  });
});
