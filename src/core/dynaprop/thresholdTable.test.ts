import { describe, expect, it } from 'vitest';
import { buildThresholdTable, sparsityForThreshold, thresholdForSparsity } from './thresholdTable.ts';
import type { MagnitudeSample } from './profiler.ts';
import { createRng } from '../rng.ts';

const tag = { layer: 0, opType: 'ff' as const, site: 'ff1' as const };

function uniformSample(n: number, scale: number, numel = n, opType: 'ff' | 'sa_sdp' = 'ff'): MagnitudeSample {
  const rng = createRng(n + scale);
  return { tag: { ...tag, opType }, direction: 'fwd', numel, magnitudes: Float32Array.from({ length: n }, () => rng.next() * scale) };
}

describe('threshold lookup table', () => {
  it('returns the quantile of |x|: uniform on [0, 1) gives τ ≈ s', () => {
    const table = buildThresholdTable([uniformSample(20_000, 1)], 'fwd')!;
    for (const s of [0.3, 0.5, 0.7, 0.95]) expect(thresholdForSparsity(table, s)).toBeCloseTo(s, 1);
  });

  it('is monotone in the target and inverts to the target', () => {
    const table = buildThresholdTable([uniformSample(5000, 2), uniformSample(3000, 0.1)], 'fwd')!;
    let last = -1;
    for (let s = 0; s < 0.999; s += 0.013) {
      const tau = thresholdForSparsity(table, s);
      expect(tau).toBeGreaterThanOrEqual(last);
      last = tau;
      expect(Math.abs(sparsityForThreshold(table, tau) - s)).toBeLessThan(0.011);
    }
  });

  it('weights a sample by the elements it stands for', () => {
    // Small values stand for 9× more elements: 90 % of the mass is below 0.1.
    const table = buildThresholdTable([uniformSample(1000, 0.1, 9000), { ...uniformSample(1000, 1, 1000), magnitudes: Float32Array.from({ length: 1000 }, (_, i) => 0.1 + i / 1000) }], 'fwd')!;
    expect(thresholdForSparsity(table, 0.89)).toBeLessThan(0.1);
    expect(thresholdForSparsity(table, 0.95)).toBeGreaterThan(0.1);
  });

  it('gives τ = 0 below the fraction of exact zeros, and per-op-type tables see only their sites', () => {
    const zeros: MagnitudeSample = { tag, direction: 'fwd', numel: 100, magnitudes: new Float32Array(100) };
    const table = buildThresholdTable([zeros, uniformSample(100, 1)], 'fwd')!;
    expect(table.zeroFraction).toBeCloseTo(0.5, 5);
    expect(thresholdForSparsity(table, 0.3)).toBe(0);
    const sa = buildThresholdTable([uniformSample(500, 5, 500, 'sa_sdp'), uniformSample(500, 1)], 'fwd', 'sa_sdp')!;
    expect(thresholdForSparsity(sa, 0.5)).toBeGreaterThan(2);
    expect(buildThresholdTable([uniformSample(10, 1)], 'bwd')).toBeNull();
  });

  it('rejects a target outside [0, 1)', () => {
    const table = buildThresholdTable([uniformSample(100, 1)], 'fwd')!;
    expect(() => thresholdForSparsity(table, 1)).toThrow(/\[0, 1\)/);
    expect(() => thresholdForSparsity(table, -0.1)).toThrow(/\[0, 1\)/);
  });
});
