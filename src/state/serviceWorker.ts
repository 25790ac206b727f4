/**
 * Offline support: the service worker (public/sw.js, its precache list filled in
 * at build time by src/build/swManifest.ts) caches the app shell, the worker chunks
 * and any .wasm assets. Only production builds register it: in dev it would
 * serve stale modules over Vite's live ones.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`).catch((e: unknown) => {
      // Offline support is an extra: the app works without it.
      console.warn('service worker registration failed', e);
    });
  };
  // After load, so precaching does not compete with the first paint for bandwidth.
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}
