import { describe, expect, it } from 'vitest';
import { MODEL_PRESETS } from '../space/transformer/presets.ts';
import { modelCounts } from '../space/transformer/counts.ts';
import { defaultSession } from '../share/defaults.ts';
import { modelFigures } from './modelFigures.ts';
import { runSweepChunk } from './run.ts';

describe('model figures for sweeps', () => {
  it('counts as modelCounts does, and predicts accuracy that grows from BERT-Tiny to BERT-Base', () => {
    const tiny = modelFigures(MODEL_PRESETS['bert-tiny'].model, 128);
    const base = modelFigures(MODEL_PRESETS['bert-base'].model, 128);
    expect({ parameters: tiny.parameters, macs: tiny.macs }).toEqual(modelCounts(MODEL_PRESETS['bert-tiny'].model, 128));
    expect(tiny.accuracy).toBeCloseTo(0.642, 2);
    expect(base.accuracy).toBeGreaterThan(tiny.accuracy + 0.1);
    // At a published model the uncertainty stays near the measurement noise.
    expect(base.accuracyStd).toBeLessThan(0.02);
  });

  it('is less certain about head types none of the published models uses', () => {
    const m = structuredClone(MODEL_PRESETS['bert-tiny'].model);
    m.o = m.o.map((ops) => ops.map(() => 'l_dft_64'));
    expect(modelFigures(m, 128).accuracyStd).toBeGreaterThan(modelFigures(MODEL_PRESETS['bert-tiny'].model, 128).accuracyStd + 0.02);
  });

  it('fills the accuracy columns of a sweep: constant over an accelerator sweep, varied over a transformer sweep', () => {
    const session = defaultSession();
    const run = (vary: 'accelerator' | 'transformer') =>
      runSweepChunk({ ...session.sweep, vary, samples: 40, seed: 5 }, session.design, session.settings, 0, 40);
    const acc = run('accelerator').columns;
    expect(new Set(acc.accuracy).size).toBe(1);
    expect(Number.isFinite(acc.accuracy[0]) && acc.accuracyStd[0] > 0).toBe(true);
    const models = run('transformer').columns;
    expect(new Set(models.accuracy).size).toBeGreaterThan(5);
    for (const v of models.accuracy) expect(v).toBeGreaterThan(0.3);
  });

});
