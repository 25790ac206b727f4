import { describe, expect, it } from 'vitest';
import type { SweepSettings } from '../share/schema.ts';
import type { Design } from '../share/session.ts';
import { MODEL_PRESETS } from '../space/transformer/presets.ts';
import { ACCELERATOR_PRESETS } from '../space/accelerator/presets.ts';
import { validateModel } from '../space/transformer/validate.ts';
import { validateAccelerator } from '../space/accelerator/validate.ts';
import { compileSweep, gridSummary, resolveGridParams, sweepSize } from './plan.ts';
import { sampleLevels, samplePair } from './sample.ts';
import { SWEEP_PARAM_BY_ID } from './params.ts';
import { SWEEP_LIMITS } from '../share/limits.ts';

const base: Design = {
  model: MODEL_PRESETS['bert-tiny'].model,
  accelerator: ACCELERATOR_PRESETS['acceltran-edge'].config,
};
const spec = (patch: Partial<SweepSettings>): SweepSettings => ({
  vary: 'both', params: [], samples: 200, sampler: 'random', gridParams: [], seed: 9, ...patch,
});
const SAMPLERS = ['random', 'lhs', 'grid'] as const;

describe('samplePair', () => {
  it('depends only on (spec, index): any order, any fresh plan, same pair', () => {
    for (const sampler of SAMPLERS) {
      const s = spec({ sampler, gridParams: ['pe', 'hidden', 'mainMemory'] });
      const forward = Array.from({ length: 40 }, (_, i) => samplePair(s, base, i));
      const fresh = compileSweep({ ...s, params: [...s.params] });
      for (const i of [39, 3, 17, 0]) expect(samplePair(fresh, base, i)).toEqual(forward[i]);
    }
  });

  it('gives different points for a different seed', () => {
    const a = Array.from({ length: 20 }, (_, i) => samplePair(spec({ seed: 1 }), base, i));
    const b = Array.from({ length: 20 }, (_, i) => samplePair(spec({ seed: 2 }), base, i));
    expect(a).not.toEqual(b);
  });

  it('only produces designs that pass validation', () => {
    for (const sampler of SAMPLERS) {
      for (const vary of ['accelerator', 'transformer', 'both'] as const) {
        const s = spec({ sampler, vary, samples: 80 });
        const n = Math.min(80, sweepSize(s));
        for (let i = 0; i < n; i++) {
          const { model, accelerator } = samplePair(s, base, i);
          expect(validateModel(model).ok, JSON.stringify(model)).toBe(true);
          expect(validateAccelerator(accelerator, 'transcode').ok, JSON.stringify(accelerator)).toBe(true);
        }
      }
    }
  });

  it('keeps parameters that do not vary at the base design', () => {
    const s = spec({ vary: 'accelerator', params: ['pe', 'mainMemory'] });
    const seen = new Set<string>();
    for (let i = 0; i < 100; i++) {
      const { model, accelerator } = samplePair(s, base, i);
      expect(model).toEqual(base.model);
      const { pe, mainMemory, ...rest } = accelerator;
      const { pe: _p, mainMemory: _m, ...baseRest } = base.accelerator;
      expect(rest).toEqual(baseRest);
      expect(mainMemory.mode).toBe(mainMemory.type === 'dram' ? 'lb' : 'hb');
      seen.add(`${pe}/${mainMemory.type}`);
    }
    expect(seen.size).toBeGreaterThan(10);
  });

  it('ignores parameters of the space that does not vary, falling back to all of the chosen space', () => {
    const plan = compileSweep(spec({ vary: 'accelerator', params: ['hidden', 'bogus'] }));
    expect(plan.params.map((p) => p.id)).toContain('pe');
    expect(plan.params.every((p) => p.space === 'accelerator')).toBe(true);
  });

  it('draws whole random models (heterogeneous layers) when every transformer parameter varies', () => {
    const s = spec({ vary: 'transformer', samples: 300 });
    expect(compileSweep(s).randomModel).toBe(true);
    const layerCounts = new Set<number>();
    let mixedHidden = 0;
    for (let i = 0; i < 300; i++) {
      const { model, accelerator } = samplePair(s, base, i);
      expect(accelerator).toEqual(base.accelerator);
      layerCounts.add(model.l);
      if (new Set(model.h).size > 1) mixedHidden++;
    }
    expect(layerCounts.size).toBe(6);
    expect(mixedHidden).toBeGreaterThan(0);
  });
});

describe('Latin hypercube sampling', () => {
  it('puts exactly N / levels samples on each level when N is a multiple of every level count', () => {
    const s = spec({ vary: 'accelerator', sampler: 'lhs', samples: 60, params: ['tile.b', 'tile.x', 'pe', 'softmaxPerPe'] });
    const plan = compileSweep(s);
    const counts = plan.params.map((p) => new Array<number>(p.values.length).fill(0));
    for (let i = 0; i < 60; i++) sampleLevels(plan, i).forEach((level, d) => counts[d][level]++);
    counts.forEach((c, d) => expect(c).toEqual(new Array(c.length).fill(60 / plan.params[d].values.length)));
  });
});

describe('grid sampling', () => {
  it('enumerates every combination once, the last parameter fastest', () => {
    const s = spec({ vary: 'accelerator', sampler: 'grid', gridParams: ['tile.b', 'pe', 'nonLinearity'] });
    expect(sweepSize(s)).toBe(2 * 5 * 2);
    const plan = compileSweep(s);
    const keys = Array.from({ length: 20 }, (_, i) => [...sampleLevels(plan, i)].join(','));
    expect(new Set(keys).size).toBe(20);
    expect(keys.slice(0, 3)).toEqual(['0,0,0', '0,0,1', '0,1,0']);
  });

  it('caps the count at the sample limit and falls back to the first three varied params', () => {
    const s = spec({ vary: 'transformer', sampler: 'grid', gridParams: [] });
    expect(compileSweep(s).params.map((p) => p.id)).toEqual(['layers', 'hidden', 'heads']);
    expect(sweepSize(spec({ sampler: 'grid', gridParams: ['ffn', 'mainMemory', 'headType'] }))).toBe(258 * 11 * 7);
  });

  it('agrees everywhere: summary count = sweep size = plan count = product of the grid levels, whatever samples says', () => {
    const cases: Partial<SweepSettings>[] = [
      { vary: 'accelerator', gridParams: ['tile.b', 'pe', 'nonLinearity'], samples: 7 },
      { vary: 'accelerator', gridParams: ['pe', 'mainMemory'], samples: 99_999 },
      { vary: 'transformer', gridParams: [] },
      { vary: 'both', gridParams: ['ffn', 'mainMemory', 'headType'] },
      // One list: grid parameters need not be among the "vary" ticks of the other samplers.
      { vary: 'accelerator', params: ['pe'], gridParams: ['mainMemory'] },
    ];
    for (const c of cases) {
      const s = spec({ sampler: 'grid', ...c });
      const g = gridSummary(s);
      const product = resolveGridParams(s).reduce((n, p) => n * p.values.length, 1);
      expect(g.combinations).toBe(product);
      expect(g.levels.reduce((n, l) => n * l, 1)).toBe(product);
      expect(g.count).toBe(Math.min(product, SWEEP_LIMITS.maxSamples));
      expect(g.capped).toBe(product > SWEEP_LIMITS.maxSamples);
      expect(sweepSize(s)).toBe(g.count);
      expect(compileSweep(s).count).toBe(g.count);
      expect(compileSweep(s).params.map((p) => p.id)).toEqual(g.params.map((p) => p.id));
      if (!g.capped) {
        const plan = compileSweep(s);
        const keys = new Set(Array.from({ length: g.count }, (_, i) => [...sampleLevels(plan, i)].join(',')));
        expect(keys.size).toBe(product);
      }
    }
    expect(gridSummary(spec({ vary: 'accelerator', params: ['pe'], gridParams: ['mainMemory'] })).params.map((p) => p.id)).toEqual(['mainMemory']);
  });

  it('rejects indices outside the sweep', () => {
    const plan = compileSweep(spec({ samples: 10 }));
    expect(() => sampleLevels(plan, 10)).toThrow(RangeError);
    expect(() => sampleLevels(plan, -1)).toThrow(RangeError);
  });
});

describe('transformer parameters', () => {
  it('extends layers by copying the last one and keeps mixed head types when the count changes', () => {
    const mixed: Design = {
      ...base,
      model: { l: 2, h: [256, 128], o: [['sa_sdp_128', 'l_dft_128'], ['c_5_64', 'c_5_64']], f: [[512], [1024, 256]] },
    };
    const s = spec({ vary: 'transformer', sampler: 'grid', gridParams: ['layers', 'heads'] });
    const plan = compileSweep(s);
    const heads = SWEEP_PARAM_BY_ID.get('heads')!.values as number[];
    // layers level 1 = 4 layers, heads level 1 = 4 heads → index 1·4 + 1.
    const { model } = samplePair(plan, mixed, 1 * heads.length + 1);
    expect(model.l).toBe(4);
    expect(model.o[0]).toEqual(['sa_sdp_64', 'sa_sdp_64', 'l_dft_64', 'l_dft_64']);
    expect(model.f[3]).toEqual([1024, 256]);
    expect(model.h).toEqual([256, 128, 128, 128]);
  });
});
