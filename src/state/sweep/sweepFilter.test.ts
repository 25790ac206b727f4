import { describe, expect, it } from 'vitest';
import type { RunSettings, SweepSettings } from '../../core/share/schema.ts';
import type { Design } from '../../core/share/session.ts';
import { emptyColumns } from '../../core/sweep/objectives.ts';
import { sweepSize } from '../../core/sweep/plan.ts';
import { createSweepFilter, memoryBrushIntent } from './sweepFilter.ts';
import { createSweepRunStore } from './sweepRunStore.ts';

const spec: SweepSettings = { vary: 'accelerator', params: [], samples: 500, sampler: 'random', gridParams: [], seed: 3 };

function runWithPoints() {
  const runs = createSweepRunStore();
  const total = sweepSize(spec);
  const columns = emptyColumns(total);
  for (let i = 0; i < total; i++) columns.latency[i] = i; // latency = index: brushes are easy to reason about
  const job = { spec, base: {} as Design, settings: {} as RunSettings, total };
  runs.setState({ job, columns, errors: new Uint8Array(total), done: total, dataVersion: 1 });
  return { runs, total };
}

describe('sweep filter', () => {
  it('brushes objective and parameter axes together, one set per action', () => {
    const { runs, total } = runWithPoints();
    const filter = createSweepFilter(runs);
    filter.requestParams();
    const pe = filter.store.getState().params!.find((c) => c.param.id === 'pe')!;
    let sets = 0;
    filter.store.subscribe(() => sets++);
    filter.setBrush('latency', [100, 299]);
    expect(sets).toBe(1);
    expect(filter.store.getState().passCount).toBe(200);
    filter.setBrush('pe', [64, 128]);
    const { passing } = filter.store.getState();
    const want = Array.from({ length: total }, (_, i) => i).filter((i) => i >= 100 && i <= 299 && pe.values[i] >= 64 && pe.values[i] <= 128);
    expect(Array.from(passing!)).toEqual(want);
    filter.setBrush('latency', null);
    filter.setBrush('pe', null);
    expect(filter.store.getState().passing).toBeNull();
  });

  it('a new run takes the kept brushes once its points arrive (a shared view re-run from its seed)', () => {
    const { runs, total } = runWithPoints();
    const intent = memoryBrushIntent({ latency: [0, 9] });
    const filter = createSweepFilter(runs, intent);
    const job = { ...runs.getState().job!, spec: { ...spec, seed: 4 } };
    runs.setState({ job, done: 0, dataVersion: 2 });
    // No points yet: unfiltered, nothing applied against columns that are not filled.
    expect(filter.store.getState().passing).toBeNull();
    runs.setState({ done: total, dataVersion: 3, added: [[0, total]] });
    expect(filter.store.getState().brushes).toEqual({ latency: [0, 9] });
    expect(Array.from(filter.store.getState().passing!)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('follows the kept brushes whoever changes them, and keeps a brush on a column this sweep lacks as intent only', () => {
    const { runs } = runWithPoints();
    const intent = memoryBrushIntent();
    const filter = createSweepFilter(runs, intent);
    runs.setState({ job: { ...runs.getState().job! }, dataVersion: 2 });
    filter.setBrush('latency', [10, 19]);
    expect(intent.get()).toEqual({ latency: [10, 19] });
    expect(filter.store.getState().passCount).toBe(10);
    intent.set({ latency: [10, 19], 'no.such': [1, 2] });
    expect(filter.store.getState().brushes).toEqual({ latency: [10, 19] });
    intent.set({});
    expect(filter.store.getState().passing).toBeNull();
  });
});

describe('parameter columns of a large sweep', () => {
  it('are filled a slice per task (a million rows in one task would freeze the page), then a waiting brush applies', async () => {
    const big: SweepSettings = { ...spec, samples: 120_000 };
    const runs = createSweepRunStore();
    const total = sweepSize(big);
    const columns = emptyColumns(total);
    columns.latency.fill(1);
    runs.setState({ job: { spec: big, base: {} as Design, settings: {} as RunSettings, total }, columns, errors: new Uint8Array(total), done: total, dataVersion: 1 });
    const intent = memoryBrushIntent();
    const filter = createSweepFilter(runs, intent);
    filter.requestParams();
    filter.setBrush('pe', [64, 128]);
    // Not yet: the first slice is done, the rest wait for later tasks.
    expect(filter.store.getState().params).toBeNull();
    expect(filter.store.getState().passing).toBeNull();
    await new Promise((r) => setTimeout(r, 200));
    const pe = filter.store.getState().params!.find((c) => c.param.id === 'pe')!;
    expect(pe.values.every((v) => Number.isFinite(v))).toBe(true);
    const want = pe.values.reduce((n, v) => n + (v >= 64 && v <= 128 ? 1 : 0), 0);
    expect(filter.store.getState().passCount).toBe(want);
  });
});
