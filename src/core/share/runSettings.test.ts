import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from './defaults.ts';
import { sameRunSettings, simOptionsOf } from './runSettings.ts';
import type { RunSettings } from './schema.ts';

describe('sameRunSettings', () => {
  it('reads settings saved before the mapping objective existed as the balanced mapper, and no other', () => {
    const { mappingObjective: _m, ...old } = DEFAULT_SETTINGS;
    expect(sameRunSettings(old as RunSettings, DEFAULT_SETTINGS)).toBe(true);
    expect(sameRunSettings(old as RunSettings, { ...DEFAULT_SETTINGS, mappingObjective: 'time' })).toBe(false);
  });

  it('ignores key order and absent optional fields, but not a value', () => {
    const reordered = Object.fromEntries(Object.entries(DEFAULT_SETTINGS).reverse()) as RunSettings;
    expect(sameRunSettings(reordered, { ...DEFAULT_SETTINGS, sparsityByOp: undefined })).toBe(true);
    const measured: RunSettings = { ...DEFAULT_SETTINGS, sparsityByOp: { matmul: { activation: 0.3 } } };
    expect(sameRunSettings(measured, DEFAULT_SETTINGS)).toBe(false);
    expect(sameRunSettings({ ...DEFAULT_SETTINGS, sparsity: { ...DEFAULT_SETTINGS.sparsity, weight: 0.6 } }, DEFAULT_SETTINGS)).toBe(false);
  });
});

describe('simOptionsOf', () => {
  it('passes the mapping objective when set, and leaves the core default otherwise', () => {
    expect(simOptionsOf({ ...DEFAULT_SETTINGS, mappingObjective: 'energy' }).mappingObjective).toBe('energy');
    const { mappingObjective: _m, ...old } = DEFAULT_SETTINGS;
    expect(simOptionsOf(old as RunSettings)).not.toHaveProperty('mappingObjective');
  });
});
