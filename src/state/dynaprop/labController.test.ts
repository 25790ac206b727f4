import { describe, expect, it } from 'vitest';
import type { SimOptions, SimResult } from '../../core/elector/types.ts';
import { defaultSession, DEFAULT_SETTINGS } from '../../core/share/defaults.ts';
import { measuredSparsityForElector } from '../../core/dynaprop/toElector.ts';
import { createExplorerStore } from '../store.ts';
import { createLabController } from './labController.ts';
import { LAB_EVAL_BATCHES } from './labConfig.ts';
import { memoryLabStore } from './labDb.ts';
import { labFileJson, labRunOf, newRecord, type LabRecord } from './labRecord.ts';
import { createLabStore } from './labStore.ts';
import { fakeClient, fakeResult, type Script } from './labFakes.test-util.ts';
import { defaultRunConfig } from '../../core/dynaprop/config.ts';

const until = async (f: () => boolean, ms = 3000) => {
  const end = Date.now() + ms;
  while (!f()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 2));
  }
};

function harness(script: Script[] = ['ok'], stored: unknown[] = []) {
  const explorer = createExplorerStore(defaultSession());
  explorer.getState().setLab({ steps: 5, grid: { activation: [null, 0.5], gradient: [null, 0.9] } });
  const lab = createLabStore();
  const { client, calls } = fakeClient(script);
  const db = memoryLabStore(stored);
  const sims: SimOptions[] = [];
  const controller = createLabController({
    explorer, lab, client, db, base: 'http://example.test/app/', throttleMs: 0,
    simulate: async (_m, _a, options) => {
      sims.push(options);
      return { ok: true, result: { latencyS: options.sparsityByOp ? 1 : 2, totalEnergyNJ: 5, batchSize: 4 } as SimResult };
    },
  });
  return { explorer, lab, controller, calls, db, sims };
}

function storedRecord(id = 'run-a'): LabRecord {
  const r = newRecord('run', 1, new Date('2026-12-01T00:00:00Z'));
  r.id = id;
  r.runs.push(labRunOf(fakeResult(defaultRunConfig('names'))));
  r.complete = true;
  return r;
}

describe('the DynaProp lab controller', () => {
  it('runs the lab settings in the worker, streams progress, and saves the result', async () => {
    const h = harness();
    h.explorer.getState().setLab({ backend: 'cpu', targetActivationSparsity: 0.3, seed: 7 });
    const done = h.controller.run();
    expect(h.lab.getState()).toMatchObject({ status: 'running', job: { kind: 'run', index: 0, total: 1, label: 'act 0.3 · grad none' } });
    await done;
    expect(h.calls).toHaveLength(1);
    expect(h.calls[0]).toMatchObject({ url: 'http://example.test/app/data/names.v1.json', backend: 'cpu', config: { seed: 7, steps: 5, targetActivationSparsity: 0.3, reportEvery: 1 } });
    // Curves evaluate on a slice of validation (the test accuracy is over the whole split).
    expect(h.calls[0].options).toEqual({ evalBatches: LAB_EVAL_BATCHES });
    const s = h.lab.getState();
    expect(s.status).toBe('done');
    expect(s.live.map((p) => p.step)).toEqual([1, 2, 3, 4, 5]);
    expect(s.live.at(-1)).toMatchObject({ validationAccuracy: 0.7 });
    expect(s.records).toHaveLength(1);
    expect(s.records[0]).toMatchObject({ kind: 'run', complete: true, planned: 1 });
    expect(s.shownId).toBe(s.records[0].id);
    expect((await h.db.list()).records).toEqual(s.records);
  });

  it('refuses bad input by field before the worker is asked', async () => {
    const h = harness();
    h.explorer.getState().setLab({ steps: 0 });
    await h.controller.run();
    expect(h.calls).toHaveLength(0);
    expect(h.lab.getState()).toMatchObject({ status: 'error', error: { field: 'steps' } });
    expect(h.explorer.getState().notice).toMatchObject({ kind: 'error', message: expect.stringMatching(/steps: 0 is outside/) });
  });

  it('runs the experiment grid with the unpruned baseline first, one run at a time', async () => {
    const h = harness();
    await h.controller.runExperiment();
    expect(h.calls.map((c) => [c.config.targetActivationSparsity, c.config.targetGradientSparsity])).toEqual([[null, null], [null, 0.9], [0.5, null], [0.5, 0.9]]);
    const rec = h.lab.getState().records[0];
    expect(rec).toMatchObject({ kind: 'experiment', complete: true, planned: 4 });
    expect(rec.runs).toHaveLength(4);
    expect(h.db.raw.size).toBe(1);
  });

  it('cancels an experiment and keeps the runs that finished', async () => {
    const h = harness();
    const run = h.controller.runExperiment();
    await until(() => h.lab.getState().job?.index === 1);
    h.controller.cancel();
    await run;
    expect(h.lab.getState().status).toBe('cancelled');
    expect(h.calls).toHaveLength(2);
    const rec = h.lab.getState().records[0];
    expect(rec).toMatchObject({ complete: false, planned: 4 });
    expect(rec.runs).toHaveLength(1);
    expect((await h.db.list()).records[0].runs).toHaveLength(1);
  });

  it('reports a worker that died and runs again afterwards', async () => {
    const h = harness(['crash', 'ok']);
    await h.controller.run();
    expect(h.lab.getState()).toMatchObject({ status: 'error', error: { message: expect.stringMatching(/worker stopped/) }, job: null });
    await h.controller.run();
    expect(h.lab.getState().status).toBe('done');
  });

  it('passes the field of an error the worker found', async () => {
    const h = harness(['config-error']);
    await h.controller.run();
    expect(h.lab.getState().error).toEqual({ field: 'model.o[0][0]', message: 'model.o[0][0]: cannot build' });
  });

  it('lets the newest job win', async () => {
    const h = harness(['hang', 'ok']);
    const first = h.controller.runExperiment();
    await until(() => h.lab.getState().live.length > 2);
    await h.controller.run();
    await first;
    expect(h.lab.getState()).toMatchObject({ status: 'done', job: null });
    expect(h.lab.getState().records.map((r) => r.kind)).toEqual(['run']);
    expect(h.calls).toHaveLength(2);
  });

  it('writes a run’s measured sparsity into the settings and simulates default against measured', async () => {
    const h = harness();
    await h.controller.run();
    const rec = h.lab.getState().records[0];
    h.controller.useMeasured(rec.id, 0);
    const expected = measuredSparsityForElector(rec.runs[0].heldOut, rec.runs[0].weightSparsity, DEFAULT_SETTINGS.sparsity);
    const settings = h.explorer.getState().session.settings;
    expect(settings.sparsity).toEqual(expected.sparsity);
    expect(settings.sparsityByOp).toEqual(expected.sparsityByOp);
    expect(settings.sparsityByOp?.matmul).toEqual({ activation: 0.5, gradient: 0.3 });
    await until(() => h.lab.getState().compare.status === 'done');
    expect(h.sims.slice(-2)).toEqual([
      expect.not.objectContaining({ sparsityByOp: expect.anything() }),
      expect.objectContaining({ sparsity: expected.sparsity, sparsityByOp: expected.sparsityByOp, timeline: false }),
    ]);
    expect(h.sims.at(-2)!.sparsity).toEqual(DEFAULT_SETTINGS.sparsity);
    expect(h.lab.getState().compare).toMatchObject({ defaults: { latencyS: 2 }, measured: { latencyS: 1 }, error: null });
    h.controller.clearMeasured();
    expect(h.explorer.getState().session.settings.sparsityByOp).toBeUndefined();
    expect(h.lab.getState().compare.status).toBe('idle');
  });

  it('imports a file all or nothing, never overwriting a different stored record', async () => {
    const h = harness();
    await h.controller.run();
    const mine = h.lab.getState().records[0];
    const before = structuredClone(h.db.raw);
    // A corrupt file: nothing changes, the notice names the field.
    const bad = JSON.parse(labFileJson([mine, mine]));
    bad.records[1].runs[0].accuracy = 'high';
    await h.controller.importFile(JSON.stringify(bad), 'bad.json');
    expect(h.explorer.getState().notice?.message).toMatch(/Could not import “bad.json”: records\[1\]\.runs\[0\]\.accuracy: .*unchanged/);
    expect(h.db.raw).toEqual(before);
    expect(h.lab.getState().records).toHaveLength(1);
    // The same record again replaces itself; a different one under the same id is added beside it.
    const changed = { ...structuredClone(mine), createdAt: '2030-01-01T00:00:00.000Z' };
    await h.controller.importFile(labFileJson([mine, changed]), 'good.json');
    expect(h.explorer.getState().notice).toMatchObject({ kind: 'info', message: expect.stringMatching(/Imported 2/) });
    const ids = h.lab.getState().records.map((r) => r.id);
    expect(ids).toHaveLength(2);
    expect(ids).toContain(mine.id);
    expect(h.db.raw.get(mine.id)).toEqual(mine);
    expect(h.db.raw.size).toBe(2);
  });

  it('reads stored records, reporting (and keeping) the ones it cannot read', async () => {
    const good = storedRecord();
    const corrupt = { ...storedRecord('run-b'), runs: [{ ...good.runs[0], backend: 7 }] };
    const h = harness(['ok'], [good, corrupt]);
    await h.controller.load();
    const s = h.lab.getState();
    expect(s.storage).toBe('ready');
    expect(s.records.map((r) => r.id)).toEqual(['run-a']);
    expect(s.unreadable).toEqual([{ id: 'run-b', field: 'runs[0].backend', message: expect.any(String) }]);
    expect(h.db.raw.has('run-b')).toBe(true);
  });
});

describe('the lab run configuration', () => {
  it('reports often enough for smooth curves, and evaluates at most ten times, at least ten steps apart', async () => {
    const { labRunConfig } = await import('./labConfig.ts');
    const model = defaultSession().design.model;
    const of = (steps: number) => labRunConfig({ ...defaultSession().dynaprop, steps }, model);
    expect([5, 30, 300, 3000].map((s) => [of(s).reportEvery, of(s).evalEvery])).toEqual([[1, 10], [3, 10], [5, 30], [50, 300]]);
    expect(of(300).reprofileEvery).toBe(50);
    expect(of(30).reprofileEvery).toBe(10);
  });
});
