import { describe, expect, it } from 'vitest';
import { formatTargetList, gridRunCount, heatmapOf, parseTargetList } from './labView.ts';
import { fakeSummary } from '../../state/dynaprop/labFakes.test-util.ts';
import { experimentConfigs } from '../../core/dynaprop/experiment.ts';
import { defaultRunConfig } from '../../core/dynaprop/config.ts';

describe('the experiment grid as text', () => {
  it('reads targets and "none", and writes them back', () => {
    expect(parseTargetList('none, 0.3 ,0.5;0.7', 'Activation targets')).toEqual({ ok: true, value: [null, 0.3, 0.5, 0.7] });
    expect(parseTargetList(' .9 ', 'x')).toEqual({ ok: true, value: [0.9] });
    expect(formatTargetList([null, 0.3, 0.5])).toBe('none, 0.3, 0.5');
  });

  it('names the field and the bad item', () => {
    expect(parseTargetList('0.3, 1.2', 'Gradient targets')).toEqual({ ok: false, message: expect.stringMatching(/^Gradient targets: item 2 \(“1.2”\)/) });
    expect(parseTargetList('', 'Gradient targets')).toMatchObject({ ok: false, message: expect.stringMatching(/^Gradient targets: give at least one/) });
    expect(parseTargetList('0.1,0.2,0.3,0.4,0.5,0.6,0.7', 'A')).toMatchObject({ ok: false, message: expect.stringMatching(/at most 6/) });
    expect(parseTargetList('0.5, 0.5', 'A')).toMatchObject({ ok: false, message: expect.stringMatching(/twice/) });
    expect(parseTargetList('1e-1', 'A')).toMatchObject({ ok: false });
  });

  it('counts the runs the core will make', () => {
    for (const grid of [{ activation: [null, 0.5], gradient: [null, 0.9] }, { activation: [0.3, 0.5], gradient: [0.9] }, { activation: [null], gradient: [null] }]) {
      expect(gridRunCount(grid)).toBe(experimentConfigs(defaultRunConfig('names'), grid).length);
    }
  });
});

describe('the sparsity heat map', () => {
  it('puts sites in rows (activations first) and layers in columns (the pooler last)', () => {
    const sites = [...fakeSummary(0.5, 0.9).perSite, { layer: -1, opType: 'pooler' as const, site: 'pooler' as const, direction: 'fwd' as const, sparsity: 0.1, sparsityReal: 0.1, numel: 10 }];
    const h = heatmapOf(sites);
    expect(h.cols).toEqual([0, 1, -1]);
    expect(h.rows.map((r) => `${r.direction} ${r.label}`)).toEqual(['fwd sa_sdp · scores', 'fwd ff · ff1', 'fwd pooler', 'bwd ff · ff1']);
    expect(h.value).toEqual([[null, 0.2, null], [0.5, null, null], [null, null, 0.1], [0.9, null, null]]);
  });
});

describe('the heat map colours', () => {
  it('follow viridis from dark purple to yellow', async () => {
    const { viridis } = await import('./labView.ts');
    expect(viridis(0)).toBe('rgb(68, 1, 84)');
    expect(viridis(1)).toBe('rgb(253, 231, 37)');
    expect(viridis(0.5)).toBe('rgb(33, 145, 140)');
    expect(viridis(-1)).toBe(viridis(0));
  });
});
