/**
 * Start-up, and the one place that creates and connects stores, controllers and
 * worker clients: pick the initial view (a `#s=` link, else the stored session,
 * else the defaults; see initialSession.ts), create the explorer store, and
 * connect the controllers that keep results, sweeps, storage and the address bar
 * in step with it. Components receive what this returns through context
 * (main.tsx). The DynaProp lab's and the co-design panel's stores are made here
 * too, as memoised loaders (panels.ts): their code arrives when a tab first opens,
 * so none of it is in the main bundle.
 */
import { createExplorerStore, type ExplorerStoreApi } from './store.ts';
import { startSimulationController } from './simulationController.ts';
import { onElectorWorkerEvent, simulateInWorker, simulateLatest } from '../workers-client/electorClient.ts';
import { chooseInitialSession } from './initialSession.ts';
import { browserStorage, readPrefs, readStoredSession, startPersistence } from './persist.ts';
import { setAsideSlot } from './setAsideSession.ts';
import { markLinked, startLinkController } from './linkController.ts';
import { previousSessionSlot } from './previousSession.ts';
import { registerServiceWorker } from './serviceWorker.ts';
import { startAppSweep, type AppSweep } from './sweep/appSweep.ts';
import { sweepPool } from '../workers-client/sweepPool.ts';
import { createLazyPanels, type LazyPanels } from './panels.ts';

export interface BootedApp {
  explorer: ExplorerStoreApi;
  sweep: AppSweep;
  panels: LazyPanels;
}

export function bootExplorer(): BootedApp {
  const storage = browserStorage();
  const choice = chooseInitialSession({ hash: location.hash, stored: readStoredSession(storage) });
  const store = createExplorerStore(choice.session);
  const prefs = readPrefs(storage);
  store.getState().setTheme(prefs.theme);
  store.getState().setExplain(prefs.explain);

  const slot = previousSessionSlot();
  if (choice.replaced) slot.save(choice.replaced);
  // Kept aside, not destroyed: it may be readable by a newer version of the app.
  // The header offers it back ("Download set-aside", SetAsideButtons.tsx) until the user discards it.
  const setAside = setAsideSlot(storage);
  if (choice.unreadable) setAside.keep(choice.unreadable);
  if (choice.source === 'link') markLinked(choice.session);
  if (choice.notice) store.getState().notify(choice.notice.kind, choice.notice.message);

  // A worker that failed to load or died is restarted and the request retried once (workerGuard.ts); say so.
  onElectorWorkerEvent(({ kind, error }) => {
    const why = error instanceof Error ? error.message : String(error);
    // A failed retry shows as the simulation's error; a successful one is worth a note.
    if (kind === 'recovered') store.getState().notify('info', `The simulation had to be retried: ${why}. A new worker was started and answered.`);
  });
  startSimulationController(store, { simulateLatest, simulate: simulateInWorker });
  const persistence = startPersistence(store, storage, {
    onSaveFailed: () => store.getState().notify('info', 'This browser is not saving your session (storage is full or disabled). Use “Download session” to keep your work.'),
  });
  // Save what a debounced write still holds when the tab goes away.
  addEventListener('pagehide', persistence.flush);
  startLinkController(store, slot);
  // A shared or restored sweep re-runs from its seed, now and whenever the view is replaced.
  const sweep = startAppSweep(store, sweepPool);
  // The opened view is stored at once, so a reload right away restores it even without the link.
  if (choice.source !== 'storage') persistence.saveNow();
  registerServiceWorker();
  return { explorer: store, sweep, panels: createLazyPanels(store) };
}
