import { describe, expect, it } from 'vitest';
import { ACCELERATOR_PRESETS } from '../../space/accelerator/presets.ts';
import { MODEL_PRESETS } from '../../space/transformer/presets.ts';
import { DEFAULT_OBJECTIVE } from '../objective.ts';
import { publishedPredictor } from '../predictors/published.ts';
import { SearchCancelled } from '../search.ts';
import type { SearchProgress } from '../types.ts';
import { randomSearch } from './randomSearch.ts';

const p = publishedPredictor();

describe('randomSearch', () => {
  it('is deterministic for a seed and streams progress after every query', async () => {
    const seen: SearchProgress[] = [];
    const a = await randomSearch(DEFAULT_OBJECTIVE, p, { budget: 20, seed: 7, onProgress: (q) => seen.push(q) });
    const b = await randomSearch(DEFAULT_OBJECTIVE, p, { budget: 20, seed: 7 });
    const c = await randomSearch(DEFAULT_OBJECTIVE, p, { budget: 20, seed: 8 });
    expect(a.evaluations).toHaveLength(20);
    expect(a.history.map((h) => h.performance)).toEqual(b.history.map((h) => h.performance));
    expect(a.best.embedding).toEqual(b.best.embedding);
    expect(c.history.map((h) => h.performance)).not.toEqual(a.history.map((h) => h.performance));
    expect(seen.map((s) => s.query)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(seen.every((s) => s.step === 'random' && s.budget === 20)).toBe(true);
    for (let i = 1; i < a.history.length; i++) expect(a.history[i].bestSoFar).toBeGreaterThanOrEqual(a.history[i - 1].bestSoFar);
    expect(a.best.performance).toBe(Math.max(...a.evaluations.map((e) => e.performance)));
    expect(a.seed).toBe(7);
    // The embedding fixes GELU, so the search draws only GELU accelerators.
    expect(a.evaluations.every((e) => e.candidate.accelerator.nonLinearity === 'gelu')).toBe(true);
  });

  it('can be cancelled and paused, keeping what it found', async () => {
    const control = { cancelled: false };
    let pauses = 0;
    const search = randomSearch(DEFAULT_OBJECTIVE, p, {
      budget: 50, seed: 1, control,
      onProgress: (q) => { if (q.query === 5) control.cancelled = true; },
      pause: async () => { pauses++; },
    });
    const error = await search.catch((e) => e);
    expect(error).toBeInstanceOf(SearchCancelled);
    expect((error as SearchCancelled).partial.evaluations).toHaveLength(5);
    expect((error as SearchCancelled).partial.best).toBeTruthy();
    expect(pauses).toBe(5);
  });

  it('searches one side only when the other is fixed', async () => {
    const server = ACCELERATOR_PRESETS['acceltran-server'].config;
    const nas = await randomSearch(DEFAULT_OBJECTIVE, p, { budget: 8, seed: 3, fixedAccelerator: server });
    expect(nas.evaluations.every((e) => e.candidate.accelerator.pe === 512 && e.candidate.accelerator.mainMemory.type === 'rram')).toBe(true);
    expect(new Set(nas.evaluations.map((e) => e.embedding.model.join())).size).toBe(8);
    const tiny = MODEL_PRESETS['bert-tiny'].model;
    const hw = await randomSearch(DEFAULT_OBJECTIVE, p, { budget: 8, seed: 3, fixedModel: tiny });
    expect(hw.evaluations.every((e) => e.embedding.model.join() === hw.evaluations[0].embedding.model.join())).toBe(true);
    expect(new Set(hw.evaluations.map((e) => e.embedding.accelerator.join())).size).toBeGreaterThan(1);
    // Fixing one half leaves the other half's seeded sequence unchanged.
    const both = await randomSearch(DEFAULT_OBJECTIVE, p, { budget: 8, seed: 3 });
    expect(nas.evaluations.map((e) => e.embedding.model)).toEqual(both.evaluations.map((e) => e.embedding.model));
  });

  it.each([
    [{ budget: 0 }, /budget: 0 must be a whole number from 1/],
    [{ budget: 2.5 }, /budget/],
    [{ seed: 0.5 }, /seed/],
    [{ fixedModel: { l: 3, o: [], h: [], f: [] } }, /fixedModel\.l/],
    [{ fixedAccelerator: { ...ACCELERATOR_PRESETS['acceltran-edge'].config, pe: 100 } }, /fixedAccelerator\.pe/],
    [{ fixedModel: MODEL_PRESETS['bert-tiny'].model, fixedAccelerator: ACCELERATOR_PRESETS['acceltran-edge'].config }, /fixedModel: fix the model or the accelerator, not both/],
  ])('refuses %j naming the field', async (bad, message) => {
    await expect(randomSearch(DEFAULT_OBJECTIVE, p, { budget: 5, seed: 1, ...bad })).rejects.toThrow(message);
  });

  it('refuses bad objective settings', async () => {
    await expect(randomSearch({ ...DEFAULT_OBJECTIVE, weights: { ...DEFAULT_OBJECTIVE.weights, latency: -1 } }, p, { budget: 5, seed: 1 })).rejects.toThrow(/weights\.latency/);
  });
});
