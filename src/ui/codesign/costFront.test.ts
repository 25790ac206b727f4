import { describe, expect, it } from 'vitest';
import { bestQuery, costFront } from './costFront.ts';
import type { QueryPoint } from '../../state/codesign/searchRecord.ts';

const q = (query: number, latencyS: number | null, energyJ: number | null, performance = 0): QueryPoint => ({
  query, performance, bestSoFar: performance, step: 'random', accuracy: 0.7, accuracyStd: 0.01,
  latencyS, energyJ, areaMm2: latencyS === null ? null : 100, pair: {} as QueryPoint['pair'],
});

describe('costFront', () => {
  it('keeps the pairs no other beats on both costs, by increasing latency, and skips refused pairs', () => {
    const points = [q(1, 2, 5), q(2, 1, 9), q(3, 3, 1), q(4, 2.5, 6), q(5, null, null), q(6, 1, 10), q(7, 4, 1)];
    expect(costFront(points, 'latencyS', 'energyJ').map((p) => p.query)).toEqual([2, 1, 3]);
  });
  it('finds the best scored query', () => {
    expect(bestQuery([q(1, 1, 1, 0.2), q(2, null, null, 0.9), q(3, 1, 1, 0.4)])?.query).toBe(3);
    expect(bestQuery([])).toBeNull();
  });
});
