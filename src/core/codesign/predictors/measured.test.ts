import { describe, expect, it } from 'vitest';
import { defaultRunConfig } from '../../dynaprop/config.ts';
import { MODEL_PRESETS } from '../../space/transformer/presets.ts';
import type { ModelDict } from '../../space/transformer/types.ts';
import { loadDatasetFromDisk } from '../../dynaprop/data/loadNode.ts';
import { DEFAULT_NOISE_STD, MAJORITY_CLASS_ACCURACY, measuredPredictor, type MeasuredRun } from './measured.ts';

const bert = (layers: number, hidden: number, heads: number, ff: number, type = 'sa_sdp'): ModelDict => ({
  l: layers,
  o: Array.from({ length: layers }, () => Array<string>(heads).fill(`${type}_${hidden / heads}`)),
  h: Array<number>(layers).fill(hidden),
  f: Array.from({ length: layers }, () => [ff]),
});
const run = (model: ModelDict, accuracy: number, seed = 1, extra: Partial<MeasuredRun['config']> = {}): MeasuredRun => ({
  config: { ...defaultRunConfig('names'), model, seed, steps: 150, ...extra }, accuracy, backend: 'wasm', tfjsVersion: '4.22.0',
});

const tiny = bert(2, 128, 2, 512);
const deep = bert(4, 128, 2, 512);
const wide = bert(2, 256, 4, 512);
const conv = bert(2, 128, 2, 512, 'c_9');
// Made-up lab-like numbers: BERT-Tiny three times (seeds), three other models once each.
const RUNS = [run(tiny, 0.78, 1), run(tiny, 0.74, 2), run(tiny, 0.75, 3), run(deep, 0.77), run(wide, 0.79), run(conv, 0.71)];

describe('measuredPredictor', () => {
  const p = measuredPredictor(RUNS, { name: 'test runs' });

  it('predicts close to a measured model, within the spread of its repeated runs', () => {
    const r = p.predict(tiny);
    expect(r.mean).toBeGreaterThan(0.74);
    expect(r.mean).toBeLessThan(0.78);
    expect(Math.abs(p.predict(wide).mean - 0.79)).toBeLessThan(0.02);
    expect(p.predict(conv).mean).toBeLessThan(p.predict(tiny).mean);
    expect(r.source).toBe('measured: DynaProp lab test accuracy on names (test runs, 6 runs of 4 models, 150 steps)');
  });

  it('is more uncertain away from the data, most of all on BERT-sized models', () => {
    const near = p.predict(tiny).std;
    const mid = p.predict(bert(4, 256, 4, 1024)).std;
    const small = p.predict(MODEL_PRESETS['bert-small'].model).std;
    const base = p.predict(MODEL_PRESETS['bert-base'].model).std;
    expect(mid).toBeGreaterThan(near);
    expect(small).toBeGreaterThan(mid);
    expect(base).toBeGreaterThan(small);
    expect(base).toBeGreaterThan(3 * near);
    // Head types never measured are further away too.
    expect(p.predict(bert(2, 128, 2, 512, 'l_dft')).std).toBeGreaterThan(near);
  });

  it('takes its noise from repeated runs of one model, or assumes it', () => {
    expect(p.describe()).toMatch(/noise ±2\.1 points \(from 2 repeated runs\)/); // sample std of 0.78, 0.74, 0.75
    const once = measuredPredictor([run(tiny, 0.78), run(deep, 0.77), run(wide, 0.79)]);
    expect(once.describe()).toContain(`noise ±${(100 * DEFAULT_NOISE_STD).toFixed(1)} points (no model run twice: assumed)`);
  });

  it('describes its task, runs, models, steps, seeds, backend and fit', () => {
    const d = p.describe();
    for (const part of ['on names', '6 runs of 4 models', '150 steps', 'Seeds 1–3', 'backend wasm, tfjs 4.22.0', 'points per decade of non-embedding parameters', 'BERT-Base']) {
      expect(d).toContain(part);
    }
    expect(p.id).toBe('measured');
  });

  it('gives an accuracy range from the task\'s majority class to the best it predicts', () => {
    const { min, max } = p.accuracyRange!;
    expect(min).toBe(0.565);
    expect(max).toBeGreaterThanOrEqual(0.79);
    expect(max).toBeLessThanOrEqual(1);
  });

  it('starts the range at the majority class of each bundled task\'s test split', () => {
    for (const task of ['names', 'spam']) {
      const labels = loadDatasetFromDisk(task).splits.test.labels;
      const ones = labels.reduce((s, l) => s + l, 0);
      expect(Math.max(ones, labels.length - ones) / labels.length).toBeCloseTo(MAJORITY_CLASS_ACCURACY[task], 3);
    }
  });

  it('fits one task: the one with most runs, or the one named; pruned runs are left out', () => {
    const spam = [run(tiny, 0.95, 1, { dataset: 'spam' }), run(deep, 0.96, 1, { dataset: 'spam' }), run(wide, 0.97, 1, { dataset: 'spam' })];
    const pruned = run(bert(6, 128, 2, 256), 0.4, 1, { targetActivationSparsity: 0.9 });
    const mixed = [...RUNS, ...spam, pruned];
    expect(measuredPredictor(mixed).predict(tiny).source).toMatch(/on names \(6 runs of 4 models/);
    expect(measuredPredictor(mixed).describe()).toContain('1 pruned or unscored runs left out; 3 runs on other tasks not used');
    const s = measuredPredictor(mixed, { task: 'spam' }).predict(tiny);
    expect(s.source).toMatch(/on spam \(3 runs of 3 models/);
    expect(s.mean).toBeGreaterThan(0.9);
  });

  it('picks the task with most distinct models, not most runs: repeats of one model elsewhere do not take the fit away', () => {
    const repeats = Array.from({ length: 10 }, (_, k) => run(tiny, 0.95, k + 1, { dataset: 'spam' }));
    expect(measuredPredictor([...RUNS, ...repeats]).predict(tiny).source).toMatch(/on names \(6 runs of 4 models/);
  });

  it('fits one step count: a short run is a different measurement, said and left out', () => {
    const short = run(bert(2, 128, 12, 4096, 'c_5'), 0.565, 1, { steps: 8 });
    const p2 = measuredPredictor([...RUNS, short]);
    expect(p2.predict(tiny).mean).toBeCloseTo(p.predict(tiny).mean, 12);
    expect(p2.describe()).toContain('1 run at other step counts (8) not used');
    expect(() => measuredPredictor([...RUNS, short], { steps: 8 })).toThrow(/1 distinct model in 1 unpruned runs on names at 8 steps/);
  });

  it('does not trust a noise below 1.5 points from one lucky repeat', () => {
    const lucky = measuredPredictor([run(tiny, 0.75, 1), run(tiny, 0.7501, 2), run(deep, 0.77), run(wide, 0.79)]);
    expect(lucky.describe()).toMatch(/noise ±1\.5 points \(from 1 repeated runs\)/);
  });

  it('never predicts below the majority class, however steeply accuracy falls with size', () => {
    const falling = measuredPredictor([run(tiny, 0.78), run(deep, 0.7), run(wide, 0.6)]);
    expect(falling.predict(MODEL_PRESETS['bert-base'].model).mean).toBe(0.565);
    expect(falling.predict(tiny).mean).toBeGreaterThan(0.75);
  });

  it('is deterministic', () => {
    const q = measuredPredictor([...RUNS], { name: 'test runs' });
    for (const m of [tiny, conv, MODEL_PRESETS['bert-base'].model]) expect(q.predict(m)).toEqual(p.predict(m));
    expect(q.describe()).toBe(p.describe());
    expect(q.accuracyRange).toEqual(p.accuracyRange);
  });
});

describe('measuredPredictor refuses what it cannot fit, naming what is missing', () => {
  it.each([
    ['no runs', [], /lab runs: runs: no unpruned DynaProp lab runs among 0/],
    ['only pruned runs', [run(tiny, 0.7, 1, { targetGradientSparsity: 0.5 })], /no unpruned DynaProp lab runs among 1/],
    ['two models', [run(tiny, 0.78), run(tiny, 0.74, 2), run(deep, 0.77)], /runs: 2 distinct models in 3 unpruned runs on names at 150 steps; at least 3 are needed/],
    ['one model, many seeds', [1, 2, 3, 4].map((s) => run(tiny, 0.75, s)), /runs: 1 distinct model in 4 unpruned runs/],
  ] as const)('%s', (_, runs, message) => {
    expect(() => measuredPredictor(runs as MeasuredRun[])).toThrow(message);
  });
  it('a task with no runs', () => {
    expect(() => measuredPredictor(RUNS, { task: 'spam' })).toThrow(/task: no unpruned runs on "spam" \(runs exist on names\)/);
  });
});
