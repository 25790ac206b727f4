import { describe, expect, it } from 'vitest';
import { formatAreaMm2, formatRatio, formatSI } from './format.ts';
import { formatObjective } from '../sweep/objectiveFormat.ts';
import { formatMetric } from '../results/headline.ts';

describe('formatSI', () => {
  it('picks the prefix and keeps three significant digits', () => {
    expect(formatSI(0.00123, 's')).toBe('1.23 ms');
    expect(formatSI(2.5e9, 'J')).toBe('2.5 GJ');
    expect(formatSI(54.064, 'mm²')).toBe('54.1 mm²');
    expect(formatSI(999.96, 'B')).toBe('1 kB');
    expect(formatSI(0, 'J')).toBe('0 J');
  });
  it('formats ratios', () => {
    expect(formatRatio(2.3149)).toBe('2.31×');
    expect(formatRatio(Number.NaN)).toBe('–');
  });

  it('formats one chip\'s area the same wherever it is shown (editor, headline, sweep, breakdown)', () => {
    expect(formatAreaMm2(1829.7)).toBe('1,830 mm²');
    expect(formatAreaMm2(54.064)).toBe('54.1 mm²');
    expect(formatAreaMm2(0.1534)).toBe('0.153 mm²');
    expect(formatObjective('area', 1829.7)).toBe(formatAreaMm2(1829.7));
    expect(formatMetric('areaMm2', 1829.7)).toBe(formatAreaMm2(1829.7));
  });
});
