import { describe, expect, it } from 'vitest';
import { createExplorerStore } from '../store.ts';
import { defaultSession } from '../../core/share/defaults.ts';
import { runSweepChunk, type PairSimulator } from '../../core/sweep/run.ts';
import type { SimResult } from '../../core/elector/types.ts';
import { createSweepPool, type SweepWorker } from '../../workers-client/sweepPool.ts';
import { createSweepController } from './sweepController.ts';
import { createSweepRunStore } from './sweepRunStore.ts';
import { memorySweepHistory } from './historyDb.ts';
import { createSweepHistory, MAX_HISTORY } from './sweepHistory.ts';

const fakeSim: PairSimulator = (_m, a) => ({
  latencyS: 1 / (a.pe * a.lanesPerPe), totalEnergyNJ: a.pe * a.activationBufferMB * 1e3, dynamicNJ: 1, leakageNJ: 1,
  batchSize: a.batchSize, areaMm2: a.pe + a.activationBufferMB,
} as SimResult);

function setup(db = memorySweepHistory(), session = defaultSession()) {
  const explorer = createExplorerStore(session);
  const runs = createSweepRunStore();
  let simulated = 0;
  const worker = (): SweepWorker => ({
    runChunk: (spec, base, settings, start, end) => new Promise((resolve) => setTimeout(() => {
      simulated += end - start;
      resolve(runSweepChunk(spec, base, settings, start, end, fakeSim));
    }, 0)),
    terminate: () => {},
  });
  const pool = createSweepPool({ factory: worker, size: 2, minChunk: 50, maxChunk: 200, firstChunk: 100 });
  const controller = createSweepController(explorer, runs, () => pool);
  let t = Date.parse('2026-12-05T00:00:00Z');
  let id = 0;
  const history = createSweepHistory({ explorer, runs, controller, db, now: () => new Date((t += 1000)), newId: () => `s${++id}` });
  return { explorer, runs, controller, history, db, simulated: () => simulated };
}

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 1000 && !cond(); i++) await new Promise((r) => setTimeout(r, 2));
};

async function runSweep(s: ReturnType<typeof setup>, samples: number, seed: number) {
  s.explorer.getState().setSweep({ samples, seed });
  s.controller.start();
  await until(() => s.runs.getState().status === 'done');
  await until(() => s.history.store.getState().entries.some((e) => e.job.spec.seed === seed && e.job.spec.samples === samples));
}

describe('sweep history', () => {
  it('keeps every finished sweep, newest first, and reopens one exactly without simulating', async () => {
    const s = setup();
    await s.history.load();
    await runSweep(s, 300, 1);
    const first = { ...s.runs.getState() };
    await runSweep(s, 400, 2);
    const names = s.history.store.getState().entries.map((e) => e.name);
    expect(names).toEqual(['Random sweep, seed 2: 400 pairs (accelerator, inference)', 'Random sweep, seed 1: 300 pairs (accelerator, inference)']);

    const before = s.simulated();
    await s.history.open(s.history.store.getState().entries[1].id);
    const now = s.runs.getState();
    expect(s.simulated()).toBe(before);
    expect(now.status).toBe('done');
    expect([...now.columns!.latency]).toEqual([...first.columns!.latency]);
    expect([...now.front]).toEqual([...first.front]);
    // It is the view's sweep now: a link carries its settings and seed, never its points.
    const session = s.explorer.getState().session;
    expect(session.sweep).toEqual(first.job!.spec);
    expect(session.sweepRan).toBe(true);
  });

  it('renames, deletes, overlays, and replaces a re-run of the same sweep instead of adding it twice', async () => {
    const s = setup();
    await s.history.load();
    await runSweep(s, 200, 7);
    await runSweep(s, 200, 8);
    const [b, a] = s.history.store.getState().entries;
    await s.history.rename(a.id, '  Baseline  ');
    expect(s.history.store.getState().entries.find((e) => e.id === a.id)!.name).toBe('Baseline');
    await s.history.overlay(a.id);
    expect(s.runs.getState().overlay?.name).toBe('Baseline');
    expect(s.runs.getState().overlay?.columns.latency).toHaveLength(200);
    // A new run keeps the overlay (it is drawn under whatever runs).
    s.explorer.getState().setSweep({ seed: 8 });
    s.controller.start();
    expect(s.runs.getState().overlay?.id).toBe(a.id);
    await until(() => s.runs.getState().status === 'done');
    await until(() => s.history.store.getState().entries[0].createdAt !== b.createdAt);
    expect(s.history.store.getState().entries).toHaveLength(2);
    await s.history.remove(a.id);
    expect(s.history.store.getState().entries.map((e) => e.id)).toEqual([b.id]);
    expect(s.runs.getState().overlay).toBeNull();
  });

  it('reports a damaged entry by key and field, loads the others, and leaves the damaged one alone', async () => {
    const db = memorySweepHistory();
    const s = setup(db);
    await s.history.load();
    await runSweep(s, 100, 3);
    const id = s.history.store.getState().entries[0].id;
    db.raw.set('meta/broken', { format: 'transcode-sweep-record', version: 99, id: 'broken' });
    // The columns' Blob cut short (a damaged store).
    const data = db.raw.get(`data/${id}`) as { blob: Blob };
    data.blob = data.blob.slice(0, 1000);
    const again = setup(db);
    await again.history.load();
    const st = again.history.store.getState();
    expect(st.entries.map((e) => e.id)).toEqual([id]);
    expect(st.unreadable).toEqual([{ key: 'meta/broken', field: 'version', message: expect.stringMatching(/newer app/) }]);
    await again.history.open(id);
    expect(again.history.store.getState().message).toMatch(/data\.blob: holds 1000 bytes; \d+ expected for 100 pairs/);
    expect(again.runs.getState().status).toBe('idle');
    expect(db.raw.has('meta/broken')).toBe(true);
  });

  it(`keeps the newest ${MAX_HISTORY} sweeps and says which was dropped`, async () => {
    const s = setup();
    await s.history.load();
    for (let seed = 0; seed <= MAX_HISTORY; seed++) await runSweep(s, 60, seed);
    const st = s.history.store.getState();
    expect(st.entries).toHaveLength(MAX_HISTORY);
    expect(st.entries.some((e) => e.job.spec.seed === 0)).toBe(false);
    expect(st.message).toMatch(/seed 0/);
  });

  it('shows a reloaded view\'s sweep from the history without simulating, keeping its brush', async () => {
    const db = memorySweepHistory();
    const s = setup(db);
    await s.history.load();
    await runSweep(s, 500, 21);
    const ran = s.runs.getState();
    // The view as a reload finds it: sweep run, a brush around part of the points.
    const session = structuredClone(s.explorer.getState().session);
    const brush = { x: 'latency' as const, y: 'energy' as const, x0: 0, x1: 1e9, y0: 0, y1: 1e9 };
    // Start-up creates the store with the view (nothing "replaced" it).
    const again = setup(db, { ...session, plot: { ...session.plot, brush } });
    expect(await again.history.restoreView()).toBe(true);
    expect(again.simulated()).toBe(0);
    const st = again.runs.getState();
    expect(st.status).toBe('done');
    expect([...st.columns!.energy]).toEqual([...ran.columns!.energy]);
    expect(st.selection.length).toBe(500);
    expect(again.explorer.getState().session.plot.brush).toEqual(brush);
    // A view whose sweep is not in the history must be re-run.
    const other = setup(db, { ...session, sweep: { ...session.sweep, seed: 99 } });
    expect(await other.history.restoreView()).toBe(false);
  });
});
