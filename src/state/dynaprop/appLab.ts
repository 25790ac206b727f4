/**
 * The app's DynaProp lab: a controller and run store on the app's DynaProp worker,
 * IndexedDB and simulation worker. Start-up owns it (state/panels.ts loads this module
 * and calls `createAppLab` the first time the lab tab opens, so nothing of it is in the
 * main bundle) and keeps it for the page's life.
 */
import { useStore } from 'zustand';
import { createStoreContext } from '../storeContext.ts';
import type { ExplorerStoreApi } from '../store.ts';
import { dynapropClient } from '../../workers-client/dynapropClient.ts';
import { simulateInWorker } from '../../workers-client/electorClient.ts';
import { createLabController, type LabController } from './labController.ts';
import { indexedDbLabStore } from './labDb.ts';
import { createLabStore, type LabRunState, type LabStoreApi } from './labStore.ts';

export interface AppLab {
  store: LabStoreApi;
  controller: LabController;
}

export function createAppLab(explorer: ExplorerStoreApi): AppLab {
  const store = createLabStore();
  const controller = createLabController({
    explorer, lab: store, client: dynapropClient(), db: indexedDbLabStore(), simulate: simulateInWorker, base: document.baseURI,
  });
  void controller.load();
  return { store, controller };
}

const labContext = createStoreContext<AppLab>('LabContext');
export const LabContext = labContext.Context;
export const useLabApi = labContext.use;

/** Subscribes to one slice of the lab's run-time state. */
export function useLab<T>(selector: (s: LabRunState) => T): T {
  return useStore(useLabApi().store, selector);
}
