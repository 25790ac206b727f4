/**
 * The app's DynaProp lab: one controller and run store per explorer store, on the
 * app's DynaProp worker, IndexedDB and simulation worker. Created by the lab panel's
 * chunk the first time the tab opens (nothing of it is in the main bundle), and kept
 * for the page's life, so a run goes on while another tab is shown.
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

const labs = new WeakMap<ExplorerStoreApi, AppLab>();

export function appLabFor(explorer: ExplorerStoreApi): AppLab {
  let lab = labs.get(explorer);
  if (!lab) {
    const store = createLabStore();
    const controller = createLabController({
      explorer, lab: store, client: dynapropClient(), db: indexedDbLabStore(), simulate: simulateInWorker, base: document.baseURI,
    });
    void controller.load();
    labs.set(explorer, (lab = { store, controller }));
  }
  return lab;
}

const labContext = createStoreContext<AppLab>('LabContext');
export const LabContext = labContext.Context;
export const useLabApi = labContext.use;

/** Subscribes to one slice of the lab's run-time state. */
export function useLab<T>(selector: (s: LabRunState) => T): T {
  return useStore(useLabApi().store, selector);
}
