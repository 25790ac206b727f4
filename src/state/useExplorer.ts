/** The thin React binding over the vanilla store (zustand's own split). */
import { useStore } from 'zustand';
import { createStoreContext } from './storeContext.ts';
import type { ExplorerStore, ExplorerStoreApi } from './store.ts';

const explorerContext = createStoreContext<ExplorerStoreApi>('ExplorerContext');
export const ExplorerContext = explorerContext.Context;
export const useExplorerApi = explorerContext.use;

/** Subscribes to one slice; re-renders only when that slice changes (Object.is). */
export function useExplorer<T>(selector: (s: ExplorerStore) => T): T {
  return useStore(useExplorerApi(), selector);
}
