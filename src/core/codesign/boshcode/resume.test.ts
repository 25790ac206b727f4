/**
 * Resuming BOSHCODE: the replay retrains the surrogates on the same saved queries with the
 * same seeded RNG, so on one machine and backend (wasm, single thread) it asks for the same
 * pairs; the test checks that and that no saved query is simulated again.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../dynaprop/tf.ts';
import '@tensorflow/tfjs-backend-wasm';
import { makeBoshcode } from './boshcode.ts';
import { DEFAULT_OBJECTIVE } from '../objective.ts';
import { publishedPredictor } from '../predictors/published.ts';
import type { Predictor } from '../predictors/predictor.ts';
import { SearchCancelled } from '../search.ts';

beforeAll(async () => { await tf.setBackend('wasm'); });

// Small: 8 initial pairs, short training, 3 iterations of 4 queries; stopped inside iteration 2.
const search = makeBoshcode({ initialSamples: 8, initialEpochs: 20, updateSteps: 4, candidatesPerIteration: 20 });
const BUDGET = 20, STOP_AT = 14, SEED = 3;

describe('resume (boshcode)', () => {
  it('replays to the same queries without simulating the saved ones, and continues the numbering', async () => {
    const whole = await search(DEFAULT_OBJECTIVE, publishedPredictor(), { budget: BUDGET, seed: SEED });
    const control = { cancelled: false };
    let partial: SearchCancelled | null = null;
    try {
      await search(DEFAULT_OBJECTIVE, publishedPredictor(), { budget: BUDGET, seed: SEED, control, onProgress: (p) => { if (p.query === STOP_AT) control.cancelled = true; } });
    } catch (e) {
      partial = e as SearchCancelled;
    }
    const saved = partial!.partial.evaluations;
    expect(saved.map((e) => e.candidate)).toEqual(whole.evaluations.slice(0, STOP_AT).map((e) => e.candidate));

    const base = publishedPredictor();
    let calls = 0;
    const predictor: Predictor = { ...base, predict: (m) => { calls++; return base.predict(m); } };
    const queries: number[] = [];
    const resumed = await search(DEFAULT_OBJECTIVE, predictor, { budget: BUDGET, seed: SEED, saved, onProgress: (p) => queries.push(p.query) });
    expect(queries).toEqual(Array.from({ length: BUDGET }, (_, i) => i + 1));
    expect(calls).toBe(BUDGET - STOP_AT);
    expect(resumed.evaluations.map((e) => e.candidate)).toEqual(whole.evaluations.map((e) => e.candidate));
    expect(resumed.best.performance).toBe(whole.best.performance);
  }, 120_000);
});
