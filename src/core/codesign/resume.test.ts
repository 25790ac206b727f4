/**
 * Resuming a search from the evaluations it saved before it stopped: the resumed run equals
 * an uninterrupted one for the same seed, numbers its queries on from the saved ones, and
 * simulates none of the saved queries again.
 */
import { describe, expect, it } from 'vitest';
import { randomSearch } from './baselines/randomSearch.ts';
import { evolutionSearch } from './baselines/evolution.ts';
import { DEFAULT_OBJECTIVE } from './objective.ts';
import { publishedPredictor } from './predictors/published.ts';
import type { Predictor } from './predictors/predictor.ts';
import { SearchCancelled, type SearchFunction } from './search.ts';

/** The published predictor, counting its calls: one per simulated query (evaluatePair predicts once). */
function counting(): { predictor: Predictor; calls: () => number } {
  const base = publishedPredictor();
  let n = 0;
  return { predictor: { ...base, predict: (m) => { n++; return base.predict(m); } }, calls: () => n };
}

const BUDGET = 40, STOP_AT = 17, SEED = 5;

describe.each([['random', randomSearch], ['evolution', evolutionSearch]] as [string, SearchFunction][])('resume (%s)', (_name, search) => {
  it('reaches the same result as an uninterrupted run, without simulating saved queries again', async () => {
    const whole = await search(DEFAULT_OBJECTIVE, publishedPredictor(), { budget: BUDGET, seed: SEED });

    const control = { cancelled: false };
    let partial: SearchCancelled | null = null;
    try {
      await search(DEFAULT_OBJECTIVE, publishedPredictor(), { budget: BUDGET, seed: SEED, control, onProgress: (p) => { if (p.query === STOP_AT) control.cancelled = true; } });
    } catch (e) {
      partial = e as SearchCancelled;
    }
    expect(partial).toBeInstanceOf(SearchCancelled);
    const saved = partial!.partial.evaluations;
    expect(saved).toHaveLength(STOP_AT);

    const { predictor, calls } = counting();
    const queries: number[] = [];
    const resumed = await search(DEFAULT_OBJECTIVE, predictor, { budget: BUDGET, seed: SEED, saved, onProgress: (p) => queries.push(p.query) });
    expect(calls()).toBe(BUDGET - STOP_AT);
    expect(queries).toEqual(Array.from({ length: BUDGET }, (_, i) => i + 1));
    expect(resumed.history).toEqual(whole.history);
    expect(resumed.evaluations.map((e) => e.candidate)).toEqual(whole.evaluations.map((e) => e.candidate));
    expect(resumed.best.performance).toBe(whole.best.performance);
  });
});
