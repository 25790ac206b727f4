/**
 * The app's sweep controller: one per explorer store, on the app's worker pool
 * and run store. Boot code (a link opened, a session imported) calls
 * `rerunSweepFromSession` to re-run a shared sweep from its seed.
 */
import type { ExplorerStoreApi } from '../../state/store.ts';
import { sweepPool } from '../../workers-client/sweepPool.ts';
import { createSweepController, type SweepController } from './sweepController.ts';
import { sweepRunStore } from './sweepRunStore.ts';

const controllers = new WeakMap<ExplorerStoreApi, SweepController>();

export function sweepControllerFor(store: ExplorerStoreApi): SweepController {
  let c = controllers.get(store);
  if (!c) controllers.set(store, (c = createSweepController(store, sweepRunStore, sweepPool)));
  return c;
}

/** Re-runs the session's sweep from its seed when `session.sweepRan` is set (call after replaceSession). */
export function rerunSweepFromSession(store: ExplorerStoreApi): void {
  sweepControllerFor(store).resumeShared({ force: true });
}
