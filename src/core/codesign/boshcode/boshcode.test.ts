import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../dynaprop/tf.ts';
import '@tensorflow/tfjs-backend-wasm';
import { runBoshcode, BOSHCODE_DEFAULTS, type BoshcodeRun } from './boshcode.ts';
import { SearchCancelled } from '../search.ts';
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

/** A search run over the synthetic landscape, with SearchRun's bookkeeping. */
function syntheticRun(budget: number, seed: number, control = { cancelled: false }, onQuery?: (n: number) => void) {
  const run = {
    rng: createRng(`${seed}:boshcode`), fixed: {}, budget, seed, evaluations: [] as Evaluation[], best: null as Evaluation | null,
    history: [] as { step: string; performance: number }[],
    get done() { return this.evaluations.length >= budget; },
    async query(c: Candidate, step: string, before?: (e: Evaluation) => unknown) {
      if (control.cancelled) throw new SearchCancelled({ best: run.best!, history: [], evaluations: run.evaluations, seed, seconds: 0 });
      const e = evaluate(c);
      before?.(e);
      run.evaluations.push(e);
      if (!run.best || e.performance > run.best.performance) run.best = e;
      run.history.push({ step, performance: e.performance });
      onQuery?.(run.evaluations.length);
      return e;
    },
  };
  return run;
}
const search = async (budget: number, seed: number, patience = BOSHCODE_DEFAULTS.patience, control?: { cancelled: boolean }, onQuery?: (n: number) => void) => {
  const run = syntheticRun(budget, seed, control, onQuery);
  await runBoshcode(run as unknown as BoshcodeRun, { ...BOSHCODE_DEFAULTS, patience });
  return run;
};

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
      const r = await search(80, seed, 100);
      const rng = createRng(`${seed}:random`);
      let random = -Infinity;
      for (let i = 0; i < 80; i++) random = Math.max(random, evaluate(sample(rng)).performance);
      expect(r.evaluations.length).toBe(80);
      expect(r.best!.performance).toBeGreaterThan(random);
      expect(r.history.some((h) => h.step === 'gobi')).toBe(true);
    }
  }, 300_000);

  it('is deterministic for a seed and stops when cancelled', async () => {
    const [a, b] = [await search(56, 4), await search(56, 4)];
    expect(a.history).toEqual(b.history);
    const control = { cancelled: false };
    const p = search(80, 4, 10, control, (n) => { if (n === 10) control.cancelled = true; });
    await expect(p).rejects.toBeInstanceOf(SearchCancelled);
  });
});
