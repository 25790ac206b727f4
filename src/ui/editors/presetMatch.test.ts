import { describe, expect, it } from 'vitest';
import { MODEL_PRESETS } from '../../core/space/transformer/presets.ts';
import { ACCELERATOR_PRESETS } from '../../core/space/accelerator/presets.ts';
import { matchPreset, sameData } from './presetMatch.ts';

describe('matchPreset', () => {
  it('recognises a copy of a preset', () => {
    const copy = structuredClone(MODEL_PRESETS['bert-mini'].model);
    expect(matchPreset(copy, MODEL_PRESETS, (p) => p.model)).toBe('bert-mini');
    const acc = structuredClone(ACCELERATOR_PRESETS['acceltran-server'].config);
    expect(matchPreset(acc, ACCELERATOR_PRESETS, (p) => p.config)).toBe('acceltran-server');
  });

  it('returns null once anything differs', () => {
    const m = structuredClone(MODEL_PRESETS['bert-base'].model);
    m.f[11] = [3072, 512];
    expect(matchPreset(m, MODEL_PRESETS, (p) => p.model)).toBeNull();
    const acc = { ...structuredClone(ACCELERATOR_PRESETS['acceltran-edge'].config), pe: 128 };
    expect(matchPreset(acc, ACCELERATOR_PRESETS, (p) => p.config)).toBeNull();
  });
});

describe('sameData', () => {
  it('distinguishes arrays from objects, extra keys and values', () => {
    expect(sameData([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameData({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(sameData({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe(false);
  });
});
