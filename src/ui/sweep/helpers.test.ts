import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng.ts';
import { MODEL_PRESETS } from '../../core/space/transformer/presets.ts';
import { ACCELERATOR_PRESETS } from '../../core/space/accelerator/presets.ts';
import { chooseScaleKind, countNonPositive, dataExtent, emptyExtent, extendExtent, scaleKindFor } from './plotScales.ts';
import { axisMap } from './plotGeometry.ts';
import { buildPointGrid, pickPoint } from './pointGrid.ts';
import { csvCell, objectiveHeader, toCsv } from './exportPoints.ts';
import { firstSorted, nextSort, sortPoints } from './tableSort.ts';
import { navigateFront } from './frontNav.ts';
import { summariseAccelerator, summariseModel } from './designSummary.ts';

describe('axis scales', () => {
  it('"auto" picks log when every finite value is positive and they span two decades or more', () => {
    expect(chooseScaleKind('auto', [1, 100])).toBe('log');
    expect(chooseScaleKind('auto', [1, 99.9])).toBe('linear');
    expect(chooseScaleKind('auto', [0, 5, 1000])).toBe('linear');
    expect(chooseScaleKind('auto', [-1, 5, 1000])).toBe('linear');
    expect(chooseScaleKind('log', [1, 2])).toBe('log');
    expect(chooseScaleKind('linear', [1, 1e6])).toBe('linear');
  });

  it('decides on the extent, so a few outliers make it log (the default sweep: a tight front, a long tail)', () => {
    // 5,000 latencies: most within 10–100 µs, a tail out to 1.5 ms.
    const rng = createRng(4);
    const latencies = Float64Array.from({ length: 5000 }, (_, i) => (i % 50 === 0 ? 1e-4 + rng.next() * 1.4e-3 : 1e-5 + rng.next() * 9e-5));
    expect(chooseScaleKind('auto', latencies)).toBe('log');
  });

  it('ignores NaN (missing points) and infinities', () => {
    expect(chooseScaleKind('auto', [NaN, 2, 500, Infinity])).toBe('log');
    expect(chooseScaleKind('auto', [NaN, NaN])).toBe('linear');
    expect(scaleKindFor('auto', emptyExtent())).toBe('linear');
  });

  it('ignores NaN (missing points) and, on log axes, non-positive values', () => {
    expect(dataExtent([NaN, 3, -2, 5, Infinity], 'linear')).toEqual([-2, 5]);
    expect(dataExtent([NaN, 3, -2, 5], 'log')).toEqual([3, 5]);
    expect(dataExtent([NaN], 'linear')).toBeNull();
    expect(dataExtent([-3, 0], 'log')).toBeNull();
    expect(dataExtent([4, 4], 'log')).toEqual([2, 8]);
    expect(countNonPositive([0, -1, 2, NaN])).toBe(2);
  });

  it('keeps a running extent that equals one over all values, and says when it moved', () => {
    const values = [5, NaN, 2, 9, -1, 0.5];
    const ext = emptyExtent();
    expect(extendExtent(ext, values, 0, 3)).toBe(true);
    expect(extendExtent(ext, values, 2, 3)).toBe(false);
    extendExtent(ext, values, 3, 6);
    expect(ext).toEqual({ min: -1, max: 9, minPositive: 0.5 });
  });
});

describe('axis maps', () => {
  it('pads log axes by a fraction of a decade instead of rounding out to whole decades', () => {
    const map = axisMap('log', [1e-5, 1.5e-3], [0, 800]);
    const [d0, d1] = map.scale.domain();
    expect(d0).toBeGreaterThan(7e-6);
    expect(d0).toBeLessThan(1e-5);
    expect(d1).toBeGreaterThan(1.5e-3);
    expect(d1).toBeLessThan(2.2e-3);
    // The affine map agrees with the d3 scale.
    for (const v of [1e-5, 1e-4, 1.5e-3]) expect(map.a * Math.log(v) + map.b).toBeCloseTo(map.scale(v), 6);
  });

  it("pads and nice's linear axes without going below zero for non-negative data", () => {
    const map = axisMap('linear', [0.2, 97], [0, 500]);
    expect(map.scale.domain()).toEqual([0, 100]);
    expect(map.a * 50 + map.b).toBeCloseTo(250, 6);
  });
});

describe('point grid', () => {
  const rng = createRng(1);
  const n = 5000;
  const px = Float32Array.from({ length: n }, () => rng.next() * 640);
  const py = Float32Array.from({ length: n }, () => rng.next() * 360);
  const all = Int32Array.from({ length: n }, (_, i) => i).filter((i) => i % 7 !== 0);
  const grid = buildPointGrid(px, py, all, 640, 360, 8);

  it('finds the same nearest point as a scan, within the radius', () => {
    for (let q = 0; q < 300; q++) {
      const [x, y, r] = [rng.next() * 660 - 10, rng.next() * 380 - 10, 2 + rng.next() * 20];
      let best = -1;
      let bestD = r * r;
      for (const i of all) {
        const d = (px[i] - x) ** 2 + (py[i] - y) ** 2;
        if (d < bestD || (d === bestD && i < best)) [best, bestD] = [i, d];
      }
      expect(grid.nearest(x, y, r)).toBe(best);
    }
  });

  it('returns exactly the indexed points inside a rectangle', () => {
    const [x0, y0, x1, y1] = [100, 50, 300, 200];
    const expected = [...all].filter((i) => px[i] >= x0 && px[i] <= x1 && py[i] >= y0 && py[i] <= y1);
    expect([...grid.inRect(x1, y1, x0, y0)]).toEqual(expected);
  });

  it('picks a front point within the hover radius over a nearer cloud point, else the nearest point', () => {
    // Cloud point 0 sits right under the pointer; front point 1 is 6 px away (its diamond is drawn on top).
    const qx = Float32Array.from([100, 106, 300, 103]);
    const qy = Float32Array.from([100, 100, 300, 100]);
    const g = buildPointGrid(qx, qy, Int32Array.from([0, 1, 2, 3]), 640, 360, 10);
    const front = Int32Array.from([1, 2]);
    expect(g.nearest(100, 100, 10)).toBe(0);
    expect(pickPoint(g, [front], qx, qy, 100, 100, 10)).toBe(1);
    // The loaded point (3) is preferred too, and it is nearer than the front point.
    expect(pickPoint(g, [front, [3]], qx, qy, 100, 100, 10)).toBe(3);
    // A front point outside the radius does not win: the nearest point does.
    expect(pickPoint(g, [Int32Array.from([2])], qx, qy, 100, 100, 10)).toBe(0);
    expect(pickPoint(g, [front], qx, qy, 500, 50, 10)).toBe(-1);
  });

  it('agrees with a scan: nearest preferred point in the radius, else nearest of all', () => {
    const preferred = all.filter((i) => i % 13 === 1);
    for (let q = 0; q < 300; q++) {
      const [x, y, r] = [rng.next() * 640, rng.next() * 360, 2 + rng.next() * 20];
      const scan = (list: ArrayLike<number>) => {
        let best = -1;
        let bestD = r * r;
        for (const i of Array.from(list)) {
          const d = (px[i] - x) ** 2 + (py[i] - y) ** 2;
          if (d < bestD || (d === bestD && best >= 0 && i < best)) [best, bestD] = [i, d];
        }
        return best;
      };
      const fromPreferred = scan(preferred);
      expect(pickPoint(grid, [preferred], px, py, x, y, r)).toBe(fromPreferred >= 0 ? fromPreferred : scan(all));
    }
  });
});

describe('CSV and JSON export', () => {
  it('quotes and escapes cells and defuses spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell(NaN)).toBe('');
    expect(toCsv(['a', 'b'], [[1, 'x'], [null, 2]])).toBe('a,b\r\n1,x\r\n,2\r\n');
  });

  it('names objective columns with units', () => {
    expect(objectiveHeader('latency')).toBe('latency_s');
    expect(objectiveHeader('area')).toBe('area_mm2');
    expect(objectiveHeader('edp')).toBe('edp_Js');
    expect(objectiveHeader('parameters')).toBe('parameters');
  });
});

describe('table sorting', () => {
  it('flips direction on the same header and sorts NaN last with index ties', () => {
    expect(nextSort({ key: 'a', direction: 'ascending' }, 'a')).toEqual({ key: 'a', direction: 'descending' });
    expect(nextSort({ key: 'a', direction: 'descending' }, 'b')).toEqual({ key: 'b', direction: 'ascending' });
    const v = [3, NaN, 1, 3, 2];
    expect(sortPoints([0, 1, 2, 3, 4], (i) => v[i], 'ascending')).toEqual([2, 4, 0, 3, 1]);
    expect(sortPoints([0, 1, 2, 3, 4], (i) => v[i], 'descending')).toEqual([0, 3, 4, 2, 1]);
  });

  it('takes the first rows of the sorted order without sorting everything', () => {
    const rng = createRng(8);
    // Few distinct values (many ties) and some NaN, in both directions and for several limits.
    const values = Float64Array.from({ length: 3000 }, () => (rng.next() < 0.05 ? NaN : Math.floor(rng.next() * 40)));
    const indices = Int32Array.from({ length: 3000 }, (_, i) => (i * 7919) % 3000);
    for (const direction of ['ascending', 'descending'] as const) {
      const full = sortPoints(indices, (i) => values[i], direction);
      for (const limit of [0, 1, 200, 3000, 5000]) expect(firstSorted(indices, (i) => values[i], direction, limit)).toEqual(full.slice(0, limit));
    }
  });
});

describe('keyboard navigation', () => {
  const front = [10, 20, 30];
  const dist = (a: number, b: number) => Math.abs(a - b);
  it('moves along the front and stops at its ends', () => {
    expect(navigateFront('ArrowRight', front, null, dist)).toBe(10);
    expect(navigateFront('ArrowLeft', front, null, dist)).toBe(30);
    expect(navigateFront('ArrowRight', front, 10, dist)).toBe(20);
    expect(navigateFront('ArrowDown', front, 30, dist)).toBe(30);
    expect(navigateFront('ArrowUp', front, 20, dist)).toBe(10);
    expect(navigateFront('End', front, 10, dist)).toBe(30);
    expect(navigateFront('a', front, 10, dist)).toBeNull();
    expect(navigateFront('ArrowRight', [], null, dist)).toBeNull();
  });
  it('jumps from a point off the front to the nearest front point', () => {
    expect(navigateFront('ArrowRight', front, 28, dist)).toBe(30);
  });
});

describe('design summaries', () => {
  it('summarises presets', () => {
    expect(summariseModel(MODEL_PRESETS['bert-tiny'].model)).toMatch(/^2 layers · hidden 128 · 2 heads \(Attn SDP\) · FF \[512\]$/);
    expect(summariseAccelerator(ACCELERATOR_PRESETS['acceltran-edge'].config)).toContain('64 PEs × 16 lanes × 16 MACs');
  });
});
