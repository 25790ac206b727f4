import { describe, expect, it } from 'vitest';
import { createRng } from '../../../core/rng.ts';
import { hypervolume } from '../../../core/pareto/index.ts';
import { analyseObjectives, type AnalysisParam } from './analyse.ts';

/**
 * A small synthetic sweep: PEs trade latency against area (more PEs: faster,
 * larger), energy follows latency, and a memory choice shifts energy only.
 */
function sweep(n: number, seed = 3) {
  const rng = createRng(seed);
  const pes = Float64Array.from({ length: n }, () => 2 ** (2 + rng.int(7)));
  const memory = Float64Array.from({ length: n }, () => rng.int(3));
  const latencyS = Float64Array.from(pes, (p) => (1 / p) * (1 + 0.3 * rng.next()));
  const areaMm2 = Float64Array.from(pes, (p) => p * (1 + 0.3 * rng.next()));
  const energyJ = Float64Array.from(latencyS, (l, i) => l * (1 + memory[i]) * (1 + 0.1 * rng.next()));
  const params: AnalysisParam[] = [
    { id: 'pe', label: 'Processing elements', values: pes, categorical: false },
    { id: 'mainMemory', label: 'Main memory', values: memory, categorical: true },
  ];
  return { columns: [latencyS, energyJ, areaMm2], params };
}

/** Brute force: row i is on the front when no row dominates it. */
function bruteFront(columns: Float64Array[], rows: number[]): number[] {
  const dominates = (j: number, i: number) =>
    columns.every((c) => c[j] <= c[i]) && columns.some((c) => c[j] < c[i]);
  return rows.filter((i) => !rows.some((j) => dominates(j, i)));
}

describe('analyseObjectives', () => {
  it('finds the non-dominated rows, the reference point by the stated rule and the exact hypervolume', () => {
    const { columns, params } = sweep(400);
    const out = analyseObjectives({ columns, params });
    const all = Array.from({ length: 400 }, (_, i) => i);
    expect([...out.frontRows]).toEqual(bruteFront(columns, all));
    expect(out.frontCount).toBeGreaterThan(0);
    expect(out.pointCount).toBe(400);
    // Each objective's worst value × 1.1.
    columns.forEach((c, d) => expect(out.hypervolume.reference[d]).toBeCloseTo(Math.max(...c) * 1.1, 12));
    expect(out.hypervolume.exact).toBe(true);
    const points = [...out.frontRows].map((i) => columns.map((c) => c[i]));
    expect(out.hypervolume.value).toBeCloseTo(hypervolume(points, out.hypervolume.reference), 12);
    expect(out.hypervolume.value).toBeGreaterThan(0);
    expect(out.hypervolume.value).toBeLessThanOrEqual(out.hypervolume.boxVolume);
  });

  it('ranks importance per objective: PEs drive latency (negative ρ) and area (positive ρ); memory shows in energy', () => {
    const { columns, params } = sweep(2000);
    const out = analyseObjectives({ columns, params });
    expect(out.importance).toHaveLength(3);
    const [latency, energy, area] = out.importance;
    expect(latency[0].name).toBe('pe');
    expect(latency[0].signedRho).toBeLessThan(-0.9);
    expect(area[0].name).toBe('pe');
    expect(area[0].signedRho).toBeGreaterThan(0.9);
    const memoryForEnergy = energy.find((p) => p.name === 'mainMemory')!;
    expect(memoryForEnergy.method).toBe('eta');
    expect(memoryForEnergy.importance).toBeGreaterThan(latency.find((p) => p.name === 'mainMemory')!.importance);
  });

  it('skips rows with a missing objective and honours the given rows', () => {
    const { columns, params } = sweep(300);
    columns[1][6] = Number.NaN; // an even row, so inside `rows`
    const rows = Int32Array.from({ length: 150 }, (_, k) => 2 * k);
    const out = analyseObjectives({ columns, params, rows });
    expect(out.pointCount).toBe(149);
    expect([...out.frontRows]).toEqual(bruteFront(columns, [...rows].filter((i) => i !== 6)));
    expect([...out.frontRows].every((i) => i % 2 === 0)).toBe(true);
  });

  it('estimates by seeded Monte Carlo beyond the exact limits, within a few standard errors of the exact value', () => {
    const { columns, params } = sweep(600);
    const exact = analyseObjectives({ columns, params });
    const opts = { exactMaxPoints: 1, monteCarloSamples: 40_000, seed: 9 };
    const mc = analyseObjectives({ columns, params, options: opts });
    expect(mc.hypervolume.exact).toBe(false);
    expect(mc.hypervolume.standardError).toBeGreaterThan(0);
    expect(Math.abs(mc.hypervolume.value - exact.hypervolume.value)).toBeLessThan(4 * mc.hypervolume.standardError!);
    // Seeded: the same request gives the same estimate.
    expect(analyseObjectives({ columns, params, options: opts }).hypervolume.value).toBe(mc.hypervolume.value);
  });

  it('maximises a column marked max (predicted accuracy) and keeps its own sign for ρ and the reference', () => {
    const { columns, params } = sweep(400);
    // "Accuracy" falls with PEs here; maximising it is minimising its negation.
    const accuracy = Float64Array.from(params[0].values as Float64Array, (p, i) => 0.8 - 0.01 * Math.log2(p) + 0.001 * (i % 7));
    const out = analyseObjectives({ columns: [columns[0], accuracy], params, senses: ['min', 'max'] });
    const negated = Float64Array.from(accuracy, (v) => -v);
    const all = Array.from({ length: 400 }, (_, i) => i);
    expect([...out.frontRows]).toEqual(bruteFront([columns[0], negated], all));
    expect(out.importance[1][0].signedRho).toBeLessThan(-0.9);
    // The reference lies beyond the lowest accuracy, in accuracy's own sign.
    expect(out.hypervolume.reference[1]).toBeLessThan(Math.min(...accuracy));
    expect(out.hypervolume.value).toBeGreaterThan(0);
  });

  it('answers an empty sweep without throwing', () => {
    const out = analyseObjectives({ columns: [new Float64Array(0), new Float64Array(0)], params: [] });
    expect(out.frontCount).toBe(0);
    expect(out.hypervolume.value).toBe(0);
  });
});
