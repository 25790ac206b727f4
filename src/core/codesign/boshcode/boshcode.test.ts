import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../../dynaprop/tf.ts';
import '@tensorflow/tfjs-backend-wasm';
import { runBoshcode, BOSHCODE_DEFAULTS, type BoshcodeRun } from './boshcode.ts';
import { unconstrainedPerformance, type FloorConstraint } from './floor.ts';
import { withinFloor } from '../accuracyFloor.ts';
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
function evaluate(c: Candidate, floor?: FloorConstraint): Evaluation {
  const s = scaleCandidate(c);
  const free = 1 - 0.4 * s.model[0] - 0.2 * s.model[1] - 0.4 * s.accelerator.reduce((a, b) => a + b, 0) / 12;
  // With a floor: accuracy grows with depth, against the landscape's preference for few layers.
  const accuracy = floor ? floor.accuracyOf(c) : 0;
  const performance = floor ? withinFloor(free, accuracy, floor.floor, floor.range) : free;
  return { candidate: c, embedding: { model: encodeModel(c.model), accelerator: acceleratorToEmbedding(c.accelerator) as number[] }, metrics: { latencyS: 1, dynamicEnergyJ: 1, leakageEnergyJ: 1, areaMm2: 1 }, accuracy: { mean: accuracy, std: 0, source: 'synthetic' }, performance };
}
/** Accuracy 0.6 + 0.2 · scaled depth: at least 0.7 needs about half the deepest layer count. */
const DEPTH_FLOOR: FloorConstraint = { floor: 0.7, range: { min: 0.6, max: 0.8 }, accuracyOf: (c) => 0.6 + 0.2 * scaleCandidate(c).model[0] };
const sample = (rng: Rng): Candidate => ({ model: randomModel(rng), accelerator: randomAccelerator(rng) });

/** A search run over the synthetic landscape, with SearchRun's bookkeeping. */
function syntheticRun(budget: number, seed: number, control = { cancelled: false }, onQuery?: (n: number) => void, floor?: FloorConstraint) {
  const run = {
    rng: createRng(`${seed}:boshcode`), fixed: {}, budget, seed, evaluations: [] as Evaluation[], best: null as Evaluation | null,
    history: [] as { step: string; performance: number }[],
    get done() { return this.evaluations.length >= budget; },
    async query(c: Candidate, step: string, before?: (e: Evaluation) => unknown) {
      if (control.cancelled) throw new SearchCancelled({ best: run.best!, history: [], evaluations: run.evaluations, seed, seconds: 0 });
      const e = evaluate(c, floor);
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

  it('keeps the best pair above an accuracy floor, learning the landscape without the floor\'s cliff (3 seeds)', async () => {
    for (const seed of [1, 2, 3]) {
      const run = syntheticRun(100, seed, undefined, undefined, DEPTH_FLOOR);
      await runBoshcode(run as unknown as BoshcodeRun, { ...BOSHCODE_DEFAULTS, patience: 100 }, DEPTH_FLOOR);
      const rng = createRng(`${seed}:random`);
      let random = -Infinity;
      for (let i = 0; i < 100; i++) random = Math.max(random, evaluate(sample(rng), DEPTH_FLOOR).performance);
      expect(run.best!.accuracy.mean).toBeGreaterThanOrEqual(DEPTH_FLOOR.floor);
      expect(run.best!.performance).toBeGreaterThan(random);
      // Most queries after the initial ones meet the floor: candidates under it are ranked last.
      const later = run.evaluations.slice(BOSHCODE_DEFAULTS.initialSamples);
      expect(later.filter((e) => e.accuracy.mean >= DEPTH_FLOOR.floor).length).toBeGreaterThan(0.7 * later.length);
    }
  }, 300_000);

  it('inverts the floor\'s penalty exactly, and leaves refused pairs at −1', () => {
    const c = sample(createRng(3));
    for (const [free, accuracy] of [[0.8, 0.65], [0.2, 0.61], [0.5, 0.69], [0, 0.55]]) {
      const e = { ...evaluate(c), accuracy: { mean: accuracy, std: 0, source: 't' }, performance: withinFloor(free, accuracy, DEPTH_FLOOR.floor, DEPTH_FLOOR.range) };
      expect(unconstrainedPerformance(e, DEPTH_FLOOR)).toBeCloseTo(free, 12);
    }
    expect(unconstrainedPerformance({ ...evaluate(c), metrics: null, accuracy: { mean: 0.6, std: 0, source: 't' }, performance: -1 }, DEPTH_FLOOR)).toBe(-1);
  });

  it('is deterministic for a seed and stops when cancelled', async () => {
    const [a, b] = [await search(56, 4), await search(56, 4)];
    expect(a.history).toEqual(b.history);
    const control = { cancelled: false };
    const p = search(80, 4, 10, control, (n) => { if (n === 10) control.cancelled = true; });
    await expect(p).rejects.toBeInstanceOf(SearchCancelled);
  });
});
