/**
 * Keeps results in step with intent: every change of the design or the run
 * settings sends one request (the newest wins, older replies are dropped), and
 * pinned designs plus the baseline are simulated when they change.
 * The transport is injected, so tests drive it with the core directly.
 */
import type { SimOptions } from '../core/elector/types.ts';
import type { SimulationReply } from '../core/elector/run.ts';
import type { LatestWinsOutcome } from '../workers-client/latestWins.ts';
import type { Design } from '../core/share/session.ts';
import type { RunSettings } from '../core/share/schema.ts';
import { simOptionsOf } from '../core/share/runSettings.ts';
import { MODEL_PRESETS } from '../core/space/transformer/presets.ts';
import { ACCELERATOR_PRESETS } from '../core/space/accelerator/presets.ts';
import type { ExplorerStoreApi, SimSlot } from './store.ts';

export interface SimulationTransport {
  /** Newest-wins simulation for the live design. */
  simulateLatest(model: unknown, accelerator: unknown, options: SimOptions): Promise<LatestWinsOutcome<SimulationReply>>;
  /** Plain simulation for pinned designs. */
  simulate(model: unknown, accelerator: unknown, options: SimOptions): Promise<SimulationReply>;
}

/** The default baseline: BERT-Base on AccelTran-Server. */
export const DEFAULT_BASELINE: Design = {
  model: MODEL_PRESETS['bert-base'].model,
  accelerator: ACCELERATOR_PRESETS['acceltran-server'].config,
};
export const BASELINE_ID = 'baseline';

/** Options of the live simulation (with the per-op timeline); compared designs turn it off. */
export function optionsFor(settings: RunSettings): SimOptions {
  return { ...simOptionsOf(settings), timeline: true };
}

function slotFrom(reply: SimulationReply, elapsedMs: number): SimSlot {
  return reply.ok
    ? { status: 'done', result: reply.result, error: null, issues: [], elapsedMs }
    : { status: 'error', result: null, error: reply.error, issues: reply.issues ?? [], elapsedMs };
}

/** A rejected request (the worker failed to load or died, and its one retry failed too), for people. */
export function failureMessage(e: unknown): string {
  const why = e instanceof Error ? e.message : String(e);
  return `${why}. Your next edit tries again on a new worker`;
}

export function startSimulationController(store: ExplorerStoreApi, transport: SimulationTransport): () => void {
  const runLive = () => {
    const { design, settings } = store.getState().session;
    const started = performance.now();
    store.getState().setSim({ status: 'running' });
    transport.simulateLatest(design.model, design.accelerator, optionsFor(settings)).then(
      (outcome) => {
        if (!outcome.superseded) store.getState().setSim(slotFrom(outcome.value, performance.now() - started));
      },
      // A worker that failed to load or died (already restarted and retried once): say so, and stop "running".
      (e: unknown) => store.getState().setSim({ status: 'error', error: failureMessage(e), issues: [], result: null, elapsedMs: null }),
    );
  };

  const compareKey = new Map<string, string>();
  const runCompare = () => {
    const { pinned, settings, sweepBase } = store.getState().session;
    // The default column is the design the sweep was built around, when there is one.
    const base = sweepBase ?? DEFAULT_BASELINE;
    const wanted = [{ id: BASELINE_ID, model: base.model, accelerator: base.accelerator, settings }, ...pinned];
    for (const p of wanted) {
      const key = JSON.stringify([p.model, p.accelerator, p.settings]);
      if (compareKey.get(p.id) === key && store.getState().compare[p.id]) continue;
      compareKey.set(p.id, key);
      const started = performance.now();
      transport.simulate(p.model, p.accelerator, { ...optionsFor(p.settings), timeline: false }).then(
        (reply) => {
          if (compareKey.get(p.id) === key) store.getState().setCompare(p.id, slotFrom(reply, performance.now() - started));
        },
        (e: unknown) => {
          // The key stays: a failed design is asked again when its pins or settings change, not in a loop.
          if (compareKey.get(p.id) !== key) return;
          store.getState().setCompare(p.id, { status: 'error', result: null, error: failureMessage(e), issues: [], elapsedMs: null });
        },
      );
    }
  };

  runLive();
  runCompare();
  return store.subscribe((state, prev) => {
    const s = state.session, p = prev.session;
    if (s.design !== p.design || s.settings !== p.settings) runLive();
    // Intent only, never its own output (`compare`): a replaced view empties `compare`, so it is asked again then.
    if (s.pinned !== p.pinned || s.settings !== p.settings || s.sweepBase !== p.sweepBase || state.replacedCount !== prev.replacedCount) runCompare();
  });
}
