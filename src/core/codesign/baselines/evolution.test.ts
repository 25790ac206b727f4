import { describe, expect, it } from 'vitest';
import { createRng } from '../../rng.ts';
import { acceleratorToEmbedding } from '../../space/accelerator/embedding.ts';
import { ACCELERATOR_PRESETS } from '../../space/accelerator/presets.ts';
import { validateAccelerator } from '../../space/accelerator/validate.ts';
import { encodeModel } from '../../space/transformer/embedding.ts';
import { MODEL_PRESETS } from '../../space/transformer/presets.ts';
import { randomModel } from '../../space/transformer/sample.ts';
import { validateModel } from '../../space/transformer/validate.ts';
import { DEFAULT_OBJECTIVE } from '../objective.ts';
import { publishedPredictor } from '../predictors/published.ts';
import { SearchCancelled } from '../search.ts';
import { evolutionSearch, mutateAccelerator, mutateCandidate, mutateModel } from './evolution.ts';
import { randomSearch } from './randomSearch.ts';

const p = publishedPredictor();
const differing = (a: readonly number[], b: readonly number[]) => a.filter((v, i) => v !== b[i]).length;

describe('mutations', () => {
  it('change one used entry of the model embedding, staying valid', () => {
    const rng = createRng(1);
    for (let i = 0; i < 200; i++) {
      const m = randomModel(rng);
      const child = mutateModel(m, rng);
      expect(validateModel(child).ok).toBe(true);
      const [e, c] = [encodeModel(m), encodeModel(child)];
      if (e[0] === c[0]) expect(differing(e, c)).toBe(1);
      else if (c[0] > e[0]) {
        // New layers copy the last one.
        for (let k = m.l; k < child.l; k++) expect(c.slice(3 * k + 1, 3 * k + 4)).toEqual(e.slice(3 * (m.l - 1) + 1, 3 * m.l + 1));
      }
    }
  });

  it('change one accelerator entry (tile_y follows tile_x), staying in the TransCODE space', () => {
    const rng = createRng(2);
    let a = ACCELERATOR_PRESETS['acceltran-edge'].config;
    for (let i = 0; i < 200; i++) {
      const child = mutateAccelerator(a, rng);
      expect(validateAccelerator(child, 'transcode').ok).toBe(true);
      const [e, c] = [acceleratorToEmbedding(a), acceleratorToEmbedding(child)];
      expect(differing(e, c)).toBe(e[1] !== c[1] ? 2 : 1);
      a = child;
    }
  });

  it('mutate only the free half in one-sided search', () => {
    const rng = createRng(3);
    const c = { model: MODEL_PRESETS['bert-small'].model, accelerator: ACCELERATOR_PRESETS['acceltran-server'].config };
    for (let i = 0; i < 20; i++) {
      expect(mutateCandidate(c, rng, { model: c.model }).model).toBe(c.model);
      expect(mutateCandidate(c, rng, { accelerator: c.accelerator }).accelerator).toBe(c.accelerator);
    }
  });
});

describe('evolutionSearch', () => {
  it('is deterministic, seeds a random population, then evolves', async () => {
    const a = await evolutionSearch(DEFAULT_OBJECTIVE, p, { budget: 40, seed: 5, population: 10, sampleSize: 5 });
    const b = await evolutionSearch(DEFAULT_OBJECTIVE, p, { budget: 40, seed: 5, population: 10, sampleSize: 5 });
    expect(a.history.map((h) => h.performance)).toEqual(b.history.map((h) => h.performance));
    expect(a.history.map((h) => h.step)).toEqual([...Array(10).fill('initial'), ...Array(30).fill('evolution')]);
    // Every child differs from some earlier pair in a single half.
    const earlier = (i: number) => a.evaluations.slice(0, i);
    for (let i = 10; i < 40; i++) {
      const e = a.evaluations[i];
      expect(earlier(i).some((x) => x.embedding.model.join() === e.embedding.model.join() || x.embedding.accelerator.join() === e.embedding.accelerator.join())).toBe(true);
    }
  });

  it('beats random search at a budget of 150 on three seeds', async () => {
    for (const seed of [1, 2, 3]) {
      const evo = await evolutionSearch(DEFAULT_OBJECTIVE, p, { budget: 150, seed });
      const rnd = await randomSearch(DEFAULT_OBJECTIVE, p, { budget: 150, seed });
      expect(evo.best.performance).toBeGreaterThan(rnd.best.performance);
    }
  }, 30_000);

  it('keeps a fixed accelerator, and can be cancelled', async () => {
    const server = ACCELERATOR_PRESETS['acceltran-server'].config;
    const r = await evolutionSearch(DEFAULT_OBJECTIVE, p, { budget: 30, seed: 2, population: 8, sampleSize: 4, fixedAccelerator: server });
    expect(new Set(r.evaluations.map((e) => e.embedding.accelerator.join())).size).toBe(1);
    const control = { cancelled: false };
    const error = await evolutionSearch(DEFAULT_OBJECTIVE, p, { budget: 30, seed: 2, control, onProgress: (q) => { control.cancelled = q.query >= 12; } }).catch((e) => e);
    expect(error).toBeInstanceOf(SearchCancelled);
    expect((error as SearchCancelled).partial.history).toHaveLength(12);
  });

  it('refuses a bad population or tournament', async () => {
    await expect(evolutionSearch(DEFAULT_OBJECTIVE, p, { budget: 5, seed: 1, population: 1 })).rejects.toThrow(/population/);
    await expect(evolutionSearch(DEFAULT_OBJECTIVE, p, { budget: 5, seed: 1, population: 4, sampleSize: 5 })).rejects.toThrow(/sampleSize/);
  });
});
