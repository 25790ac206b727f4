import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng.ts';
import { compileSweep } from '../../core/sweep/plan.ts';
import { emptyColumns } from '../../core/sweep/objectives.ts';
import { MODEL_PRESETS } from '../../core/space/transformer/presets.ts';
import { ACCELERATOR_PRESETS } from '../../core/space/accelerator/presets.ts';
import { defaultSession } from '../../core/share/defaults.ts';
import { chooseScaleKind, countNonPositive, dataExtent } from './plotScales.ts';
import { buildPointGrid } from './pointGrid.ts';
import { csvCell, exportPoint, objectiveHeader, pointsToCsv, pointsToJson, toCsv } from './exportPoints.ts';
import { nextSort, sortPoints } from './tableSort.ts';
import { navigateFront } from './frontNav.ts';
import { summariseAccelerator, summariseModel } from './designSummary.ts';

describe('axis scales', () => {
  it('chooses log only for positive values spanning more than two decades (p5..p95)', () => {
    const wide = Float64Array.from({ length: 1000 }, (_, i) => 10 ** (i / 200));
    expect(chooseScaleKind('auto', wide)).toBe('log');
    expect(chooseScaleKind('auto', Float64Array.from(wide, (v) => v - 1))).toBe('linear');
    expect(chooseScaleKind('auto', Float64Array.from({ length: 1000 }, (_, i) => 1 + i / 100))).toBe('linear');
    expect(chooseScaleKind('linear', wide)).toBe('linear');
  });

  it('ignores NaN (missing points) and, on log axes, non-positive values', () => {
    expect(dataExtent([NaN, 3, -2, 5, Infinity], 'linear')).toEqual([-2, 5]);
    expect(dataExtent([NaN, 3, -2, 5], 'log')).toEqual([3, 5]);
    expect(dataExtent([NaN], 'linear')).toBeNull();
    expect(dataExtent([4, 4], 'log')).toEqual([2, 8]);
    expect(countNonPositive([0, -1, 2, NaN])).toBe(2);
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

  it('exports varied parameter values, and whole models for random-model sweeps', () => {
    const session = defaultSession();
    const job = { spec: { ...session.sweep, vary: 'both' as const, params: [] }, base: session.design, settings: session.settings, total: 10 };
    const plan = compileSweep(job.spec);
    const columns = emptyColumns(10);
    columns.latency[3] = 0.25;
    const levels = new Int32Array(plan.params.length);
    const point = exportPoint(plan, job, columns, 3, levels);
    const csv = pointsToCsv(plan, [point]).split('\r\n');
    expect(csv[0]).toMatch(/^index,latency_s,energy_J,.*,pe,.*,mainMemory,model$/);
    expect(csv[1].startsWith('3,0.25,,')).toBe(true);
    expect(csv[1]).toMatch(/"\{""l"":\d+/);
    const json = JSON.parse(pointsToJson(job, 'front', [point]));
    expect(json.points[0].objectives).toMatchObject({ latency: 0.25, energy: null });
    expect(json.sweep.seed).toBe(session.sweep.seed);
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
    expect(summariseModel(MODEL_PRESETS['bert-tiny'].model)).toMatch(/^2 layers · hidden 128 · 2 heads \(sa_sdp ×4\) · FF \[512\]$/);
    expect(summariseAccelerator(ACCELERATOR_PRESETS['acceltran-edge'].config)).toContain('64 PEs × 16 lanes × 16 MACs');
  });
});
