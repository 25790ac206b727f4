import { describe, expect, it } from 'vitest';
import { summarise } from './compare.ts';
import type { Evaluation, SearchResult } from './types.ts';

/** A run with the given best-so-far curve (only the fields summarise reads are meaningful). */
function run(seed: number, curve: number[]): SearchResult {
  return {
    best: { performance: curve[curve.length - 1] } as Evaluation,
    history: curve.map((bestSoFar, i) => ({ query: i + 1, performance: bestSoFar, bestSoFar, step: 'random' })),
    evaluations: [], seed, seconds: seed,
  };
}

describe('summarise', () => {
  it('gives median, min and max curves over seeds, holding a run that stopped early at its last best', () => {
    const s = summarise('x', [run(1, [0.1, 0.2, 0.3]), run(2, [0.2, 0.4]), run(3, [0.0, 0.1, 0.5])], 3);
    expect(s.medianCurve).toEqual([0.1, 0.2, 0.4]);
    expect(s.minCurve).toEqual([0.0, 0.1, 0.3]);
    expect(s.maxCurve).toEqual([0.2, 0.4, 0.5]);
    expect([s.median, s.min, s.max]).toEqual([0.4, 0.3, 0.5]);
  });
});
