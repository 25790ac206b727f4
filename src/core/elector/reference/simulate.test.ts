import { describe, expect, it } from 'vitest';
import { ACCELERATOR_PRESETS } from '../../space/accelerator/presets.ts';
import { MODEL_PRESETS } from '../../space/transformer/presets.ts';
import type { ReferenceEnergyNJ } from '../types.ts';
import { CapacityError, referenceCycleBreakdown, simulateReference } from './simulate.ts';
import { acceleratorOf, loadVectors, referenceOptions, relativeError } from './fixtures/vectors.ts';

const vectors = loadVectors();

describe('reference model against the AccelTran fast-simulator vectors', () => {
  it('has all 32 vectors, both modes', () => {
    expect(vectors).toHaveLength(32);
    expect(new Set(vectors.map((v) => v.mode))).toEqual(new Set(['inference', 'training']));
  });

  for (const v of vectors.filter((x) => x.expect)) {
    it(`reproduces ${v.name}`, () => {
      const r = simulateReference(v.model, acceleratorOf(v.accelerator), referenceOptions(v.mode));
      const x = v.expect!;
      const e = r.energyNJ as ReferenceEnergyNJ;
      expect(r.cycles).toBe(x.cycles);
      expect(r.areaMm2).toBe(x.area);
      const fields: [string, number, number][] = [
        ['buffer', e.buffer, x.energy.buffer],
        ['mainMemory', e.mainMemory, x.energy.main_memory],
      ];
      const pairs = [
        ['macLanes', 'mac_lanes'],
        ['softmax', 'softmax'],
        ['layerNorm', 'layer_norm'],
        ['sparsity', 'sparsity'],
        ['others', 'others'],
      ] as const;
      for (const [ours, theirs] of pairs) {
        fields.push([`${ours}.dynamic`, e[ours][0], x.energy[theirs][0]]);
        fields.push([`${ours}.leakage`, e[ours][1], x.energy[theirs][1]]);
      }
      expect(fields).toHaveLength(12);
      const off = fields.filter(([, a, b]) => relativeError(a, b) > 1e-12).map(([k, a, b]) => `${k}: ${a} vs ${b}`);
      expect(off).toEqual([]);
    });
  }

  for (const v of vectors.filter((x) => x.expectError)) {
    it(`raises CapacityError for ${v.name}`, () => {
      expect(v.expectError).toContain('Data is larger than what the weight buffer can store');
      const run = () => simulateReference(v.model, acceleratorOf(v.accelerator), referenceOptions(v.mode));
      expect(run).toThrow(CapacityError);
      expect(run).toThrow(/weightBufferMB: the embedding table .* does not fit the \d+ MB weight buffer/);
    });
  }
});

describe('the §6 worked example: BERT-Tiny on AccelTran-Edge, inference', () => {
  const tiny = MODEL_PRESETS['bert-tiny'].model;
  const edge = ACCELERATOR_PRESETS['acceltran-edge'].config;

  it('takes 167,596 cycles, split as the spec explains', () => {
    const parts = referenceCycleBreakdown(tiny, edge, referenceOptions('inference'));
    expect(parts).toEqual({
      embedding: 49_954,
      // Per layer: two heads of 5,120 MAC cycles serialised, plus the first head's 16-cycle softmax.
      headBlocks: 2 * 10_256,
      layerNorm: 4 * 64,
      feedForward: 2 * (8_192 + 32_768),
      nonLinearity: 4 * 256,
      loads: 4 * 3_338,
      stores: 2 * (231 + 58),
    });
    const total = Object.values(parts).reduce((a, b) => a + b, 0);
    expect(total).toBe(167_596);
    expect(simulateReference(tiny, edge, referenceOptions('inference')).cycles).toBe(167_596);
  });

  it('fills the rest of SimResult consistently', () => {
    const r = simulateReference(tiny, edge, referenceOptions('inference'));
    const e = r.energyNJ as ReferenceEnergyNJ;
    expect(r.costModel).toBe('reference');
    expect(r.mode).toBe('inference');
    expect(r.batchSize).toBe(4);
    expect(r.latencyS).toBe(167_596 / 700e6);
    expect(r.throughputSeqPerS).toBe(4 / r.latencyS);
    expect(r.dynamicNJ).toBe(e.buffer + e.mainMemory + e.macLanes[0] + e.softmax[0] + e.layerNorm[0] + e.sparsity[0] + e.others[0]);
    expect(r.leakageNJ).toBe(e.macLanes[1] + e.softmax[1] + e.layerNorm[1] + e.sparsity[1] + e.others[1]);
    expect(r.totalEnergyNJ).toBe(r.dynamicNJ + r.leakageNJ);
    const moduleSum = Object.values(r.areaByModuleMm2).reduce((a, b) => a + b, 0);
    expect(relativeError(moduleSum, r.areaMm2)).toBeLessThan(1e-9);
    expect(r.sparsity).toEqual({ activation: 0.5, weight: 0.5, gradient: 0.9 });
  });

  it('counts main-memory reads including the embedding table, and no writes', () => {
    const r = simulateReference(tiny, edge, referenceOptions('inference'));
    // Elements: embedding (30522+128)·128; per layer two heads of q,k,v (4·128·64 each) and o
    // (4·64·128) weights, plus FF weights 4·128·512 twice. At 10 bits each.
    const embedding = 30_650 * 128;
    const perLayer = 2 * 4 * (4 * 128 * 64) + 2 * (4 * 128 * 512);
    expect(r.traffic.mainMemoryReadBytes).toBe(((embedding + 2 * perLayer) * 10) / 8);
    expect(r.traffic.mainMemoryWriteBytes).toBe(0);
    expect(r.traffic.bufferBytes).toBeGreaterThan(0);
  });
});

describe('capacity', () => {
  const server = ACCELERATOR_PRESETS['acceltran-server'].config;
  const model = (h: number) => ({ l: 2, o: [['sa_sdp_64', 'sa_sdp_64'], ['sa_sdp_64', 'sa_sdp_64']], h: [h, h], f: [[512], [512]] });

  it('fits h₀ = 128 in 8 MB, 256 in 16 MB, 512 and 768 in 32 MB, and not in the size below', () => {
    const cases: [number, number, number][] = [
      [128, 8, -1],
      [256, 16, 8],
      [512, 32, 16],
      [768, 32, 16],
    ];
    for (const [h, fits, tooSmall] of cases) {
      expect(() => simulateReference(model(h), { ...server, weightBufferMB: fits }, referenceOptions('inference'))).not.toThrow();
      if (tooSmall > 0) {
        expect(() => simulateReference(model(h), { ...server, weightBufferMB: tooSmall }, referenceOptions('inference'))).toThrow(CapacityError);
      }
    }
  });

  it('names the sizes involved', () => {
    try {
      simulateReference(model(512), { ...server, weightBufferMB: 16 }, referenceOptions('inference'));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CapacityError);
      const err = e as CapacityError;
      expect(err.path).toBe('weightBufferMB');
      expect(err.availableMB).toBe(16);
      expect(err.requiredMB).toBeCloseTo((30_650 * 512 * 10) / (8 * 1024 * 1024), 9);
      expect(err.message).toContain('(30522 + 128) × 512 = 15.7M elements, 18.7 MB at 10 bits each');
      expect(err.message).toContain('does not fit the 16 MB weight buffer');
    }
  });
});
