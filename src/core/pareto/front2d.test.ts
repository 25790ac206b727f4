import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../rng.ts';
import { dominates, paretoFront, paretoFrontSigned } from './front2d.ts';

/** The O(n²) definition: a finite point no other finite point dominates. */
function bruteFront(xs: ArrayLike<number>, ys: ArrayLike<number>): number[] {
  const out: number[] = [];
  const ok = (i: number) => Number.isFinite(xs[i]) && Number.isFinite(ys[i]);
  for (let i = 0; i < xs.length; i++) {
    if (!ok(i)) continue;
    let dominated = false;
    for (let j = 0; j < xs.length && !dominated; j++) {
      if (j !== i && ok(j) && dominates([xs[j], ys[j]], [xs[i], ys[i]])) dominated = true;
    }
    if (!dominated) out.push(i);
  }
  return out;
}

/** Clouds with many ties and duplicates (small integer grid) and a few non-finite values. */
function cloud(rng: Rng, n: number, grid: number): [Float64Array, Float64Array] {
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const odd = [NaN, Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    xs[i] = grid > 0 ? rng.int(grid) : rng.next();
    ys[i] = grid > 0 ? rng.int(grid) : rng.next();
    if (rng.next() < 0.03) xs[i] = rng.pick(odd);
    if (rng.next() < 0.03) ys[i] = rng.pick(odd);
  }
  return [xs, ys];
}

describe('paretoFront', () => {
  it('matches the brute-force front on random clouds with ties, duplicates and non-finite values', () => {
    const rng = createRng(42);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + rng.int(120);
      const [xs, ys] = cloud(rng, n, trial % 3 === 0 ? 0 : 2 + rng.int(12));
      const fast = [...paretoFront(xs, ys)].sort((a, b) => a - b);
      expect(fast).toEqual(bruteFront(xs, ys));
    }
  });

  it('orders the front by x ascending, so y descends along it', () => {
    const rng = createRng(7);
    const [xs, ys] = cloud(rng, 2000, 0);
    const f = paretoFront(xs, ys);
    for (let i = 1; i < f.length; i++) {
      expect(xs[f[i]]).toBeGreaterThan(xs[f[i - 1]]);
      expect(ys[f[i]]).toBeLessThan(ys[f[i - 1]]);
    }
  });

  it('keeps every copy of a duplicated front point and drops the larger y at a shared x', () => {
    const xs = [1, 1, 1, 2, 0.5];
    const ys = [3, 3, 4, 1, 5];
    expect([...paretoFront(xs, ys)]).toEqual([4, 0, 1, 3]);
  });

  it('never puts NaN or infinite points on the front, even when they look best', () => {
    expect([...paretoFront([NaN, -Infinity, 1], [0, 0, 1])]).toEqual([2]);
    expect(paretoFront([NaN], [NaN]).length).toBe(0);
  });

  it('computes the front of a subset, and merging chunks gives the front of the whole', () => {
    const rng = createRng(3);
    const [xs, ys] = cloud(rng, 3000, 40);
    let front: Int32Array = new Int32Array(0);
    for (let start = 0; start < 3000; start += 500) {
      const chunk = Array.from({ length: 500 }, (_, k) => start + k);
      front = paretoFront(xs, ys, [...front, ...chunk]);
    }
    expect([...front].sort((a, b) => a - b)).toEqual([...paretoFront(xs, ys)].sort((a, b) => a - b));
  });
});

describe('paretoFront on large clouds (bucket prefilter)', () => {
  it('matches a plain sort-and-sweep on 20k-point clouds, linear and log-spread, with ties', () => {
    const rng = createRng(99);
    for (const spread of ['uniform', 'log', 'ties'] as const) {
      const n = 20_000;
      const xs = new Float64Array(n);
      const ys = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        xs[i] = spread === 'log' ? 10 ** (rng.next() * 6) : spread === 'ties' ? rng.int(50) : rng.next();
        ys[i] = spread === 'log' ? 10 ** (rng.next() * 4) : spread === 'ties' ? rng.int(50) : rng.next();
      }
      // Reference: the same sweep without the prefilter, over indices in chunks of 3,000 (below the prefilter threshold).
      let reference: Int32Array = new Int32Array(0);
      for (let s = 0; s < n; s += 3000) reference = paretoFront(xs, ys, [...reference, ...Array.from({ length: Math.min(3000, n - s) }, (_, k) => s + k)]);
      expect([...paretoFront(xs, ys)].sort((a, b) => a - b)).toEqual([...reference].sort((a, b) => a - b));
    }
  });
});

describe('paretoFrontSigned', () => {
  it('equals the front of the negated column for a maximised axis, over all rows or a subset', () => {
    const rng = createRng(21);
    const n = 6000;
    const xs = Float64Array.from({ length: n }, () => rng.next());
    const ys = Float64Array.from({ length: n }, () => (rng.next() < 0.01 ? Number.NaN : rng.next()));
    const negY = Float64Array.from(ys, (v) => -v);
    expect([...paretoFrontSigned(xs, ys, [1, -1])]).toEqual([...paretoFront(xs, negY)]);
    const subset = Int32Array.from({ length: 500 }, (_, k) => (k * 37) % n);
    expect([...paretoFrontSigned(xs, ys, [1, -1], subset)]).toEqual([...paretoFront(xs, negY, subset)]);
    // Both axes maximised, and the plain case passes straight through.
    expect([...paretoFrontSigned(xs, ys, [-1, -1])]).toEqual([...paretoFront(Float64Array.from(xs, (v) => -v), negY)]);
    expect([...paretoFrontSigned(xs, ys, [1, 1])]).toEqual([...paretoFront(xs, ys)]);
  });
});
