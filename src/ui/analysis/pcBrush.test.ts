import { describe, expect, it } from 'vitest';
import { columnExtent, makeAxis, type PcColumn } from './pcAxes.ts';
import { brushBand } from './pcBrush.ts';

const col = (key: string, values: number[], extra: Partial<PcColumn> = {}): PcColumn => ({ key, label: key, values: Float64Array.from(values), ...extra });
const axis = (c: PcColumn) => makeAxis(c, columnExtent(c), { flipped: false }, 12, 284);

describe('brush bands', () => {
  it('are finite on a constant axis and for one-sided brushes, cut to the axis ends', () => {
    const constant = axis(col('area', [54.5e-6, 54.5e-6]));
    for (const brush of [[-Infinity, 1e9], [50e-6, Infinity], [-Infinity, Infinity], [0, 54.5e-6]] as const) {
      const [top, bottom] = brushBand(constant, brush);
      expect([top, bottom].every(Number.isFinite)).toBe(true);
      expect(top).toBeGreaterThanOrEqual(12);
      expect(bottom).toBeLessThanOrEqual(284);
    }
    const log = axis(col('latency', [1e-6, 1e-3], { si: true }));
    expect(log.log).toBe(true);
    expect(brushBand(log, [-1, Infinity])).toEqual([12, 284]);
  });
});
