import { describe, expect, it } from 'vitest';
import { MODEL_PRESETS } from '../space/transformer/presets.ts';
import { accuracyFloorOf, withinFloor } from './accuracyFloor.ts';
import { BASELINE_PAIR } from './baselinePair.ts';
import { DEFAULT_OBJECTIVE, evaluatePair, FAILED_PERFORMANCE, type CodesignObjective } from './objective.ts';
import { publishedPredictor } from './predictors/published.ts';

const published = publishedPredictor();

describe('accuracy floor', () => {
  const range = { min: 0.6, max: 0.8 };
  it('ranks every pair below the floor under every pair above it, nearer the floor higher', () => {
    // Above: unchanged. Below: in [−1, 0), the best-scoring pair just under the floor still below the worst above it.
    expect(withinFloor(0.42, 0.75, 0.7, range)).toBe(0.42);
    expect(withinFloor(0.42, 0.7, 0.7, range)).toBe(0.42);
    const justUnder = withinFloor(1, 0.6999, 0.7, range);
    expect(justUnder).toBeLessThan(0);
    expect(justUnder).toBeGreaterThan(withinFloor(1, 0.65, 0.7, range));
    expect(withinFloor(0.9, 0.65, 0.7, range)).toBeGreaterThan(withinFloor(0.3, 0.65, 0.7, range));
    expect(withinFloor(0, 0, 0.7, range)).toBe(FAILED_PERFORMANCE);
    expect(withinFloor(0.5, 0.1, null, range)).toBe(0.5);
  });
  it('resolves `baseline` to the baseline model\'s predicted score, so the baseline itself meets it', () => {
    const settings: CodesignObjective = { ...DEFAULT_OBJECTIVE, accuracyFloor: 'baseline' };
    expect(accuracyFloorOf(settings, published)).toBe(published.predict(BASELINE_PAIR.model).mean);
    expect(evaluatePair(BASELINE_PAIR, settings, published).performance).toBe(evaluatePair(BASELINE_PAIR, DEFAULT_OBJECTIVE, published).performance);
    // BERT-Tiny on the same chip is far faster, and predicted 13 points lower: under the floor it scores below 0.
    const tiny = { model: MODEL_PRESETS['bert-tiny'].model, accelerator: BASELINE_PAIR.accelerator };
    expect(evaluatePair(tiny, DEFAULT_OBJECTIVE, published).performance).toBeGreaterThan(0);
    expect(evaluatePair(tiny, settings, published).performance).toBeLessThan(0);
    expect(accuracyFloorOf({ ...DEFAULT_OBJECTIVE, accuracyFloor: 0.5 }, published)).toBe(0.5);
    expect(accuracyFloorOf(DEFAULT_OBJECTIVE, published)).toBeNull();
  });
});

