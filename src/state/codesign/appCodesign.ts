/**
 * The app's co-design panel: a controller and run store on the app's co-design worker and
 * IndexedDB. Start-up owns it (state/panels.ts loads this module and calls
 * `createAppCodesign` the first time the tab opens, so nothing of it is in the main
 * bundle) and keeps it for the page's life, so a search goes on while another tab is shown.
 */
import { useStore } from 'zustand';
import { createStoreContext } from '../storeContext.ts';
import type { ExplorerStoreApi } from '../store.ts';
import { codesignClient } from '../../workers-client/codesignClient.ts';
import { createCodesignController, type CodesignController } from './codesignController.ts';
import { indexedDbSearchStore } from './searchDb.ts';
import { indexedDbProgressStore } from './searchProgress.ts';
import { createCodesignStore, type CodesignRunState, type CodesignStoreApi } from './codesignStore.ts';
import { indexedDbLabStore } from '../dynaprop/labDb.ts';
import { userLabRuns } from './userLabRuns.ts';

export interface AppCodesign {
  store: CodesignStoreApi;
  controller: CodesignController;
}

export function createAppCodesign(explorer: ExplorerStoreApi): AppCodesign {
  const store = createCodesignStore();
  const lab = indexedDbLabStore();
  const controller = createCodesignController({
    explorer, store, client: codesignClient(), db: indexedDbSearchStore(), progress: indexedDbProgressStore(),
    labRuns: () => userLabRuns(lab),
  });
  void controller.load();
  void controller.describePredictor();
  return { store, controller };
}

const codesignContext = createStoreContext<AppCodesign>('CodesignContext');
export const CodesignContext = codesignContext.Context;
export const useCodesignApi = codesignContext.use;

export function useCodesign<T>(selector: (s: CodesignRunState) => T): T {
  return useStore(useCodesignApi().store, selector);
}
