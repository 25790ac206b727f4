/**
 * The app's sweep controller: one per explorer store, on the app's worker pool
 * and run store. Start-up (`state/boot.ts`) calls `startAppSweep`: it creates the
 * controller, re-runs an opened link's or a restored session's sweep from its
 * seed, and from then on the controller re-runs the sweep of every view that
 * replaces the current one (a link pasted into the tab, an imported file, the
 * previous view restored).
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

/** Start-up: connects the sweep controller and re-runs the opened view's sweep when `session.sweepRan` is set. */
export function startAppSweep(store: ExplorerStoreApi): SweepController {
  const controller = sweepControllerFor(store);
  controller.resumeShared();
  return controller;
}
