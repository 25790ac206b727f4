import { describe, expect, it } from 'vitest';
import { computeHeadline, formatArea, formatMetric, formatThroughput } from './headline.ts';
import { headlineSources } from './headlineSources.ts';
import { fakeResult } from './testResult.ts';
import { simulate } from '../../core/elector/simulate.ts';
import { MODEL_PRESETS } from '../../core/space/transformer/presets.ts';
import { ACCELERATOR_PRESETS } from '../../core/space/accelerator/presets.ts';

describe('computeHeadline', () => {
  it('reports energy per sequence: the run total divided by the batch, in joules', () => {
    const h = computeHeadline(fakeResult({ totalEnergyNJ: 4000, dynamicNJ: 3000, leakageNJ: 1000, batchSize: 4 }));
    expect(h.energyPerSeqJ).toBeCloseTo(1e-6, 15);
    expect(h.dynamicPerSeqJ).toBeCloseTo(0.75e-6, 15);
    expect(h.leakagePerSeqJ).toBeCloseTo(0.25e-6, 15);
  });
  it('takes EDP as energy per sequence times latency', () => {
    const h = computeHeadline(fakeResult({ totalEnergyNJ: 8000, batchSize: 8, latencyS: 0.002 }));
    expect(h.edpJs).toBeCloseTo(1e-6 * 0.002, 18);
  });
  it('passes latency, throughput, area and cycles through unchanged', () => {
    const h = computeHeadline(fakeResult({ latencyS: 0.5, throughputSeqPerS: 8, areaMm2: 12, cycles: 99 }));
    expect([h.latencyS, h.throughputSeqPerS, h.areaMm2, h.cycles]).toEqual([0.5, 8, 12, 99]);
  });
  it('gives NaN rather than Infinity for a zero batch', () => {
    expect(computeHeadline(fakeResult({ batchSize: 0 })).energyPerSeqJ).toBeNaN();
  });
});

describe('formatting', () => {
  it('keeps area and throughput free of odd SI prefixes', () => {
    expect(formatArea(2148.94)).toBe('2,149 mm²');
    expect(formatArea(54.064)).toBe('54.1 mm²');
    expect(formatThroughput(123456.7)).toBe('123,457 seq/s');
    expect(formatThroughput(3.14159)).toBe('3.14 seq/s');
  });
  it('formats each metric with its unit', () => {
    expect(formatMetric('latencyS', 0.00123)).toBe('1.23 ms');
    expect(formatMetric('energyPerSeqJ', 2.5e-6)).toBe('2.5 µJ');
    expect(formatMetric('edpJs', 3e-9)).toBe('3 nJ·s');
    expect(formatMetric('cycles', 167596)).toBe('167,596');
  });
});

describe('headlineSources', () => {
  it('names the clock, the cycles and the batch of this run', () => {
    const s = headlineSources(fakeResult({ clockMHz: 500, cycles: 167596, batchSize: 4 }));
    expect(s.latencyS[0]).toContain('167,596 / 500 MHz');
    expect(s.throughputSeqPerS[0]).toContain('4 / latency');
  });
  it('names the constants of the cost model that produced the result', () => {
    expect(headlineSources(fakeResult()).energyPerSeqJ.join(' ')).toContain('§11');
    const elector = simulate(MODEL_PRESETS['bert-tiny'].model, ACCELERATOR_PRESETS['acceltran-edge'].config, { costModel: 'elector' });
    expect(headlineSources(elector).energyPerSeqJ.join(' ')).toContain('elector-physical.md');
  });
  it('counts the elector model\'s extra buffer banks in the area formula, with the design\'s own figures', () => {
    const acc = ACCELERATOR_PRESETS['acceltran-edge'].config;
    const elector = simulate(MODEL_PRESETS['bert-tiny'].model, acc, { costModel: 'elector' });
    const banks = elector.areaByModuleMm2.bufferBanks ?? 0;
    expect(banks).toBeGreaterThan(0);
    const lines = headlineSources(elector).areaMm2;
    expect(lines[0]).toContain('extra buffer banks');
    expect(lines.join(' ')).toContain(`${banks.toFixed(2)} mm² here`);
    expect(headlineSources(fakeResult()).areaMm2.join(' ')).not.toContain('banks');
  });
  it('mentions stochastic rounding in the area formula only in training', () => {
    expect(headlineSources(fakeResult({ mode: 'training' })).areaMm2[0]).toContain('stochastic rounding');
    expect(headlineSources(fakeResult({ mode: 'inference' })).areaMm2[0]).not.toContain('stochastic rounding');
  });
});
