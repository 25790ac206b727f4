import { describe, expect, it } from 'vitest';
import type { SweepSettings } from '../share/schema.ts';
import { compileSweep } from './plan.ts';
import { sampleLevels } from './sample.ts';
import { buildParamColumns, emptyParamColumns, fillParamColumns } from './paramColumns.ts';

const spec = (patch: Partial<SweepSettings>): SweepSettings => ({
  vary: 'both', params: [], samples: 300, sampler: 'random', gridParams: [], seed: 5, ...patch,
});

describe('parameter columns', () => {
  it('hold each numeric parameter’s value and each choice’s level, as sampling draws them', () => {
    for (const sampler of ['random', 'lhs', 'grid'] as const) {
      const plan = compileSweep(spec({ sampler, gridParams: ['pe', 'mainMemory', 'hidden'] }));
      const cols = buildParamColumns(plan);
      expect(cols.map((c) => c.param.id)).toEqual(plan.params.map((p) => p.id));
      for (const i of [0, 1, plan.count - 1]) {
        const levels = sampleLevels(plan, i);
        cols.forEach((c, d) => {
          const want = c.categorical ? levels[d] : (c.param.values[levels[d]] as number);
          expect(c.values[i]).toBe(Math.fround(want));
        });
      }
    }
  });

  it('marks choices categorical and numbers not', () => {
    const plan = compileSweep(spec({ params: ['pe', 'mainMemory', 'headType', 'hidden'] }));
    const byId = Object.fromEntries(buildParamColumns(plan).map((c) => [c.param.id, c.categorical]));
    expect(byId).toEqual({ pe: false, mainMemory: true, headType: true, hidden: false });
  });

  it('fills incrementally by range, to the same values as a whole build', () => {
    const plan = compileSweep(spec({ sampler: 'lhs' }));
    const whole = buildParamColumns(plan);
    const parts = emptyParamColumns(plan);
    fillParamColumns(plan, parts, 100, 200);
    expect(Number.isNaN(parts[0].values[99])).toBe(true);
    fillParamColumns(plan, parts, 0, 100);
    fillParamColumns(plan, parts, 200, 10_000); // clamped to the plan
    parts.forEach((c, d) => expect(c.values).toEqual(whole[d].values));
  });

  it('has no transformer columns when models are drawn whole', () => {
    const plan = compileSweep(spec({ vary: 'both' }));
    expect(plan.randomModel).toBe(true);
    expect(buildParamColumns(plan).every((c) => c.param.space === 'accelerator')).toBe(true);
  });
});
