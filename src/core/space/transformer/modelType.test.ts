import { describe, expect, it } from 'vitest';
import { modelType } from './modelType.ts';
import { MODEL_PRESETS } from './presets.ts';

describe('modelType', () => {
  it('labels depth at the 8-layer median and width at 8 heads in any layer', () => {
    expect(modelType(MODEL_PRESETS['bert-tiny'].model)).toBe('shallow_narrow');
    expect(modelType(MODEL_PRESETS['bert-small'].model)).toBe('shallow_wide');
    expect(modelType(MODEL_PRESETS['bert-medium'].model)).toBe('deep_wide');
    const deepNarrow = { l: 8, o: Array(8).fill(['sa_sdp_64', 'sa_sdp_64']), h: Array(8).fill(128), f: Array(8).fill([512]) };
    expect(modelType(deepNarrow)).toBe('deep_narrow');
    deepNarrow.o = [...deepNarrow.o.slice(1), Array(8).fill('sa_sdp_16')];
    expect(modelType(deepNarrow)).toBe('deep_wide');
  });
});
