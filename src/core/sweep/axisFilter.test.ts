import { describe, expect, it } from 'vitest';
import { createAxisFilter, passingIndices, refreshRows, setAxisBrush } from './axisFilter.ts';

/** The filter's answer recomputed from scratch: every brush tested on every row. */
function naive(cols: Record<string, Float64Array>, brushes: Record<string, [number, number]>, n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    if (Object.entries(brushes).every(([a, [lo, hi]]) => cols[a][i] >= lo && cols[a][i] <= hi)) out.push(i);
  }
  return out;
}

describe('axis filter', () => {
  const n = 2000;
  let s = 7;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const cols: Record<string, Float64Array> = {
    a: Float64Array.from({ length: n }, rnd),
    b: Float64Array.from({ length: n }, rnd),
    c: Float64Array.from({ length: n }, (_, i) => (i % 13 === 0 ? Number.NaN : rnd())),
  };

  it('combines brushes with AND and matches a full recompute after any sequence of moves and clears', () => {
    const f = createAxisFilter(n);
    const brushes: Record<string, [number, number]> = {};
    for (let step = 0; step < 200; step++) {
      const axis = 'abc'[step % 3];
      if (step % 7 === 6) {
        setAxisBrush(f, axis, cols[axis], null);
        delete brushes[axis];
      } else {
        const lo = rnd(), hi = rnd(); // sometimes reversed: the filter orders them
        setAxisBrush(f, axis, cols[axis], { lo, hi });
        brushes[axis] = [Math.min(lo, hi), Math.max(lo, hi)];
      }
      const want = naive(cols, brushes, n);
      expect(f.passCount).toBe(want.length);
      expect(Array.from(passingIndices(f))).toEqual(want);
    }
  });

  it('passes every row with no brush, and NaN never passes a brushed axis', () => {
    const f = createAxisFilter(n);
    expect(f.passCount).toBe(n);
    setAxisBrush(f, 'c', cols.c, { lo: -Infinity, hi: Infinity });
    expect(f.passCount).toBe(n - Math.ceil(n / 13));
  });

  it('re-tests rows that arrive after a brush was set', () => {
    const late = new Float64Array(10).fill(Number.NaN);
    const f = createAxisFilter(10);
    setAxisBrush(f, 'x', late, { lo: 0, hi: 5 });
    expect(f.passCount).toBe(0);
    for (let i = 0; i < 10; i++) late[i] = i;
    refreshRows(f, () => late, 0, 10);
    expect(Array.from(passingIndices(f))).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
