import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../dynaprop/tf.ts';
import '@tensorflow/tfjs-backend-wasm';
import { boshcode, SearchCancelled } from './boshcode.ts';
import { projectToValid, scaleCandidate } from './inputs.ts';
import { randomModel } from '../../space/transformer/sample.ts';
import { randomAccelerator } from '../../space/accelerator/sample.ts';
import { encodeModel } from '../../space/transformer/embedding.ts';
import { acceleratorToEmbedding } from '../../space/accelerator/embedding.ts';
import { validateModel } from '../../space/transformer/validate.ts';
import { validateAccelerator } from '../../space/accelerator/validate.ts';
import type { Candidate, Evaluation } from '../types.ts';
import { createRng, type Rng } from '../../rng.ts';

beforeAll(async () => { await tf.setBackend('wasm'); });

/** A known landscape: best with few layers, narrow layers and small accelerator entries. */
function evaluate(c: Candidate): Evaluation {
  const s = scaleCandidate(c);
  const performance = 1 - 0.4 * s.model[0] - 0.2 * s.model[1] - 0.4 * s.accelerator.reduce((a, b) => a + b, 0) / 12;
  return { candidate: c, embedding: { model: encodeModel(c.model), accelerator: acceleratorToEmbedding(c.accelerator) as number[] }, metrics: null, accuracy: { mean: 0, std: 0, source: 'synthetic' }, performance };
}
const sample = (rng: Rng): Candidate => ({ model: randomModel(rng), accelerator: randomAccelerator(rng) });

describe('projection to the nearest valid design', () => {
  it('gives valid designs from any point of the unit cube, and inverts scaling', () => {
    const rng = createRng(5);
    for (let i = 0; i < 50; i++) {
      const c = projectToValid(Array.from({ length: 37 }, () => rng.next() * 1.4 - 0.2), Array.from({ length: 12 }, () => rng.next() * 1.4 - 0.2));
      expect(validateModel(c.model).ok).toBe(true);
      expect(validateAccelerator(c.accelerator).ok).toBe(true);
    }
    const c = sample(createRng(9));
    const s = scaleCandidate(c);
    const back = projectToValid(s.model, s.accelerator);
    expect(encodeModel(back.model)).toEqual(encodeModel(c.model));
    expect(acceleratorToEmbedding(back.accelerator)).toEqual(acceleratorToEmbedding(c.accelerator));
  });
});

describe('BOSHCODE', () => {
  it('beats random search at the same budget on a known landscape (3 seeds)', async () => {
    for (const seed of [1, 2, 3]) {
      const r = await boshcode(evaluate, sample, { budget: 80, seed, patience: 100 });
      const rng = createRng(`${seed}:random`);
      let random = -Infinity;
      for (let i = 0; i < 80; i++) random = Math.max(random, evaluate(sample(rng)).performance);
      expect(r.evaluations.length).toBe(80);
      expect(r.best.performance).toBeGreaterThan(random);
      expect(r.history.some((h) => h.step === 'gobi')).toBe(true);
    }
  }, 300_000);

  it('is deterministic for a seed and stops when cancelled', async () => {
    const run = () => boshcode(evaluate, sample, { budget: 56, seed: 4 });
    const [a, b] = [await run(), await run()];
    expect(a.history).toEqual(b.history);
    const control = { cancelled: false };
    const p = boshcode(evaluate, sample, { budget: 80, seed: 4 }, { control, onProgress: (q) => { if (q.query === 10) control.cancelled = true; } });
    await expect(p).rejects.toBeInstanceOf(SearchCancelled);
  });
});
