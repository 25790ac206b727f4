import { describe, expect, it } from 'vitest';
import { simulate } from '../elector/simulate.ts';
import { MODEL_PRESETS } from '../space/transformer/presets.ts';
import { ACCELERATOR_PRESETS } from '../space/accelerator/presets.ts';
import { emptyColumns, writeObjectives } from '../sweep/objectives.ts';
import { modeRun } from '../codesign/objective.ts';
import type { SimResult } from '../elector/types.ts';
import { perSequenceJ, perSequenceMetrics } from './perSequence.ts';

const tiny = MODEL_PRESETS['bert-tiny'].model;
const edge = ACCELERATOR_PRESETS['acceltran-edge'].config;

describe('perSequenceMetrics', () => {
  it('divides the batch energies by the batch size and multiplies energy per sequence by batch latency for EDP', () => {
    const r = { latencyS: 2e-3, throughputSeqPerS: 2000, totalEnergyNJ: 8e6, dynamicNJ: 6e6, leakageNJ: 2e6, batchSize: 4, areaMm2: 10, cycles: 1.4e6 } as SimResult;
    const m = perSequenceMetrics(r);
    expect(m.energyPerSeqJ).toBeCloseTo(2e-3, 15);
    expect(m.dynamicPerSeqJ + m.leakagePerSeqJ).toBeCloseTo(m.energyPerSeqJ, 15);
    expect(m.edpJs).toBeCloseTo(4e-6, 18);
  });

  it('gives NaN, not Infinity, for a batch of 0 (a malformed reply)', () => {
    expect(perSequenceJ(5, 0)).toBeNaN();
  });

  it('is the one definition: sweep columns and co-design metrics equal it for a real simulation', () => {
    const r = simulate(tiny, edge, { mode: 'inference', costModel: 'elector', timeline: false });
    const m = perSequenceMetrics(r);
    const cols = emptyColumns(1);
    writeObjectives(cols, 0, r, { parameters: 0, macs: 0, accuracy: 0.7, accuracyStd: 0.01 });
    expect(cols.energy[0]).toBe(m.energyPerSeqJ);
    expect(cols.dynamicEnergy[0]).toBe(m.dynamicPerSeqJ);
    expect(cols.leakageEnergy[0]).toBe(m.leakagePerSeqJ);
    expect(cols.edp[0]).toBe(m.edpJs);
    const co = modeRun(r).metrics;
    expect(co.dynamicEnergyJ).toBe(m.dynamicPerSeqJ);
    expect(co.leakageEnergyJ).toBe(m.leakagePerSeqJ);
  });
});
