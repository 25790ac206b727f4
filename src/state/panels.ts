/**
 * The lazily loaded panels' state, owned by start-up (boot.ts) like every other store:
 * boot creates one `LazyPanels` per explorer store, and each panel's chunk asks it for
 * its store and controller instead of making its own. The stores' code still arrives
 * only when a panel first opens (a dynamic import), so none of it is in the main bundle;
 * the promise is memoised, so a run goes on while another tab is shown and reopening the
 * tab finds the same store.
 */
import type { ExplorerStoreApi } from './store.ts';
import type { AppLab } from './dynaprop/appLab.ts';
import type { AppCodesign } from './codesign/appCodesign.ts';
import { useEffect, useState } from 'react';
import { createStoreContext } from './storeContext.ts';

export interface LazyPanels {
  /** The DynaProp lab's run store and controller, created on the first call. */
  lab(): Promise<AppLab>;
  /** The co-design panel's run store and controller, created on the first call. */
  codesign(): Promise<AppCodesign>;
}

/** Memoises a promise factory; a failed load is forgotten so that the next call tries again. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}

export function createLazyPanels(explorer: ExplorerStoreApi): LazyPanels {
  return {
    lab: once(() => import('./dynaprop/appLab.ts').then((m) => m.createAppLab(explorer))),
    codesign: once(() => import('./codesign/appCodesign.ts').then((m) => m.createAppCodesign(explorer))),
  };
}

const panelsContext = createStoreContext<LazyPanels>('PanelsContext');
export const PanelsContext = panelsContext.Context;
export const usePanels = panelsContext.use;

export type Loaded<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed'; message: string };

/**
 * A panel's state from its loader, for rendering: loading, ready, or failed with the reason
 * (a chunk that did not arrive), never a thrown error that would take the whole app down.
 */
export function useLoaded<T>(load: () => Promise<T>): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setState({ status: 'ready', value }),
      (error: unknown) => live && setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => { live = false; };
  }, [load]);
  return state;
}
