import { describe, expect, it } from 'vitest';
import { ACCELERATOR_PRESETS } from '../../space/accelerator/presets.ts';
import { MODEL_PRESETS } from '../../space/transformer/presets.ts';
import type { ReferenceEnergyNJ, SimMode, SimResult, Sparsity } from '../types.ts';
import { acceleratorOf, referenceOptions, relativeError } from './fixtures/vectors.ts';
import { CapacityError, referenceCycleBreakdown, simulateReference } from './simulate.ts';

const tiny = MODEL_PRESETS['bert-tiny'].model;
const edge = ACCELERATOR_PRESETS['acceltran-edge'].config;

function run(mode: SimMode, sparsity: Partial<Sparsity> = {}, clockMHz?: number): SimResult {
  return simulateReference(tiny, edge, referenceOptions(mode, { sparsity, clockMHz }));
}

function energy(r: SimResult): ReferenceEnergyNJ {
  return r.energyNJ as ReferenceEnergyNJ;
}

describe('sparsity', () => {
  it('activation sparsity shortens compute and activation stores, and leaves memory energy alone', () => {
    const base = run('inference');
    const sparse = run('inference', { activation: 0.8 });
    expect(sparse.cycles).toBeLessThan(base.cycles);
    expect(energy(sparse).macLanes[0]).toBeLessThan(energy(base).macLanes[0]);
    expect(energy(sparse).layerNorm[0]).toBeLessThan(energy(base).layerNorm[0]);
    // Buffer store energy is not scaled by sparsity; loads are scaled by weight sparsity only (§8).
    expect(energy(sparse).buffer).toBe(energy(base).buffer);
    expect(energy(sparse).mainMemory).toBe(energy(base).mainMemory);
    const a = referenceCycleBreakdown(tiny, edge, referenceOptions('inference'));
    const b = referenceCycleBreakdown(tiny, edge, referenceOptions('inference', { sparsity: { activation: 0.8 } }));
    expect(b.stores).toBeLessThan(a.stores);
    expect(b.loads).toBe(a.loads);
    expect(b.embedding).toBe(a.embedding);
  });

  it('weight sparsity shortens loads and the embedding, and cuts main-memory energy', () => {
    const base = run('inference');
    const sparse = run('inference', { weight: 0.75 });
    expect(sparse.cycles).toBeLessThan(base.cycles);
    expect(energy(sparse).mainMemory).toBeCloseTo(energy(base).mainMemory / 2, 6);
    expect(energy(sparse).macLanes).toEqual(energy(base).macLanes);
    expect(sparse.traffic.mainMemoryReadBytes).toBe(base.traffic.mainMemoryReadBytes / 2);
  });

  it('weight sparsity enters the capacity check: dense weights do not fit BERT-Tiny\'s table in 8 MB', () => {
    expect(() => run('inference', { weight: 0 })).toThrow(CapacityError);
  });

  it('gradient sparsity changes training only, and more of it means fewer backward cycles', () => {
    const inference = run('inference', { gradient: 0.2 });
    expect({ ...inference, sparsity: null }).toEqual({ ...run('inference'), sparsity: null });
    const base = run('training');
    const denser = run('training', { gradient: 0.5 });
    expect(denser.cycles).toBeGreaterThan(base.cycles);
    expect(energy(denser).macLanes[0]).toBeGreaterThan(energy(base).macLanes[0]);
  });
});

describe('clock', () => {
  it('sets latency and the energy per cycle; cycles and per-access memory energy stay', () => {
    const at700 = run('training');
    const at1400 = run('training', {}, 1400);
    expect(at1400.cycles).toBe(at700.cycles);
    expect(at1400.latencyS).toBe(at700.cycles / 1.4e9);
    expect(energy(at1400).buffer).toBe(energy(at700).buffer);
    expect(energy(at1400).mainMemory).toBe(energy(at700).mainMemory);
    for (const key of ['macLanes', 'softmax', 'layerNorm', 'sparsity', 'others'] as const) {
      for (const i of [0, 1]) expect(relativeError(energy(at1400)[key][i], energy(at700)[key][i] / 2)).toBeLessThan(1e-12);
    }
  });
});

describe('warnings', () => {
  it('BERT-Tiny on Edge gets only the two standing quirk notes, once each', () => {
    const w = run('training').warnings;
    expect(w).toHaveLength(2);
    expect(w[0]).toMatch(/MatMul work .* inflated ×4–32/);
    expect(w[1]).toMatch(/4 of 8 non-linearity ops are charged the tile count of the preceding LayerNorm/);
  });

  it('flags negative conv work for t=8 with c_13, and every backward conv', () => {
    const t8 = acceleratorOf([1, 8, 8, 1024, 128, 16, 2, 4, 4, 32, 1, 4]);
    const model = { l: 2, o: [['sa_sdp_64', 'c_5_64', 'c_13_64', 'c_13_64'], ['c_9_64', 'c_9_64']], h: [256, 256], f: [[512], [512]] };
    const inference = simulateReference(model, t8, referenceOptions('inference')).warnings;
    const conv = inference.filter((w) => w.startsWith('Convolution'));
    expect(conv).toHaveLength(1);
    expect(conv[0]).toContain('negative for 4 conv op(s) (k=9 with t=8; k=13 with t=8)');
    expect(new Set(inference).size).toBe(inference.length);

    const t16 = acceleratorOf([1, 16, 16, 64, 16, 16, 4, 4, 4, 8, 1, 8]);
    const c5 = { l: 2, o: [['sa_sdp_64', 'c_5_64'], ['sa_sdp_64', 'c_5_64']], h: [128, 128], f: [[512], [512]] };
    expect(simulateReference(c5, t16, referenceOptions('inference')).warnings.some((w) => w.startsWith('Convolution'))).toBe(false);
    const training = simulateReference(c5, t16, referenceOptions('training')).warnings;
    expect(training.find((w) => w.startsWith('Convolution'))).toContain('negative for 2 conv op(s) (every backward conv, k=128)');
  });
});
