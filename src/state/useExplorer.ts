/** The thin React binding over the vanilla store (zustand's own split). */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { ExplorerStore, ExplorerStoreApi } from './store.ts';

export const ExplorerContext = createContext<ExplorerStoreApi | null>(null);

export function useExplorerApi(): ExplorerStoreApi {
  const api = useContext(ExplorerContext);
  if (!api) throw new Error('useExplorer outside <ExplorerContext.Provider>');
  return api;
}

/** Subscribes to one slice; re-renders only when that slice changes (Object.is). */
export function useExplorer<T>(selector: (s: ExplorerStore) => T): T {
  return useStore(useExplorerApi(), selector);
}
