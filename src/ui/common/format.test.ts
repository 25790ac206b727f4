import { describe, expect, it } from 'vitest';
import { formatRatio, formatSI } from './format.ts';

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
});
