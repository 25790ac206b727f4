/**
 * A view that replaces the current one brings its sweep along: a link pasted
 * into an open tab, an imported session file and "Restore previous" re-run the
 * sweep from its seed (around the design it was built on), and a view with no
 * sweep never shows the points of another.
 */
import { describe, expect, it } from 'vitest';
import { createExplorerStore } from './store.ts';
import { startLinkController, type AddressBar } from './linkController.ts';
import { createPreviousSessionSlot, replaceKeepingPrevious, restorePrevious } from './previousSession.ts';
import { fakeStorage } from './fakeStorage.test-util.ts';
import { encodeSessionLink } from '../core/share/codec.ts';
import { defaultSession } from '../core/share/defaults.ts';
import { ACCELERATOR_PRESETS } from '../core/space/accelerator/presets.ts';
import { runSweepChunk, type PairSimulator } from '../core/sweep/run.ts';
import type { SimResult } from '../core/elector/types.ts';
import type { SessionState } from '../core/share/session.ts';
import { createSweepPool, type SweepJob, type SweepWorker } from '../workers-client/sweepPool.ts';
import { createSweepController } from './sweep/sweepController.ts';
import { createSweepRunStore } from './sweep/sweepRunStore.ts';
import { parseSessionFile, sessionFileJson } from '../ui/session/sessionFile.ts';

const fakeSim: PairSimulator = (_m, a) => ({
  latencyS: 1 / (a.pe * a.lanesPerPe), totalEnergyNJ: a.pe * a.activationBufferMB * 1e3, dynamicNJ: 1, leakageNJ: 1,
  batchSize: a.batchSize, areaMm2: a.pe + a.activationBufferMB,
} as SimResult);

function setup() {
  const explorer = createExplorerStore(defaultSession());
  const runs = createSweepRunStore();
  const jobs: SweepJob[] = [];
  const worker = (): SweepWorker => ({
    runChunk: (spec, base, settings, start, end) =>
      new Promise((resolve) => setTimeout(() => resolve(runSweepChunk(spec, base, settings, start, end, fakeSim)), 0)),
    terminate: () => {},
  });
  const pool = createSweepPool({ factory: worker, size: 2, minChunk: 50, maxChunk: 200, firstChunk: 100 });
  const runner = { run: (job: SweepJob, cb: Parameters<typeof pool.run>[1]) => { jobs.push(job); return pool.run(job, cb); } };
  const controller = createSweepController(explorer, runs, () => runner);
  let hash = '';
  let listener: (() => void) | null = null;
  const bar: AddressBar & { paste(h: string): void } = {
    hash: () => hash,
    replaceHash: (h) => { hash = h === null ? '' : `#${h}`; },
    href: () => `http://127.0.0.1:4204/${hash}`,
    onHashChange: (l) => { listener = l; return () => { listener = null; }; },
    paste: (h) => { hash = h; listener?.(); },
  };
  const slot = createPreviousSessionSlot(fakeStorage());
  startLinkController(explorer, slot, bar);
  return { explorer, runs, controller, jobs, bar, slot };
}

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 2));
};

/** A view whose sweep ran around the AccelTran-Server design, now showing another design. */
function sweptView(): SessionState {
  const s = defaultSession();
  s.sweep = { ...s.sweep, samples: 300, seed: 9 };
  s.sweepRan = true;
  s.sweepBase = { model: structuredClone(s.design.model), accelerator: structuredClone(ACCELERATOR_PRESETS['acceltran-server'].config) };
  return s;
}

describe('a replaced view re-runs its sweep', () => {
  it('a link pasted into an open tab re-runs its sweep from the seed, around the design it was built on', async () => {
    const { explorer, runs, jobs, bar } = setup();
    // The tab had run a sweep of its own.
    explorer.getState().setSweep({ samples: 200, seed: 1 });
    const t = setup(); // a fresh controller for the reference points of the shared view
    t.explorer.getState().replaceSession(sweptView());
    await until(() => t.runs.getState().status === 'done');

    bar.paste(`#${encodeSessionLink(sweptView())}`);
    expect(runs.getState().status).toBe('running');
    expect(jobs).toHaveLength(1);
    expect(jobs[0].spec.seed).toBe(9);
    expect(jobs[0].base).toEqual(sweptView().sweepBase);
    await until(() => runs.getState().status === 'done');
    expect(runs.getState().done).toBe(300);
    expect([...runs.getState().columns!.latency]).toEqual([...t.runs.getState().columns!.latency]);
    expect(explorer.getState().session.sweepBase).toEqual(sweptView().sweepBase);
  });

  it('an imported session file with "sweepRan": true re-runs its sweep', async () => {
    const { explorer, runs, jobs, slot } = setup();
    const parsed = parseSessionFile(sessionFileJson(sweptView()));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    replaceKeepingPrevious(explorer, parsed.session, slot);
    expect(runs.getState().status).toBe('running');
    await until(() => runs.getState().status === 'done');
    expect(jobs.map((j) => j.spec.seed)).toEqual([9]);
    expect(runs.getState().done).toBe(300);
  });

  it('a replacing view without a sweep clears the old points; restoring the previous view re-runs its sweep', async () => {
    const { explorer, runs, controller, jobs, slot } = setup();
    explorer.getState().replaceSession(sweptView());
    await until(() => runs.getState().status === 'done');
    replaceKeepingPrevious(explorer, defaultSession(), slot);
    expect(runs.getState()).toMatchObject({ status: 'idle', job: null, columns: null });
    restorePrevious(explorer, slot);
    await until(() => runs.getState().status === 'done');
    expect(jobs.map((j) => j.spec.seed)).toEqual([9, 9]);
    controller.dispose();
  });

  it('replacing the view with the one whose points are shown keeps them (no second run)', async () => {
    const { explorer, runs, jobs } = setup();
    explorer.getState().replaceSession(sweptView());
    await until(() => runs.getState().status === 'done');
    explorer.getState().replaceSession(structuredClone(explorer.getState().session));
    expect(runs.getState().status).toBe('done');
    expect(jobs).toHaveLength(1);
  });
});

describe('sameJob', () => {
  it('tells a run built around another base design (or spec, or settings) from the view’s own', async () => {
    const { sameJob } = await import('./sweep/sweepController.ts');
    const view = sweptView();
    const job = { spec: view.sweep, base: view.sweepBase!, settings: view.settings, total: 300 };
    expect(sameJob(job, view)).toBe(true);
    expect(sameJob({ ...job, base: view.design }, view)).toBe(false);
    expect(sameJob({ ...job, spec: { ...view.sweep, seed: 10 } }, view)).toBe(false);
    expect(sameJob({ ...job, settings: { ...view.settings, clockMHz: 500 } }, view)).toBe(false);
  });
});
