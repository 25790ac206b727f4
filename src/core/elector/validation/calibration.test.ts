import { describe, expect, it } from 'vitest';
import { validateAccelerator } from '../../space/accelerator/validate.ts';
import type { ElectorEnergyNJ } from '../types.ts';
import { runLayer } from './benchmarkLayer.ts';
import { calibrate, chipOptions, DEFAULT_ASSUMPTIONS, int8DatapathFactor, predictBert } from './calibration.ts';
import { sensitivity } from './sensitivity.ts';
import { closeCount, closeRatio } from './testTolerance.ts';
import { bertBaseMacs, bertEnergyMJ, bertMacsPerInference, chipAccelerator, voltageExponentFromTitle, VSQ_CHIP } from './vsqChip.ts';

describe('the VSQ chip: published figures (docs/elector-validation.md §3)', () => {
  it('0.577 mJ per inference and 11.16 G MACs, consistent with BERT-Base over 128 tokens', () => {
    closeCount(bertEnergyMJ(), 0.5767);
    closeCount(bertMacsPerInference(), 11.16e9);
    expect(bertBaseMacs()).toBe(11_173_625_856);
    closeRatio(bertMacsPerInference() / bertBaseMacs(), 0.999);
  });

  it('the 17–95.6 TOPS/W range, read as one layer from 1.05 V to 0.46 V, means E ∝ V^2.09', () => {
    closeRatio(voltageExponentFromTitle(), 2.09);
  });

  it('the INT4/INT8 ratio 2.33 implies an INT8 datapath ×2.47–2.55 per op for p = 60–70 %', () => {
    closeRatio(VSQ_CHIP.benchmarkTopsPerW.int4 / VSQ_CHIP.benchmarkTopsPerW.int8, 2.33);
    closeRatio(int8DatapathFactor(0.6), 2.55);
    closeRatio(int8DatapathFactor(0.65), 2.51);
    closeRatio(int8DatapathFactor(0.7), 2.47);
  });
});

describe('the chip in our design space', () => {
  it('1024 one-MAC lanes validate; 64 lanes of 16 MACs (lanesPerPe 1) and batch 1 do not', () => {
    const lanes = chipAccelerator('lanes');
    expect(lanes.pe * lanes.lanesPerPe * lanes.macsPerLane).toBe(1024);
    expect(validateAccelerator(lanes, 'acceltran').ok).toBe(true);
    expect(validateAccelerator(chipAccelerator('vector'), 'acceltran').ok).toBe(false);
    expect(validateAccelerator(chipAccelerator('lanes', 1), 'acceltran').ok).toBe(false);
  });

  it('the benchmark layer runs on chip: no main-memory traffic, half the MACs skipped, 589,826 cycles', () => {
    const r = runLayer(chipAccelerator(), DEFAULT_ASSUMPTIONS.benchmark, chipOptions(1, 1, 0.5));
    expect(r.mainMemoryBytes).toBe(0);
    expect(r.denseMacs).toBe(4 * 128 * 768 * 3072);
    expect(r.macs).toBe(r.denseMacs / 2);
    closeCount(r.cycles, 589_826);
  });

  it('energy is linear in α and β, and leakage is zero on chip', () => {
    const acc = chipAccelerator();
    const e1 = runLayer(acc, DEFAULT_ASSUMPTIONS.benchmark, chipOptions(1, 1, 0.5)).energyNJ;
    const e2 = runLayer(acc, DEFAULT_ASSUMPTIONS.benchmark, chipOptions(0.5, 3, 0.5)).energyNJ;
    const keys = Object.keys(e1) as (keyof ElectorEnergyNJ)[];
    for (const k of keys) {
      if (k === 'mainMemory') continue;
      expect(e1[k][1], k).toBe(0);
      const f = k.endsWith('Buffer') ? 3 : 0.5;
      expect(e2[k][0], k).toBeCloseTo(e1[k][0] * f, 6);
    }
  });
});

describe('calibration on the benchmark layer', () => {
  const cal = calibrate();
  it('reproduces 95.6 TOPS/W with a 65 % datapath share', () => {
    expect(cal.topsPerW).toBeCloseTo(95.6, 9);
    expect(cal.calibrated.datapathNJ / (cal.calibrated.datapathNJ + cal.calibrated.movementNJ)).toBeCloseTo(0.65, 9);
    closeCount(cal.ops, 2 * 1.208e9);
  });

  it('α, β and the energies per action they give', () => {
    closeRatio(cal.alpha, 0.00958);
    closeRatio(cal.beta, 1.088);
    closeCount((cal.uncalibrated.datapathNJ + cal.uncalibrated.movementNJ) / 1e3, 1722.1);
    closeCount((cal.calibrated.datapathNJ + cal.calibrated.movementNJ) / 1e3, 25.27);
    closeRatio(cal.uncalibratedShare, 0.995);
    closeRatio(cal.shareAtUnitBeta, 0.678);
    closeCount(cal.datapathFJPerMac.before, 1418.9);
    closeCount(cal.datapathFJPerMac.after, 13.6);
    closeCount(cal.movementFJPerMac.before, 6.73);
    closeCount(cal.movementFJPerMac.after, 7.32);
    closeCount(cal.sramPJPerBitBefore.activation, 0.3203);
    closeCount(cal.sramPJPerBitBefore.weight, 0.453);
    closeCount(cal.sramPJPerBitBefore.mask, 0.1132);
    closeCount(cal.sramPJPerBit.activation, 0.3485);
    closeCount(cal.sramPJPerBit.weight, 0.4929);
    closeCount(cal.sramPJPerBit.mask, 0.1232);
    closeRatio((cal.ops / (cal.uncalibrated.datapathNJ + cal.uncalibrated.movementNJ)) * 1e-3, 1.4);
  });
});

describe('prediction: BERT-Base per inference on chip at 0.67 V', () => {
  const p = predictBert();
  it('0.617 mJ, +6.9 % from the published 0.577 mJ: inside the ±25 % goal', () => {
    expect(p.inSpace).toBe(true);
    closeCount(p.onChipMJ, 0.6166);
    closeCount(p.onChipAt046mJ * 1e3, 290.7);
    closeRatio(p.voltageFactor, 2.121);
    closeRatio(1 + p.distance, 1.069);
    expect(Math.abs(p.distance)).toBeLessThan(0.25);
    closeRatio(p.topsPerW, 36.2);
    closeRatio(VSQ_CHIP.benchmarkTopsPerW.vsq / p.voltageFactor, 45.1);
  });

  it('by part, µJ at 0.46 V, and main memory apart', () => {
    const expected = {
      macLanes: 50.62, sparsity: 41.27, operandDelivery: 58.13, softmax: 0.14, layerNorm: 0.18,
      activationBuffer: 48.07, weightBuffer: 83.77, maskBuffer: 8.47,
    };
    for (const [k, v] of Object.entries(expected)) {
      const got = p.at046uJ[k as keyof typeof expected];
      if (v < 1) closeRel2(got, v, 0.05, k);
      else closeCount(got, v, k);
    }
    closeCount(p.mainMemoryMJ * 1e3, 1716);
  });

  it('sensitivity to the assumptions', () => {
    const expected: [string, string, number, number, number][] = [
      ['baseline', '', 0.00958, 1.088, 0.617],
      ['datapath share p', '50 %', 0.00737, 1.554, 0.671],
      ['datapath share p', '60 %', 0.00885, 1.244, 0.635],
      ['datapath share p', '70 %', 0.01032, 0.933, 0.599],
      ['datapath share p', '80 %', 0.0118, 0.622, 0.563],
      ['voltage exponent k', '1.5', 0.00958, 1.088, 0.511],
      ['voltage exponent k', '2.09', 0.00958, 1.088, 0.638],
      ['voltage exponent k', '2.5', 0.00958, 1.088, 0.744],
      ['array', '64 lanes', 0.01771, 0.348, 0.527],
      ['batch', '1', 0.00958, 0.422, 0.633],
      ['benchmark layer', '768 → 768 over 128', 0.00958, 0.981, 0.587],
      ['benchmark layer', '768 → 768 over 16', 0.00958, 0.242, 0.385],
      ['BERT input density', '70 %', 0.00958, 1.088, 0.768],
      ['BERT input density', '100 %', 0.00958, 1.088, 0.992],
      ['stored width', '20 bits', 0.00958, 0.231, 0.619],
      ['what β scales', 'SRAM and', 0.01564, 0.013, 0.492],
    ];
    const rows = sensitivity();
    expect(rows.length).toBe(expected.length);
    rows.forEach((row, i) => {
      const [label, value, alpha, beta, mj] = expected[i];
      expect(row.label).toBe(label);
      expect(row.value.startsWith(value), `${row.value} starts with ${value}`).toBe(true);
      closeRatio(row.p.calibration.alpha, alpha, `${label} ${value} α`);
      closeRatio(row.p.calibration.beta, beta, `${label} ${value} β`);
      closeCount(row.p.onChipMJ, mj, `${label} ${value} mJ`);
    });
    expect(rows.filter((r) => Math.abs(r.p.distance) <= 0.25).length).toBe(12);
  });
});

function closeRel2(actual: number, expected: number, rel: number, what: string): void {
  expect(Math.abs(actual - expected) <= rel * expected, `${what}: ${actual} vs ${expected}`).toBe(true);
}
