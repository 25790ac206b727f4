import { describe, expect, it } from 'vitest';
import type { RunSettings, SweepSettings } from '../share/schema.ts';
import type { Design } from '../share/session.ts';
import type { SimResult } from '../elector/types.ts';
import type { ResolvedSimOptions } from '../elector/simulate.ts';
import { simulate } from '../elector/simulate.ts';
import { MODEL_PRESETS } from '../space/transformer/presets.ts';
import { ACCELERATOR_PRESETS } from '../space/accelerator/presets.ts';
import { macsPerSequence, parameterCount } from '../space/transformer/counts.ts';
import { OBJECTIVES } from './objectives.ts';
import { DEFAULT_SETTINGS } from '../share/defaults.ts';
import { runSweepChunk, sweepSimOptions, type PairSimulator } from './run.ts';
import { samplePair } from './sample.ts';

const base: Design = { model: MODEL_PRESETS['bert-tiny'].model, accelerator: ACCELERATOR_PRESETS['acceltran-edge'].config };
const settings: RunSettings = { ...DEFAULT_SETTINGS, mode: 'inference', costModel: 'reference', sparsity: { activation: 0.5, weight: 0.5, gradient: 0.9 }, clockMHz: 700 };
const spec = (patch: Partial<SweepSettings>): SweepSettings => ({
  vary: 'accelerator', params: [], samples: 120, sampler: 'random', gridParams: [], seed: 4, ...patch,
});

/** A stand-in simulator: numbers derived from the design, failing on small weight buffers. */
const fake: PairSimulator = (_model, a) => {
  if (a.weightBufferMB < 16) throw new Error('Data is larger than what the weight buffer can store');
  return { latencyS: a.pe * 1e-6, totalEnergyNJ: 8e6, dynamicNJ: 6e6, leakageNJ: 2e6, batchSize: a.batchSize, areaMm2: a.pe } as SimResult;
};

describe('runSweepChunk', () => {
  it('records per-sequence energies, EDP and model counts per point', () => {
    const r = runSweepChunk(spec({ params: ['pe', 'batchSize'] }), { ...base, accelerator: { ...base.accelerator, weightBufferMB: 64 } }, settings, 0, 30, fake);
    expect(r.errors.every((e) => e === 0)).toBe(true);
    for (let row = 0; row < 30; row++) {
      const { accelerator } = samplePair(spec({ params: ['pe', 'batchSize'] }), base, row);
      expect(r.columns.energy[row]).toBeCloseTo(8e-3 / accelerator.batchSize, 12);
      expect(r.columns.dynamicEnergy[row] + r.columns.leakageEnergy[row]).toBeCloseTo(r.columns.energy[row], 12);
      expect(r.columns.edp[row]).toBeCloseTo(r.columns.energy[row] * r.columns.latency[row], 15);
      expect(r.columns.area[row]).toBe(accelerator.pe);
    }
    expect(r.columns.parameters[0]).toBe(parameterCount(base.model));
    expect(r.columns.macs[0]).toBe(macsPerSequence(base.model));
  });

  it('marks pairs that throw as errors with NaN objectives and counts their messages', () => {
    const r = runSweepChunk(spec({ params: ['weightBufferMB'] }), base, settings, 0, 100, fake);
    const failed = [...r.errors].reduce((a, b) => a + b, 0);
    expect(failed).toBeGreaterThan(10);
    expect(failed).toBeLessThan(100);
    expect(r.errorKinds).toEqual([{ message: 'Data is larger than what the weight buffer can store', count: failed }]);
    r.errors.forEach((e, row) => expect(Number.isNaN(r.columns.latency[row])).toBe(e === 1));
  });

  it('gives the same rows whichever chunk computes them', () => {
    const s = spec({ sampler: 'lhs' });
    const whole = runSweepChunk(s, base, settings, 0, 120, fake);
    const tail = runSweepChunk(s, base, settings, 70, 120, fake);
    for (const o of OBJECTIVES) expect([...tail.columns[o]]).toEqual([...whole.columns[o].subarray(70)]);
    expect([...tail.errors]).toEqual([...whole.errors.subarray(70)]);
  });

  it('passes every run setting to the simulator and counts MACs at the run’s sequence length', () => {
    const run: RunSettings = { ...settings, costModel: 'elector', mode: 'training', clockMHz: 900, seqLen: 256, accumulationSteps: 16, mlmHead: true, powerGating: false };
    const seen: ResolvedSimOptions[] = [];
    const r = runSweepChunk(spec({ vary: 'transformer', samples: 4 }), base, run, 0, 4, (m, a, o) => {
      seen.push(o);
      return fake(m, { ...a, weightBufferMB: 64 }, o);
    });
    expect(seen).toHaveLength(4);
    expect(seen[0]).toMatchObject({ mode: 'training', costModel: 'elector', clockMHz: 900, seqLen: 256, accumulationSteps: 16, mlmHead: true, powerGating: false, timeline: false });
    for (let row = 0; row < 4; row++) {
      const { model } = samplePair(spec({ vary: 'transformer', samples: 4 }), base, row);
      expect(r.columns.macs[row]).toBe(macsPerSequence(model, 256));
    }
    expect(sweepSimOptions(DEFAULT_SETTINGS)).toMatchObject({ seqLen: 128, accumulationSteps: 8, mlmHead: false, powerGating: true });
  });

  it('refuses a reference-model sweep at another sequence length, naming seqLen', () => {
    expect(() => runSweepChunk(spec({ samples: 4 }), base, { ...settings, seqLen: 256 }, 0, 4, fake)).toThrow(/^seqLen: /);
  });

  it('rejects chunks outside the sweep', () => {
    expect(() => runSweepChunk(spec({ samples: 10 }), base, settings, 5, 11, fake)).toThrow(RangeError);
    expect(() => runSweepChunk(spec({ samples: 10 }), base, settings, 6, 5, fake)).toThrow(RangeError);
  });

  for (const costModel of ['reference', 'elector'] as const) {
    it(`agrees with simulate() for the ${costModel} cost model`, () => {
      const s = spec({ vary: 'both', samples: 12 });
      const r = runSweepChunk(s, base, { ...settings, costModel }, 0, 12);
      for (let row = 0; row < 12; row++) {
        const { model, accelerator } = samplePair(s, base, row);
        let expected: SimResult | null = null;
        try {
          expected = simulate(model, accelerator, { ...settings, costModel, timeline: false });
        } catch {
          expected = null;
        }
        expect(r.errors[row]).toBe(expected ? 0 : 1);
        if (expected) expect(r.columns.latency[row]).toBe(expected.latencyS);
      }
    });
  }
});
