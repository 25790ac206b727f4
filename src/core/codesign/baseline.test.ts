import { describe, expect, it } from 'vitest';
import { ACCELERATOR_PRESETS } from '../space/accelerator/presets.ts';
import { MODEL_PRESETS } from '../space/transformer/presets.ts';
import { BASELINE_NAME, BASELINE_PAIR, evaluateBaseline, ratiosAgainst } from './baseline.ts';
import { DEFAULT_OBJECTIVE, evaluatePair, REFERENCE_OBJECTIVE } from './objective.ts';
import { publishedPredictor } from './predictors/published.ts';
import type { Evaluation } from './types.ts';

const p = publishedPredictor();

const withMetrics = (latencyS: number, dyn: number, leak: number, area: number, acc: number, metrics = true): Evaluation => ({
  candidate: BASELINE_PAIR, embedding: { model: [], accelerator: [] },
  metrics: metrics ? { latencyS, dynamicEnergyJ: dyn, leakageEnergyJ: leak, areaMm2: area } : null,
  accuracy: { mean: acc, std: 0, source: 'test' }, performance: 0,
});

describe('baseline', () => {
  it('is BERT-Base on AccelTran-Server', () => {
    expect(BASELINE_NAME).toBe('BERT-Base on AccelTran-Server');
    expect(BASELINE_PAIR.model).toEqual(MODEL_PRESETS['bert-base'].model);
    expect(BASELINE_PAIR.accelerator).toEqual(ACCELERATOR_PRESETS['acceltran-server'].config);
    expect(evaluateBaseline(DEFAULT_OBJECTIVE, p).performance).toBe(evaluatePair(BASELINE_PAIR, DEFAULT_OBJECTIVE, p).performance);
    expect(evaluateBaseline(REFERENCE_OBJECTIVE, p).metrics).not.toBeNull();
  });

  it('ratios are baseline ÷ best, energy dynamic + leakage, accuracy a difference', () => {
    const base = withMetrics(10, 3, 1, 100, 0.77);
    const best = withMetrics(2, 1, 0.25, 50, 0.78);
    const r = ratiosAgainst(best, base);
    expect(r.latency).toBeCloseTo(5, 12);
    expect(r.energy).toBeCloseTo(4 / 1.25, 12);
    expect(r.area).toBeCloseTo(2, 12);
    expect(r.accuracyDelta).toBeCloseTo(0.01, 12);
    expect(ratiosAgainst(base, base)).toEqual({ latency: 1, energy: 1, area: 1, accuracyDelta: 0 });
  });

  it('has no ratio where the simulator failed', () => {
    const r = ratiosAgainst(withMetrics(0, 0, 0, 0, 0.7, false), withMetrics(1, 1, 1, 1, 0.77));
    expect(r).toEqual({ latency: null, energy: null, area: null, accuracyDelta: expect.closeTo(-0.07, 12) });
  });
});
