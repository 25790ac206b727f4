import { describe, expect, it } from 'vitest';
import { cyclesByLimiter, formatShare, limiterOf, limiterSharesText } from './limiters.ts';
import { entry } from './timelineEntry.test-util.ts';

describe('limiterOf', () => {
  it('reads the elector limiter, and falls back to the bound without one (reference, older replies)', () => {
    expect(limiterOf(entry({ limiter: 'weightBuffer', bound: 'memory' }))).toBe('weightBuffer');
    expect(limiterOf(entry({ bound: 'compute' }))).toBe('compute');
    expect(limiterOf(entry({ bound: 'memory' }))).toBe('memory');
  });
});

describe('cyclesByLimiter', () => {
  it('sums op cycles by limiter, in display order, with shares of the total', () => {
    const shares = cyclesByLimiter([
      entry({ startCycle: 0, endCycle: 60, limiter: 'mainMemory', bound: 'memory' }),
      entry({ startCycle: 60, endCycle: 90, limiter: 'compute' }),
      entry({ startCycle: 90, endCycle: 100, limiter: 'mainMemory', bound: 'memory' }),
      entry({ startCycle: 100, endCycle: 100, limiter: 'activationBuffer', bound: 'memory' }),
    ]);
    expect(shares).toEqual([
      { limiter: 'compute', ops: 1, cycles: 30, share: 0.3 },
      { limiter: 'activationBuffer', ops: 1, cycles: 0, share: 0 },
      { limiter: 'mainMemory', ops: 2, cycles: 70, share: 0.7 },
    ]);
    expect(limiterSharesText(shares)).toBe('main memory 70 %, compute 30 %');
  });
  it('is empty for no ops, and never divides by zero', () => {
    expect(cyclesByLimiter([])).toEqual([]);
    expect(cyclesByLimiter([entry({ startCycle: 5, endCycle: 5 })])[0].share).toBe(0);
  });
});

describe('formatShare', () => {
  it('keeps tiny and nearly-whole shares honest', () => {
    expect(formatShare(0)).toBe('0 %');
    expect(formatShare(0.0004)).toBe('< 0.1 %');
    expect(formatShare(0.0123)).toBe('1.2 %');
    expect(formatShare(0.456)).toBe('46 %');
    expect(formatShare(0.9983)).toBe('99.8 %');
    expect(formatShare(0.99999)).toBe('> 99.9 %');
    expect(formatShare(1)).toBe('100 %');
    expect(formatShare(Number.NaN)).toBe('–');
  });
});
