import { describe, expect, it } from 'vitest';
import { experimentConfigs, parseResultsRecord, RESULTS_FORMAT, type ResultsRecord } from './experiment.ts';
import { defaultRunConfig } from './config.ts';

const row = { targetActivation: 0.5, targetGradient: null, accuracy: 0.8, validationAccuracy: 0.79, activation: 0.51, activationReal: 0.4, gradient: null, tauI: 0.1, tauT: 0, seconds: 3 };
const record: ResultsRecord = { format: RESULTS_FORMAT, version: 1, id: 'r1', createdAt: '2026-12-04T00:00:00Z', backend: 'wasm', tfjsVersion: '4.22.0', config: defaultRunConfig('names'), rows: [row] };

describe('experiment grid', () => {
  it('runs the unpruned baseline first and every other grid point once', () => {
    const configs = experimentConfigs(defaultRunConfig('names'), { activation: [null, 0.3, 0.5], gradient: [null, 0.9] });
    expect(configs.map((c) => [c.targetActivationSparsity, c.targetGradientSparsity])).toEqual([[null, null], [null, 0.9], [0.3, null], [0.3, 0.9], [0.5, null], [0.5, 0.9]]);
    expect(new Set(configs.map((c) => c.seed))).toEqual(new Set([1]));
  });

  it('refuses a target outside [0, 1), naming the field', () => {
    expect(() => experimentConfigs(defaultRunConfig('names'), { activation: [1], gradient: [null] })).toThrow(/targetActivationSparsity/);
  });
});

describe('results records', () => {
  it('round-trips through JSON', () => {
    expect(parseResultsRecord(JSON.parse(JSON.stringify(record)))).toEqual(record);
  });

  it.each([
    [null, /^record/],
    [{ ...record, format: 'x' }, /^format/],
    [{ ...record, version: 2 }, /^version/],
    [{ ...record, rows: [{ ...row, accuracy: 'high' }] }, /^rows\[0\]\.accuracy/],
    [{ ...record, config: { ...record.config, dataset: 'mnist' } }, /^config\.dataset/],
    [{ ...record, config: { ...record.config, model: { l: 3 } } }, /^config\.model/],
    [{ ...record, id: 5 }, /^id/],
  ])('names the bad field of a corrupt record (%#)', (bad, pattern) => {
    expect(() => parseResultsRecord(bad)).toThrow(pattern);
  });
});
