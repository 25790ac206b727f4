import { describe, expect, it } from 'vitest';
import { deepMerge } from './deepMerge.ts';

describe('deepMerge', () => {
  const base = { clockMHz: 700, lane: { relu: { areaUm2: 1, dynamicMW: 2 } }, list: [1, 2] };

  it('overrides nested numbers and keeps the rest', () => {
    const merged = deepMerge(base, { lane: { relu: { dynamicMW: 3 } } });
    expect(merged).toEqual({ clockMHz: 700, lane: { relu: { areaUm2: 1, dynamicMW: 3 } }, list: [1, 2] });
    expect(base.lane.relu.dynamicMW).toBe(2);
  });

  it('names the path of an unknown key', () => {
    expect(() => deepMerge(base, { lane: { rleu: {} } })).toThrow('lane.rleu: unknown constant');
  });

  it('refuses non-numbers where a number stood', () => {
    expect(() => deepMerge(base, { clockMHz: 'fast' })).toThrow('clockMHz: expected a finite number');
    expect(() => deepMerge(base, { clockMHz: Number.NaN })).toThrow('clockMHz');
  });
});
