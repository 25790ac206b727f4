import { describe, expect, it } from 'vitest';
import { headTypeName, sweepValueName } from '../../core/space/designNames.ts';
import { MODEL_PRESETS } from '../../core/space/transformer/presets.ts';
import { ACCELERATOR_PRESETS } from '../../core/space/accelerator/presets.ts';
import { planFor, sampleLevels } from '../../core/sweep/sample.ts';
import { defaultSession } from '../../core/share/defaults.ts';
import { SWEEP_PARAM_BY_ID } from '../../core/sweep/params.ts';
import { levelName, summariseAccelerator, summariseLevels, summariseLevelsCompact, summariseModel } from './designSummary.ts';

describe('the editors\' names, everywhere a person reads', () => {
  it('names head types and op strings as the editors do', () => {
    expect(headTypeName('l_dct')).toBe('DCT');
    expect(headTypeName('c_5_64')).toBe('Conv 5');
    expect(headTypeName('sa_sdp_32')).toBe('Attn SDP');
    expect(headTypeName('mystery')).toBe('mystery');
  });
  it('names swept values: Tile 16×16, PEs, head types, memories', () => {
    expect(sweepValueName('tile.x', 16, '16 elements')).toBe('Tile 16×16');
    expect(sweepValueName('pe', 64, '64 PEs')).toBe('64 PEs');
    expect(sweepValueName('headType', 'l_dct', 'l_dct (Cosine token mixing)')).toBe('DCT heads');
    expect(sweepValueName('mainMemory', 'HBM 32/1/4', 'HBM 32/1/4')).toBe('HBM 32/1/4');
    const headType = SWEEP_PARAM_BY_ID.get('headType')!;
    expect(levelName(headType, headType.values.indexOf('c_5'))).toBe('Conv 5 heads');
  });
  it('summarises models and accelerators with no code names', () => {
    const model = structuredClone(MODEL_PRESETS['bert-tiny'].model) as { l: number; o: string[][]; h: number[]; f: number[][] };
    model.o[1] = ['l_dct_64', 'l_dct_64'];
    const text = summariseModel(model);
    expect(text).toBe('2 layers · hidden 128 · 2 heads (Attn SDP ×2, DCT ×2 in all) · FF [512]');
    const acc = summariseAccelerator(ACCELERATOR_PRESETS['acceltran-edge'].config);
    expect(acc).toMatch(/Tile \d+×\d+ \(batch \d+\)/);
    expect(acc).toMatch(/bandwidth\) · (GELU|ReLU)$/);
    expect(acc).not.toMatch(/tile\.|\blb\b|\bhb\b|gelu/);
  });
  it('writes sweep points in names, never parameter ids', () => {
    const spec = { ...defaultSession().sweep, vary: 'both' as const, sampler: 'random' as const, params: ['tile.x', 'pe', 'headType', 'mainMemory'] };
    const plan = planFor(spec);
    const levels = sampleLevels(plan, 3);
    const compact = summariseLevelsCompact(plan, levels);
    expect(compact).toMatch(/^Tile (\d+)×\1, \d+ PEs, [^,]+ \d+\/\d+\/\d+, .+ heads$/);
    expect(compact).not.toMatch(/tile\.x|\bpe\b|mainMemory|headType|sa_|l_d|c_\d/);
    const long = summariseLevels(plan, levels);
    expect(long).toMatch(/^Tile size \(rows = columns\) = (\d+)×\1, Processing elements = \d+ PEs/);
    expect(long).not.toMatch(/sa_|l_d|c_\d/);
  });
});
