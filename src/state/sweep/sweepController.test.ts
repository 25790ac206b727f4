import { describe, expect, it } from 'vitest';
import { createExplorerStore } from '../store.ts';
import { defaultSession } from '../../core/share/defaults.ts';
import { paretoFront } from '../../core/pareto/front2d.ts';
import { runSweepChunk, type PairSimulator } from '../../core/sweep/run.ts';
import { samplePair } from '../../core/sweep/sample.ts';
import type { SimResult } from '../../core/elector/types.ts';
import { createSweepPool, type SweepWorker } from '../../workers-client/sweepPool.ts';
import { createSweepController } from './sweepController.ts';
import { createSweepRunStore } from './sweepRunStore.ts';
import { createSweepFilter, sessionBrushIntent } from './sweepFilter.ts';

/** Deterministic stand-in for ELECTOR; fails for the smallest weight buffer. */
const fakeSim: PairSimulator = (_m, a) => {
  if (a.weightBufferMB === 8) throw new Error('Data is larger than what the weight buffer can store');
  return {
    latencyS: 1 / (a.pe * a.lanesPerPe), totalEnergyNJ: a.pe * a.activationBufferMB * 1e3, dynamicNJ: 1, leakageNJ: 1,
    batchSize: a.batchSize, areaMm2: a.pe + a.activationBufferMB,
  } as SimResult;
};

function setup() {
  const explorer = createExplorerStore(defaultSession());
  const runs = createSweepRunStore();
  const worker = (): SweepWorker => ({
    // A macrotask per chunk, like a real worker's message round trip.
    runChunk: (spec, base, settings, start, end) =>
      new Promise((resolve) => setTimeout(() => resolve(runSweepChunk(spec, base, settings, start, end, fakeSim)), 0)),
    terminate: () => {},
  });
  const pool = createSweepPool({ factory: worker, size: 2, minChunk: 50, maxChunk: 200, firstChunk: 100 });
  const controller = createSweepController(explorer, runs, () => pool);
  return { explorer, runs, controller };
}

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 2));
};

describe('sweep controller', () => {
  it('fills every point, counts failures, keeps the incremental front equal to the full front, and marks the sweep as run', async () => {
    const { explorer, runs, controller } = setup();
    explorer.getState().setSweep({ samples: 1500, seed: 3 });
    controller.start();
    expect(runs.getState().status).toBe('running');
    await until(() => runs.getState().status === 'done');
    const s = runs.getState();
    expect(s.done).toBe(1500);
    const failed = s.errors!.reduce((a, b) => a + b, 0);
    expect(failed).toBeGreaterThan(0);
    expect(s.errorCount).toBe(failed);
    expect(s.errorKinds[0].message).toMatch(/weight buffer/);
    expect([...s.front]).toEqual([...paretoFront(s.columns!.latency, s.columns!.energy)]);
    expect(explorer.getState().session.sweepRan).toBe(true);
  });

  it('says which ranges arrived with each data version, and keeps an unchanged front\'s array', async () => {
    const { explorer, runs, controller } = setup();
    explorer.getState().setSweep({ samples: 2000, seed: 5 });
    const seen = new Uint8Array(2000);
    let fullResets = 0;
    let frontKept = 0;
    const unsubscribe = runs.subscribe((s, prev) => {
      if (s.dataVersion !== prev.dataVersion) {
        if (s.dataVersion !== prev.dataVersion + 1) throw new Error('dataVersion skipped');
        if (s.columns !== prev.columns) fullResets++;
        for (const [a, b] of s.added ?? []) for (let i = a; i < b; i++) seen[i]++;
      }
      if (s.version !== prev.version && s.front === prev.front && s.front.length > 0) frontKept++;
    });
    controller.start();
    await until(() => runs.getState().status === 'done');
    unsubscribe();
    expect(fullResets).toBe(1);
    // Every point announced exactly once.
    expect(seen.every((c) => c === 1)).toBe(true);
    expect(frontKept).toBeGreaterThan(0);
    const s = runs.getState();
    expect([...s.front]).toEqual([...paretoFront(s.columns!.latency, s.columns!.energy)]);
  });

  it('recomputes the front when the plot axes change', async () => {
    const { explorer, runs, controller } = setup();
    explorer.getState().setSweep({ samples: 400 });
    controller.start();
    await until(() => runs.getState().status === 'done');
    explorer.getState().setPlot({ x: 'area', y: 'latency' });
    const s = runs.getState();
    expect(s.frontAxes).toEqual(['area', 'latency']);
    expect([...s.front]).toEqual([...paretoFront(s.columns!.area, s.columns!.latency)]);
  });

  it('maximises predicted accuracy on a front against latency', async () => {
    const { explorer, runs, controller } = setup();
    explorer.getState().setSweep({ samples: 300, vary: 'both' });
    controller.start();
    await until(() => runs.getState().status === 'done');
    explorer.getState().setPlot({ x: 'latency', y: 'accuracy' });
    const s = runs.getState();
    const { latency, accuracy } = s.columns!;
    expect([...s.front]).toEqual([...paretoFront(latency, Float64Array.from(accuracy, (v) => -v))]);
    // The most accurate point is on it, and no front point is beaten by another on both axes.
    let best = 0;
    for (let i = 0; i < accuracy.length; i++) if (Number.isFinite(latency[i]) && accuracy[i] > accuracy[best]) best = i;
    expect(s.front.some((i) => accuracy[i] === accuracy[best])).toBe(true);
    for (const i of s.front) for (const j of s.front) expect(latency[j] <= latency[i] && accuracy[j] > accuracy[i] && latency[j] < latency[i]).toBe(false);
  });

  it('loads a clicked point into the editors and records the focus', async () => {
    const { explorer, runs, controller } = setup();
    explorer.getState().setSweep({ samples: 100 });
    const base = structuredClone(explorer.getState().session.design);
    controller.start();
    await until(() => runs.getState().status === 'done');
    controller.loadPoint(42);
    const expected = samplePair(explorer.getState().session.sweep, base, 42);
    expect(explorer.getState().session.design).toEqual(expected);
    expect(explorer.getState().session.plot.focus).toBe(42);
  });

  it('keeps the full selection at run time and, in the session, the rectangle in data coordinates that selects it', async () => {
    const { explorer, runs, controller } = setup();
    explorer.getState().setSweep({ samples: 3000 });
    controller.start();
    await until(() => runs.getState().status === 'done');
    const { latency, energy } = runs.getState().columns!;
    // What a brush over the lower-latency half of the plot would select (every point in a data rectangle).
    const sorted = [...latency].filter(Number.isFinite).sort((a, b) => a - b);
    const [lx, hx, ly, hy] = [sorted[0], sorted[Math.floor(sorted.length / 2)], 0, Infinity];
    const brushed = Int32Array.from([...latency.keys()].filter((i) => latency[i] >= lx && latency[i] <= hx && energy[i] >= ly && energy[i] <= hy));
    expect(brushed.length).toBeGreaterThan(1000);
    controller.select(Int32Array.from(brushed).reverse());
    expect([...runs.getState().selection]).toEqual([...brushed]);
    const { brush, selection } = explorer.getState().session.plot;
    expect(selection).toBeUndefined();
    expect(brush).toMatchObject({ x: 'latency', y: 'energy' });
    // Short: a handful of significant digits, not the indices.
    expect(JSON.stringify(brush).length).toBeLessThan(120);
    controller.select(new Int32Array(0));
    expect(explorer.getState().session.plot.brush).toBeNull();
  });

  it('re-runs a shared sweep from its seed with the same points and selects the same points from the brush rectangle', async () => {
    const first = setup();
    first.explorer.getState().setSweep({ samples: 300, sampler: 'lhs', seed: 77 });
    first.controller.start();
    await until(() => first.runs.getState().status === 'done');
    const { latency } = first.runs.getState().columns!;
    const brushed = Int32Array.from([...latency.keys()].filter((i) => latency[i] <= 0.5 * Math.max(...latency.filter(Number.isFinite))));
    expect(brushed.length).toBeGreaterThan(10);
    first.controller.select(brushed);

    const second = setup();
    second.explorer.getState().replaceSession(structuredClone(first.explorer.getState().session));
    await until(() => second.runs.getState().status === 'done');
    expect([...second.runs.getState().columns!.latency]).toEqual([...first.runs.getState().columns!.latency]);
    expect([...second.runs.getState().selection]).toEqual([...brushed]);
  });

  it('a shared view re-runs its sweep and its axis brushes filter the same points; a new run by the user clears them', async () => {
    const first = setup();
    const firstFilter = createSweepFilter(first.runs, sessionBrushIntent(first.explorer));
    first.explorer.getState().setSweep({ samples: 400, seed: 5 });
    first.controller.start();
    await until(() => first.runs.getState().status === 'done');
    const latency = [...first.runs.getState().columns!.latency].filter(Number.isFinite).sort((a, b) => a - b);
    firstFilter.setBrush('latency', [latency[0], latency[200]]);
    const byLatency = firstFilter.store.getState().passCount;
    firstFilter.setBrush('pe', [64, 128]);
    const passing = [...firstFilter.store.getState().passing!];
    // Both brushes bite: fewer points than the latency brush alone, but some.
    expect(passing.length).toBeGreaterThan(10);
    expect(passing.length).toBeLessThan(byLatency);

    const second = setup();
    const secondFilter = createSweepFilter(second.runs, sessionBrushIntent(second.explorer));
    second.explorer.getState().replaceSession(structuredClone(first.explorer.getState().session));
    await until(() => second.runs.getState().status === 'done');
    expect([...secondFilter.store.getState().passing!]).toEqual(passing);

    second.controller.start();
    expect(second.explorer.getState().session.parallel.brushes).toEqual({});
    await until(() => second.runs.getState().status === 'done');
    expect(secondFilter.store.getState().passing).toBeNull();
  });

  it('still restores the brushed indices of a version-3 view', async () => {
    const first = setup();
    first.explorer.getState().setSweep({ samples: 300, sampler: 'lhs', seed: 77 });
    first.controller.start();
    await until(() => first.runs.getState().status === 'done');
    const second = setup();
    second.explorer.getState().replaceSession({
      ...structuredClone(first.explorer.getState().session),
      plot: { ...first.explorer.getState().session.plot, brush: null, selection: [5, 9] },
    });
    second.controller.resumeShared();
    await until(() => second.runs.getState().status === 'done');
    expect([...second.runs.getState().selection]).toEqual([5, 9]);
  });

  it('cancel stops the run and keeps what arrived', async () => {
    const { explorer, runs, controller } = setup();
    explorer.getState().setSweep({ samples: 100_000, params: ['pe'] });
    explorer.getState().setAccelerator({ ...explorer.getState().session.design.accelerator, weightBufferMB: 64 });
    controller.start();
    // The first chunk has landed (point 0 is filled) long before 100k points are done.
    await until(() => Number.isFinite(runs.getState().columns!.latency[0]));
    controller.cancel();
    const done = runs.getState().done;
    expect(runs.getState().status).toBe('cancelled');
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(100_000);
    await new Promise((r) => setTimeout(r, 30));
    expect(runs.getState().done).toBe(done);
    expect(explorer.getState().session.sweepRan).toBe(false);
  });
});
