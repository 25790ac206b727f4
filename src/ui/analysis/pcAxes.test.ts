import { describe, expect, it } from 'vitest';
import { columnExtent, makeAxis, moveKey, orderedKeys, tickFormatter, type PcColumn } from './pcAxes.ts';

const col = (key: string, values: number[], extra: Partial<PcColumn> = {}): PcColumn => ({ key, label: key, values: Float64Array.from(values), ...extra });

describe('parallel-coordinates axes', () => {
  it('offers log only where every value is > 0, and picks it when values span two decades', () => {
    const wide = col('latency', [1e-6, 1e-3, Number.NaN], { si: true });
    const a = makeAxis(wide, columnExtent(wide), { flipped: false }, 0, 100);
    expect([a.logAllowed, a.log]).toEqual([true, true]);
    const withZero = col('x', [0, 5, 10]);
    const b = makeAxis(withZero, columnExtent(withZero), { log: true, flipped: false }, 0, 100);
    expect([b.logAllowed, b.log]).toEqual([false, false]);
    const narrow = col('pe', [64, 1024]);
    expect(makeAxis(narrow, columnExtent(narrow), { flipped: false }, 0, 100).log).toBe(false);
  });

  it('puts low values at the bottom, and at the top when flipped', () => {
    const c = col('pe', [64, 128, 256]);
    const up = makeAxis(c, columnExtent(c), { flipped: false }, 10, 110);
    const down = makeAxis(c, columnExtent(c), { flipped: true }, 10, 110);
    expect(up.scale(64)).toBeGreaterThan(up.scale(256));
    expect(down.scale(64)).toBeLessThan(down.scale(256));
  });

  it('keeps a stored order, appends new columns, and moves one key a place', () => {
    const cols = [col('a', [1]), col('b', [1]), col('c', [1])];
    expect(orderedKeys(cols, ['c', 'gone', 'a'])).toEqual(['c', 'a', 'b']);
    expect(moveKey(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moveKey(['a', 'b', 'c'], 'c', 1)).toEqual(['a', 'b', 'c']);
  });

  it('formats parameter ticks as plain numbers and objectives with SI prefixes', () => {
    const p = col('pe', [64, 1024]);
    expect(tickFormatter(makeAxis(p, columnExtent(p), { flipped: false }, 0, 100), 5)(800)).toBe('800');
    const o = col('latency', [1e-6, 1e-3], { si: true });
    expect(tickFormatter(makeAxis(o, columnExtent(o), { flipped: false }, 0, 100), 5)(1e-5)).toBe('10µ');
    // Predicted accuracy in percent, not "700m".
    const a = col('accuracy', [0.62, 0.79], { si: true, format: '~%' });
    expect(tickFormatter(makeAxis(a, columnExtent(a), { flipped: false }, 0, 100), 5)(0.7)).toBe('70%');
    // A constant fraction (accuracy over an accelerator sweep) keeps a sensible axis around it.
    const one = col('accuracy', [0.77, 0.77], { si: true, format: '~%' });
    const [lo, hi] = makeAxis(one, columnExtent(one), { flipped: false }, 0, 100).scale.domain();
    expect(lo).toBeGreaterThanOrEqual(0.6);
    expect(hi).toBeLessThanOrEqual(0.9);
  });
});
