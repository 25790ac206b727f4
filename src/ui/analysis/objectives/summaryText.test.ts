import { describe, expect, it } from 'vitest';
import { formatVolume, hypervolumeText, hypervolumeUnit, objectiveList, referenceText } from './summaryText.ts';

describe('summary text', () => {
  it('names the hypervolume’s unit as the product of the objectives’ units', () => {
    expect(hypervolumeUnit(['latency', 'energy', 'area'])).toBe('s·J·mm²');
    expect(hypervolumeUnit(['parameters', 'latency'])).toBe('s');
  });

  it('formats volumes in scientific form when tiny or huge', () => {
    expect(formatVolume(1.234e-7)).toBe('1.23 × 10⁻⁷');
    expect(formatVolume(12.345)).toBe('12.3');
    expect(formatVolume(5e12)).toBe('5.00 × 10¹²');
    expect(formatVolume(0)).toBe('0');
  });

  it('marks a Monte Carlo value as an estimate with its standard error', () => {
    const hv = { value: 2e-6, exact: false, standardError: 3e-8, reference: [1, 1], boxVolume: 1 };
    expect(hypervolumeText(hv, ['latency', 'energy'])).toBe('≈ 2.00 × 10⁻⁶ ± 3.00 × 10⁻⁸ s·J');
    expect(hypervolumeText({ ...hv, exact: true }, ['latency', 'energy'])).toBe('2.00 × 10⁻⁶ s·J');
  });

  it('states the reference in each objective’s units', () => {
    expect(referenceText([0.0012, 0.0034, 210], ['latency', 'energy', 'area'])).toBe('(1.2 ms, 3.4 mJ, 210 mm²)');
    expect(objectiveList(['latency', 'area'])).toBe('latency, area');
  });
});
