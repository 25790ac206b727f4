import { describe, expect, it } from 'vitest';
import { createRng } from '../rng.ts';
import { averageRanks, IMPORTANCE_METHOD, parameterImportance } from './importance.ts';

function synthetic(n: number, seed: number) {
  const rng = createRng(seed);
  const driver = Float64Array.from({ length: n }, () => 1 + rng.int(16)); // e.g. PEs levels, with ties
  const noise = Float64Array.from({ length: n }, () => rng.next());
  const choice = Float64Array.from({ length: n }, () => rng.int(3));
  const idleChoice = Float64Array.from({ length: n }, () => rng.int(4));
  // Latency falls with the driver (monotone but non-linear) and shifts by choice.
  const objective = Float64Array.from({ length: n }, (_, i) => 100 / driver[i] ** 1.5 + 8 * choice[i] + rng.next());
  return { driver, noise, choice, idleChoice, objective };
}

describe('averageRanks', () => {
  it('gives tied values their average rank', () => {
    expect([...averageRanks(Float64Array.of(10, 20, 10, 30, 20, 10))]).toEqual([2, 4.5, 2, 6, 4.5, 2]);
    expect([...averageRanks(Float64Array.of(-0, 0, 5))]).toEqual([1.5, 1.5, 3]);
  });
});

describe('parameterImportance', () => {
  it('ranks the driving parameter first and the noise near 0, with the sign of ρ', () => {
    const d = synthetic(5000, 1);
    const out = parameterImportance(
      [
        { name: 'noise', values: d.noise, categorical: false },
        { name: 'pes', values: d.driver, categorical: false },
      ],
      d.objective.map((v, i) => v - 8 * d.choice[i]),
    );
    expect(out.map((o) => o.name)).toEqual(['pes', 'noise']);
    expect(out[0].method).toBe('spearman');
    expect(out[0].importance).toBeGreaterThan(0.95);
    expect(out[0].signedRho).toBeLessThan(-0.95);
    expect(out[1].importance).toBeLessThan(0.05);
  });

  it('matches the textbook Spearman ρ with ties', () => {
    // x ranks [1.5, 1.5, 3, 4], y ranks [1, 3, 2, 4]: ρ = Pearson of the ranks.
    const [r] = parameterImportance([{ name: 'x', values: [1, 1, 2, 3], categorical: false }], [5, 7, 6, 9]);
    const xr = [1.5, 1.5, 3, 4];
    const yr = [1, 3, 2, 4];
    const mx = 2.5;
    const num = xr.reduce((s, x, i) => s + (x - mx) * (yr[i] - mx), 0);
    const den = Math.sqrt(xr.reduce((s, x) => s + (x - mx) ** 2, 0) * yr.reduce((s, y) => s + (y - mx) ** 2, 0));
    expect(r.signedRho).toBeCloseTo(num / den, 12);
  });

  it('scores choices by η: high for the shifting choice, near 0 for an idle one', () => {
    const d = synthetic(6000, 2);
    const out = parameterImportance(
      [
        { name: 'idle', values: d.idleChoice, categorical: true },
        { name: 'memory', values: d.choice, categorical: true },
      ],
      d.objective.map((v, i) => v - 100 / d.driver[i] ** 1.5),
    );
    expect(out.map((o) => [o.name, o.method])).toEqual([
      ['memory', 'eta'],
      ['idle', 'eta'],
    ]);
    expect(out[0].importance).toBeGreaterThan(0.9);
    expect(out[0].signedRho).toBeUndefined();
    expect(out[1].importance).toBeLessThan(0.06);
    // Two separated groups: ranks 1–3 vs 4–6, η² = 2·3·1.5² / 17.5. Within-group rank spread keeps it
    // below 1, exactly like Spearman ρ against a 0/1 indicator, so both methods share one scale.
    const y = [1, 2, 3, 10, 11, 12];
    const two = parameterImportance([{ name: 'c', values: [0, 0, 0, 1, 1, 1], categorical: true }], y)[0].importance;
    expect(two).toBeCloseTo(Math.sqrt(13.5 / 17.5), 12);
    const asNumber = parameterImportance([{ name: 'c', values: [0, 0, 0, 1, 1, 1], categorical: false }], y)[0].importance;
    expect(two).toBeCloseTo(asNumber, 12);
    const a = parameterImportance([{ name: 'c', values: [0, 1, 2, 0, 1, 2], categorical: true }], y)[0].importance;
    const b = parameterImportance([{ name: 'c', values: [2, 0, 1, 2, 0, 1], categorical: true }], y)[0].importance;
    expect(a).toBeCloseTo(b, 12);
  });

  it('skips NaN rows pair by pair and honours the row subset', () => {
    const x = [1, 2, 3, 4, NaN, 6, 7];
    const y = [1, 2, 3, NaN, 0, 6, 5];
    // Usable rows 0, 1, 2, 5, 6: y ranks 1, 2, 3, 5, 4 against x ranks 1..5.
    const [r] = parameterImportance([{ name: 'x', values: x, categorical: false }], y);
    expect(r.signedRho).toBeCloseTo(1 - (6 * 2) / (5 * 24), 12);
    const [sub] = parameterImportance([{ name: 'x', values: x, categorical: false }], y, [0, 1, 2, 4, 5]);
    expect(sub.signedRho).toBeCloseTo(1, 12);
  });

  it('gives constant parameters, constant objectives and empty selections 0', () => {
    const out = parameterImportance(
      [
        { name: 'fixed', values: [4, 4, 4, 4], categorical: false },
        { name: 'oneChoice', values: [1, 1, 1, 1], categorical: true },
        { name: 'x', values: [1, 2, 3, 4], categorical: false },
      ],
      [3, 1, 4, 1],
    );
    expect(out.map((o) => [o.name, o.importance])).toEqual([
      ['x', expect.any(Number)],
      ['fixed', 0],
      ['oneChoice', 0],
    ]);
    expect(out[0].importance).toBeGreaterThan(0);
    expect(parameterImportance([{ name: 'x', values: [1, 2], categorical: false }], [5, 5])[0].importance).toBe(0);
    expect(parameterImportance([{ name: 'x', values: [1, 2], categorical: false }], [5, 6], [])[0].importance).toBe(0);
  });

  it('names both methods in the displayed text', () => {
    expect(IMPORTANCE_METHOD).toMatch(/Spearman/);
    expect(IMPORTANCE_METHOD).toMatch(/correlation ratio η/);
  });
});
