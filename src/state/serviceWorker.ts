/**
 * Offline support and updates. The service worker (public/sw.js, its precache
 * list and build version filled in at build time by src/build/swManifest.ts)
 * caches the app shell, the worker chunks and any .wasm assets. Only production
 * builds register it: in dev it would serve stale modules over Vite's live ones.
 *
 * A new deployment is found when the page loads, when it becomes visible again,
 * comes back online, and every hour. The new worker installs and waits; then:
 * - if this page already runs the new build (it was loaded from the network
 *   while the old worker was in control), the new worker takes over at once, so
 *   an offline reload serves this build and never an older one;
 * - otherwise this page is the older build: "A new version is available" with a
 *   Reload button, which activates the new worker and reloads.
 */

/** What the page should do about a worker that has installed (or taken control). */
export type UpdateDecision = 'none' | 'activate' | 'prompt';

/**
 * `pageBuild` is the page's entry script relative to the scope (null in dev or
 * when unknown); `workerFiles` is the precache list of the new worker.
 * With no controller, the first worker simply installs: nothing to decide.
 */
export function decideUpdate(opts: { hasController: boolean; pageBuild: string | null; workerFiles: readonly string[] | null }): UpdateDecision {
  if (!opts.hasController) return 'none';
  if (!opts.workerFiles || opts.pageBuild === null) return 'prompt';
  return opts.workerFiles.includes(opts.pageBuild) ? 'activate' : 'prompt';
}

/** The entry script of this page's build, relative to `scope` (e.g. `assets/index-AbC123.js`). */
export function pageBuildScript(scripts: readonly string[], scope: string): string | null {
  for (const src of scripts) {
    if (src.startsWith(scope) && /\.js$/.test(new URL(src).pathname)) return src.slice(scope.length).replace(/[?#].*$/, '');
  }
  return null;
}

export interface UpdateState {
  available: boolean;
}

type Listener = () => void;
const listeners = new Set<Listener>();
let state: UpdateState = { available: false };
let applyUpdate: () => void = () => location.reload();

function setState(next: UpdateState): void {
  state = next;
  listeners.forEach((l) => l());
}

/** For `useSyncExternalStore` (src/ui/session/UpdatePrompt.tsx). */
export const updateStatus = {
  get: (): UpdateState => state,
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** Activates the waiting build (if any) and reloads into it. */
  apply: (): void => applyUpdate(),
};

/** Asks a worker for its `{ version, files }`; null when it does not answer in time. */
export function askVersion(worker: ServiceWorker, timeoutMs = 3000): Promise<{ version: string; files: string[] } | null> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(null), timeoutMs);
    channel.port1.onmessage = (e: MessageEvent) => {
      clearTimeout(timer);
      resolve(e.data as { version: string; files: string[] });
    };
    worker.postMessage({ type: 'version' }, [channel.port2]);
  });
}

const UPDATE_CHECK_MS = 60 * 60 * 1000;

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const sw = navigator.serviceWorker;
  const register = async () => {
    let reg: ServiceWorkerRegistration;
    try {
      reg = await sw.register(`${import.meta.env.BASE_URL}sw.js`);
    } catch (e) {
      // Offline support is an extra: the app works without it.
      console.warn('service worker registration failed', e);
      return;
    }
    const scripts = [...document.querySelectorAll<HTMLScriptElement>('script[type="module"][src]')].map((s) => s.src);
    const pageBuild = pageBuildScript(scripts, reg.scope);
    let reloadOnChange = false;

    const onWaiting = async (worker: ServiceWorker) => {
      const info = await askVersion(worker);
      const decision = decideUpdate({ hasController: sw.controller !== null, pageBuild, workerFiles: info?.files ?? null });
      if (decision === 'activate') worker.postMessage({ type: 'skip-waiting' });
      else if (decision === 'prompt') {
        applyUpdate = () => {
          const waiting = reg.waiting;
          // Already active (another tab took it over): nothing will change, so reload now.
          if (!waiting) return location.reload();
          reloadOnChange = true;
          waiting.postMessage({ type: 'skip-waiting' });
        };
        setState({ available: true });
      }
    };
    const watch = (worker: ServiceWorker | null) => {
      if (!worker) return;
      if (worker.state === 'installed') void onWaiting(worker);
      else worker.addEventListener('statechange', () => worker.state === 'installed' && void onWaiting(worker));
    };

    let hadController = sw.controller !== null;
    sw.addEventListener('controllerchange', async () => {
      if (reloadOnChange) {
        location.reload();
        return;
      }
      // The first worker taking control of a fresh page is not an update.
      if (!hadController) {
        hadController = true;
        return;
      }
      // Another tab (or this page) activated a build: if it is not this page's, offer the reload.
      const controller = sw.controller;
      const info = controller ? await askVersion(controller) : null;
      if (decideUpdate({ hasController: true, pageBuild, workerFiles: info?.files ?? null }) === 'prompt') {
        applyUpdate = () => location.reload();
        setState({ available: true });
      }
    });

    watch(reg.waiting ?? reg.installing);
    reg.addEventListener('updatefound', () => watch(reg.installing));
    const check = () => {
      if (navigator.onLine) reg.update().catch(() => undefined);
    };
    document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && check());
    addEventListener('online', check);
    setInterval(check, UPDATE_CHECK_MS);
  };
  // After load, so precaching does not compete with the first paint for bandwidth.
  if (document.readyState === 'complete') void register();
  else addEventListener('load', () => void register(), { once: true });
}
