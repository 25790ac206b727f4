import { describe, expect, it } from 'vitest';
import { acceleratorFromEmbedding } from '../space/accelerator/embedding.ts';
import { ACCELERATOR_PRESETS } from '../space/accelerator/presets.ts';
import { MODEL_PRESETS } from '../space/transformer/presets.ts';
import { BASELINE_PAIR } from './baseline.ts';
import {
  DEFAULT_OBJECTIVE, evaluatePair, FAILED_PERFORMANCE, normalisedTerms, performanceOf, REFERENCE_MAXIMA, REFERENCE_OBJECTIVE,
  validateObjective, type CodesignObjective, type ModeRun,
} from './objective.ts';
import { deriveBounds, METRIC_BOUNDS, round2 } from './objectiveBounds.ts';
import { publishedPredictor } from './predictors/published.ts';
import type { Predictor } from './predictors/predictor.ts';

const published = publishedPredictor();
const fixed = (mean: number): Predictor => ({ id: 'imported', predict: () => ({ mean, std: 0, source: 'test' }), describe: () => 'test' });

const run = (latencyS: number, dynamicEnergyJ: number, leakageEnergyJ: number, areaMm2: number): ModeRun => ({
  metrics: { latencyS, dynamicEnergyJ, leakageEnergyJ, areaMm2 }, cycles: latencyS * 700e6, dynamicNJ: dynamicEnergyJ * 4e9, leakageNJ: leakageEnergyJ * 4e9,
});

describe('evaluatePair', () => {
  it('scores BERT-Base on AccelTran-Server below a clearly better pair', () => {
    const base = evaluatePair(BASELINE_PAIR, DEFAULT_OBJECTIVE, published);
    // The same model on a chip with fewer PEs but 4× the lanes per PE and RRAM with 16 channels:
    // lower latency, dynamic and leakage energy and area, all at once.
    const decoded = acceleratorFromEmbedding([1, 16, 16, 256, 128, 16, 32, 4, 32, 64, 8, 3]);
    if (!decoded.ok) throw new Error('test accelerator does not decode');
    const better = evaluatePair({ model: BASELINE_PAIR.model, accelerator: decoded.value }, DEFAULT_OBJECTIVE, published);
    const [b, m] = [base.metrics!, better.metrics!];
    expect(m.latencyS).toBeLessThan(b.latencyS / 5);
    expect(m.dynamicEnergyJ).toBeLessThan(b.dynamicEnergyJ);
    expect(m.leakageEnergyJ).toBeLessThan(b.leakageEnergyJ);
    expect(m.areaMm2).toBeLessThan(b.areaMm2);
    expect(base.performance).toBeGreaterThan(0);
    expect(base.performance).toBeLessThan(1);
    expect(better.performance).toBeGreaterThan(base.performance);
    expect(base.embedding.model).toHaveLength(37);
    expect(base.embedding.accelerator).toHaveLength(12);
    expect(base.accuracy.source).toMatch(/Turc.*Devlin/);
  });

  it('gives a pair the simulator refuses metrics null and performance −1', () => {
    // The reference cost model refuses BERT-Base's embedding table in Edge's 8 MB weight buffer.
    const e = evaluatePair({ model: MODEL_PRESETS['bert-base'].model, accelerator: ACCELERATOR_PRESETS['acceltran-edge'].config }, REFERENCE_OBJECTIVE, published);
    expect(e.metrics).toBeNull();
    expect(e.performance).toBe(FAILED_PERFORMANCE);
    expect(e.error).toMatch(/weight buffer/);
  });

  it('reports latency per batch in inference and per optimizer step in training, energy per sequence', () => {
    const inf = evaluatePair(BASELINE_PAIR, DEFAULT_OBJECTIVE, published).metrics!;
    const tr = evaluatePair(BASELINE_PAIR, { ...DEFAULT_OBJECTIVE, mode: 'training' }, published).metrics!;
    const both = evaluatePair(BASELINE_PAIR, { ...DEFAULT_OBJECTIVE, mode: 'both', trainingShare: 0.25 }, published).metrics!;
    expect(tr.latencyS).toBeGreaterThan(8 * inf.latencyS); // 8 micro-batches, each forward + backward
    expect(both.latencyS).toBeCloseTo(0.75 * inf.latencyS + 0.25 * tr.latencyS, 12);
    expect(inf.dynamicEnergyJ).toBeGreaterThan(1e-4);
    expect(inf.dynamicEnergyJ).toBeLessThan(1e-1);
  });

  it('reproduces the reference objective on its own terms', () => {
    const e = evaluatePair(BASELINE_PAIR, REFERENCE_OBJECTIVE, fixed(0.8));
    const m = e.metrics!;
    const cycles = m.latencyS * 700e6, dyn = m.dynamicEnergyJ * 4 * 1e9, leak = m.leakageEnergyJ * 4 * 1e9; // batch 4
    const expected = 0.5 * 0.8 + 0.1 * (1 - cycles / REFERENCE_MAXIMA.cycles) + 0.2 * (1 - dyn / REFERENCE_MAXIMA.dynamicNJ) + 0.1 * (1 - leak / REFERENCE_MAXIMA.leakageNJ);
    expect(e.performance).toBeCloseTo(expected / 0.9, 9);
  });
});

describe('performance', () => {
  const s = DEFAULT_OBJECTIVE as CodesignObjective;
  const score = (r: ModeRun, acc = 0.7) => performanceOf(normalisedTerms({ inference: r }, acc, s), s.weights);
  const mid = [1e-4, 1e-3, 1e-4, 500] as const;

  it.each([0, 1, 2, 3])('falls as metric %i grows, and rises with accuracy', (k) => {
    let previous = Infinity;
    for (const f of [0.01, 0.1, 1, 10, 100]) {
      const v = [...mid] as number[];
      v[k] *= f;
      const p = score(run(v[0], v[1], v[2], v[3]));
      expect(p).toBeLessThan(previous);
      previous = p;
    }
    expect(score(run(...mid), 0.75)).toBeGreaterThan(score(run(...mid), 0.7));
  });

  it('stays in [0, 1] and saturates beyond the bounds', () => {
    const best = score(run(1e-9, 1e-9, 1e-9, 1), 1);
    const worst = score(run(1e3, 1e3, 1e3, 1e6), 0);
    expect(best).toBeCloseTo(1, 12);
    expect(worst).toBeCloseTo(0, 12);
  });

  it('divides the weights by their sum', () => {
    const r = run(...mid);
    const twice = { ...s, weights: Object.fromEntries(Object.entries(s.weights).map(([k, w]) => [k, 2 * w])) } as unknown as CodesignObjective;
    expect(performanceOf(normalisedTerms({ inference: r }, 0.7, twice), twice.weights)).toBeCloseTo(score(r), 12);
  });
});

describe('validateObjective', () => {
  it('fills defaults', () => {
    expect(validateObjective({})).toMatchObject({ mode: 'inference', costModel: 'elector', normalisation: 'sampled', weights: { accuracy: 0.5, area: 0.1 } });
  });
  it.each([
    [{ weights: { latency: -0.1 } }, /weights\.latency: -0\.1 must be a number ≥ 0/],
    [{ weights: { accuracy: 0, latency: 0, dynamicEnergy: 0, leakageEnergy: 0, area: 0 } }, /weights: all weights are 0/],
    [{ weights: { area: 'x' } }, /weights\.area/],
    [{ mode: 'train' }, /mode: "train" must be inference, training or both/],
    [{ trainingShare: 1.5 }, /trainingShare/],
    [{ costModel: 'gpu' }, /costModel/],
    [{ normalisation: 'linear' }, /normalisation/],
    [{ sparsity: { weight: 1 } }, /sparsity\.weight/],
    [{ accuracyFloor: 'bert-base' }, /accuracyFloor: bert-base must be "baseline" or a score in \[0, 1\]/],
    [{ accuracyFloor: 77 }, /accuracyFloor: 77/],
    [{ accuracyFloor: 'baseline', normalisation: 'reference' }, /accuracyFloor: needs the default \(sampled\) normalisation/],
  ])('refuses %j naming the field', (x, message) => {
    expect(() => validateObjective(x)).toThrow(message);
  });
});

describe('frozen bounds', () => {
  it('contain every metric of a fresh seeded sample, with room below', () => {
    const fresh = deriveBounds({ seed: 'objective-test', samples: 30, marginBelow: 0, marginAbove: 0 });
    for (const costModel of ['elector', 'reference'] as const) {
      for (const mode of ['inference', 'training'] as const) {
        for (const [k, [lo, hi]] of Object.entries(fresh[costModel][mode])) {
          const [flo, fhi] = METRIC_BOUNDS[costModel][mode][k as keyof (typeof fresh)['elector']['inference']];
          expect(flo).toBeLessThan(lo);
          expect(fhi).toBeGreaterThanOrEqual(hi * 0.99);
        }
      }
    }
  }, 30_000);

  it('rounds outward to two significant digits', () => {
    expect(round2(0.0123, 'down')).toBe(0.012);
    expect(round2(0.0123, 'up')).toBe(0.013);
    expect(round2(37000, 'up')).toBe(37000);
  });
});
