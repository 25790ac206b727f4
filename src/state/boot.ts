/**
 * Start-up: pick the initial view, create the store, and connect the
 * controllers that keep results in step with it.
 */
import { createExplorerStore, type ExplorerStoreApi } from './store.ts';
import { startSimulationController } from './simulationController.ts';
import { simulateInWorker, simulateLatest } from '../workers-client/electorClient.ts';
import { defaultSession } from '../core/share/defaults.ts';

export function bootExplorer(): ExplorerStoreApi {
  const store = createExplorerStore(defaultSession());
  startSimulationController(store, { simulateLatest, simulate: simulateInWorker });
  return store;
}
