/**
 * The app's sweep: its run store and controller, created once by start-up
 * (`state/boot.ts`, the one place that wires stores, controllers and workers) on
 * the app's worker pool, and handed to components through `SweepContext`.
 * Components never import a module singleton, so tests and a second explorer
 * (if there ever is one) get their own.
 */
import { useStore } from 'zustand';
import { createStoreContext } from '../storeContext.ts';
import type { ExplorerStoreApi } from '../store.ts';
import { createSweepController, type SweepController, type SweepRunner } from './sweepController.ts';
import { createSweepHistory, type SweepHistory } from './sweepHistory.ts';
import { indexedDbSweepHistory } from './historyDb.ts';
import { createSweepImporter, type SweepImporter } from './sweepImport.ts';
import { startSweepImport } from '../../workers-client/sweepImportClient.ts';
import { createSweepFilter, sessionBrushIntent, type SweepFilter } from './sweepFilter.ts';
import { createSweepRunStore, type SweepRunState, type SweepRunStore } from './sweepRunStore.ts';

export interface AppSweep {
  store: SweepRunStore;
  controller: SweepController;
  history: SweepHistory;
  importer: SweepImporter;
  /** Parallel-coordinates brushes over the run's points. */
  filter: SweepFilter;
}

/**
 * Connects a run store, controller and history to the explorer and shows the opened
 * view's sweep when `session.sweepRan` is set (from the history, or re-run from its
 * seed); from then on the controller
 * re-runs the sweep of every view that replaces the current one (a link pasted
 * into the tab, an imported file, the previous view restored).
 */
export function startAppSweep(explorer: ExplorerStoreApi, runner: () => SweepRunner): AppSweep {
  const store = createSweepRunStore();
  const controller = createSweepController(explorer, store, runner);
  const history = createSweepHistory({ explorer, runs: store, controller, db: indexedDbSweepHistory() });
  // A reloaded or restored view shows its sweep from the history when it is there; else it re-runs from the seed.
  void history.restoreView().catch(() => false).then((shown) => shown || controller.resumeShared());
  const importer = createSweepImporter({ controller, history, start: startSweepImport });
  return { store, controller, history, importer, filter: createSweepFilter(store, sessionBrushIntent(explorer)) };
}

const sweepContext = createStoreContext<AppSweep>('SweepContext');
export const SweepContext = sweepContext.Context;
export const useSweepApi = sweepContext.use;

/** Subscribes to one slice of the sweep's run-time state. */
export function useSweepRun<T>(selector: (s: SweepRunState) => T): T {
  return useStore(useSweepApi().store, selector);
}
