import { describe, expect, it } from 'vitest';
import { columnExtent, makeAxis, type PcColumn } from './pcAxes.ts';
import { pcMarkPoints } from './pcMarkPoints.ts';

const col = (key: string, values: number[], extra: Partial<PcColumn> = {}): PcColumn => ({ key, label: key, values: Float64Array.from(values), ...extra });
const axis = (c: PcColumn, flipped = false, log?: boolean) => makeAxis(c, columnExtent(c), { flipped, log }, 12, 284);

describe('marked designs on the parallel coordinates', () => {
  const edp = col('edp', [1e-8, 1e-5, 1e-3], { si: true });
  const area = col('area', [54.5e-6, 54.5e-6, 54.5e-6]);

  it('holds a value beyond an axis at its end, flagged on the side it lies, also when flipped', () => {
    const axes = [axis(edp), axis(area)];
    const [e, a] = pcMarkPoints(axes, [55, 165], { edp: 2.5e-9, area: 54.5e-6 }, 12, 284);
    expect(e).toEqual({ x: 55, y: 284, beyond: 'below' });
    expect(a.beyond).toBeNull();
    expect(a.y).toBeGreaterThan(12);
    expect(a.y).toBeLessThan(284);
    const [flipped] = pcMarkPoints([axis(edp, true)], [55], { edp: 2.5e-9 }, 12, 284);
    expect(flipped).toEqual({ x: 55, y: 12, beyond: 'above' });
  });

  it('drops a value the design lacks, and puts 0 on a log axis beyond its low end', () => {
    expect(pcMarkPoints([axis(edp)], [55], { edp: Number.NaN }, 12, 284)).toEqual([]);
    expect(pcMarkPoints([axis(edp, false, true)], [55], { edp: 0 }, 12, 284)).toEqual([{ x: 55, y: 284, beyond: 'below' }]);
  });
});
