/**
 * Property tests of the elector model on 2,000 random valid (model, accelerator) pairs
 * from the design spaces' own samplers (AccelTran variant: the superset).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../rng.ts';
import { randomAccelerator } from '../../space/accelerator/sample.ts';
import type { AcceleratorConfig } from '../../space/accelerator/types.ts';
import { randomModel } from '../../space/transformer/sample.ts';
import type { ModelDict } from '../../space/transformer/types.ts';
import { ELECTOR_CONSTANTS } from '../constants/elector.ts';
import { REFERENCE_CONSTANTS } from '../constants/reference.ts';
import type { ElectorEnergyNJ, SimMode, Sparsity } from '../types.ts';
import { runElector, type ElectorRun } from './simulate.ts';

const PAIRS = 2000;
const constants = { reference: REFERENCE_CONSTANTS, elector: ELECTOR_CONSTANTS };
const KEYS = ['activation', 'weight', 'gradient'] as const;

interface Pair {
  model: ModelDict;
  acc: AcceleratorConfig;
  mode: SimMode;
  sparsity: Sparsity;
}

function randomPair(rng: Rng): Pair {
  return {
    model: randomModel(rng),
    acc: randomAccelerator(rng, 'acceltran'),
    mode: rng.next() < 0.5 ? 'inference' : 'training',
    sparsity: { activation: 0.9 * rng.next(), weight: 0.9 * rng.next(), gradient: 0.95 * rng.next() },
  };
}

const sim = (p: Pair, over: Partial<Pair> = {}): ElectorRun => {
  const q = { ...p, ...over };
  return runElector(q.model, q.acc, { mode: q.mode, clockMHz: 700, sparsity: q.sparsity, constants, timeline: false });
};

function allNumbers(r: ElectorRun): number[] {
  const x = r.result;
  return [
    x.cycles, x.latencyS, x.throughputSeqPerS, x.areaMm2, x.dynamicNJ, x.leakageNJ, x.totalEnergyNJ,
    ...Object.values(x.energyNJ as ElectorEnergyNJ).flat(), ...Object.values(x.areaByModuleMm2),
    x.traffic.mainMemoryReadBytes, x.traffic.mainMemoryWriteBytes, x.traffic.bufferBytes,
    ...Object.values(x.utilisation!), x.boundCycles!.compute, x.boundCycles!.memory,
  ];
}

describe(`elector model properties on ${PAIRS} random pairs`, () => {
  // One pass checks everything, so each pair is simulated only about three times.
  const failures: Record<string, string[]> = { finite: [], compute: [], memory: [], sparsity: [], sparsityBoth: [], training: [], area: [] };
  const counts: Record<string, number> = { sparsity: 0, training: 0 };
  const note = (what: string, i: number, detail: string) => {
    if (what in counts) counts[what]++;
    if (failures[what].length < 5) failures[what].push(`pair ${i}: ${detail}`);
  };

  beforeAll(() => {
    const rng = createRng('elector-properties');
    for (let i = 0; i < PAIRS; i++) checkPair(rng, i);
  }, 120_000); // a few seconds on an idle machine; generous for loaded CI

  function checkPair(rng: Rng, i: number): void {
    const p = randomPair(rng);
    const r = sim(p);
    const x = r.result;
    if (allNumbers(r).some((v) => !Number.isFinite(v) || v < 0)) note('finite', i, JSON.stringify(allNumbers(r)));
    // Lower bounds: all useful MAC work on all MACs, all main-memory bytes at wire rate.
    if (x.cycles < r.totals.macs / r.macUnits) note('compute', i, `${x.cycles} < ${r.totals.macs / r.macUnits}`);
    const bytes = x.traffic.mainMemoryReadBytes + x.traffic.mainMemoryWriteBytes;
    if (x.cycles < bytes / r.peakBytesPerCycle) note('memory', i, `${x.cycles} < ${bytes / r.peakBytesPerCycle}`);

    // Raising one sparsity (cycled over the three) never costs more time or energy.
    const key = KEYS[i % 3];
    const raised = { ...p.sparsity, [key]: Math.min(0.99, p.sparsity[key] + 0.05 + 0.3 * rng.next()) };
    const y = sim(p, { sparsity: raised }).result;
    const slower = y.cycles > x.cycles, costlier = y.totalEnergyNJ > x.totalEnergyNJ * (1 + 1e-9);
    if (slower || costlier) {
      const detail = `${key} ${p.sparsity[key]} → ${raised[key]}: cycles ${x.cycles} → ${y.cycles}, nJ ${x.totalEnergyNJ} → ${y.totalEnergyNJ}, sub-batch ${x.run?.subBatch} → ${y.run?.subBatch}`;
      note('sparsity', i, detail);
      if (slower && costlier) note('sparsityBoth', i, detail);
    }

    // Training does everything inference does, and more.
    const other = sim(p, { mode: p.mode === 'inference' ? 'training' : 'inference' }).result;
    const [inf, tr] = p.mode === 'inference' ? [x, other] : [other, x];
    if (!(tr.cycles > inf.cycles && tr.totalEnergyNJ > inf.totalEnergyNJ)) note('training', i, `${inf.cycles} vs ${tr.cycles}`);

    // Area is the hardware's: another model on the same accelerator has the same area.
    if (i % 10 === 0 && sim(p, { model: randomModel(rng) }).result.areaMm2 !== x.areaMm2) note('area', i, 'area changed with the model');
  }

  it('gives finite, non-negative numbers', () => expect(failures.finite).toEqual([]));
  it('never beats the compute bound (useful MACs / MAC units)', () => expect(failures.compute).toEqual([]));
  it('never beats the memory bound (main-memory bytes / peak bandwidth)', () => expect(failures.memory).toEqual([]));
  // More sparsity never makes a run both slower and costlier. A run may get slower to save
  // energy, or costlier to save time, where a choice made by policy flips: the sub-batch
  // choice's time-for-energy allowance (mapping.ts; 4 of the 5 pairs: slower by 5–10 % for
  // 8–29 % less energy, or 22 % faster for 6 % more), and the mask buffer going to the
  // activations first (1 pair: activations at s = 0.07 start to compress and take mask
  // bits from sparser weights: 0.1 % faster, 0.2 % more energy). Measured 5 of 2,000 pairs
  // (was 14 before the mapper weighed the mask buffer's bandwidth and the stash stopped
  // rounding the largest op out of the buffer); the bound is that measurement.
  it('never costs both more cycles and more energy when a sparsity rises, and trades one for the other in ≤ 5 pairs', () => {
    console.log('sparsity violations', counts.sparsity, failures.sparsity);
    expect(failures.sparsityBoth).toEqual([]);
    expect(counts.sparsity).toBeLessThanOrEqual(5);
  });
  // One pair (779): inference runs sub-batched by the same time-for-energy policy, slower
  // than its training micro-batch of the same model. Measured 1 of 2,000.
  it('costs more cycles and energy in training than in inference (all but ≤ 1 pair)', () => {
    console.log('training violations', counts.training, failures.training);
    expect(counts.training).toBeLessThanOrEqual(1);
  });
  it('has an area that does not depend on the model', () => expect(failures.area).toEqual([]));
});
