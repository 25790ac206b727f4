/*
 * TransCODE Explorer service worker: the app keeps working offline once it has
 * loaded. Plain JS on purpose (no build step). The build (src/build/swManifest.ts)
 * replaces the PRECACHE line below with every emitted file (app shell, worker
 * chunks, .wasm assets) and a content hash that names the cache, so each
 * deployment gets a fresh cache and the old one is deleted on activation.
 *
 * - precached files: cache first (they are content-hashed, so never stale);
 * - navigations: network first (fresh app when online), falling back to the
 *   precached index.html when offline or when the network hangs;
 * - anything else (other origins, non-GET): not touched.
 *
 * Updates (src/state/serviceWorker.ts drives them): a new worker waits. The page
 * asks it for its build (`{ type: 'version' }`, answered on the message port);
 * a page that already runs that build activates it at once (`{ type:
 * 'skip-waiting' }`), so an offline reload serves the build the user last ran
 * online; a page on an older build shows "update available, reload" instead.
 */
const PRECACHE = { version: 'dev', files: [] }; // @precache-manifest
const CACHE_PREFIX = 'transcode-explorer-';
const CACHE_NAME = CACHE_PREFIX + PRECACHE.version;
const NAVIGATION_TIMEOUT_MS = 4000;

const inScope = (path) => new URL(path, self.registration.scope).href;
const PRECACHED = new Set(PRECACHE.files.map(inScope));
const SHELL = inScope('index.html');

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE_NAME).then((cache) =>
      // `reload` bypasses the HTTP cache, so the cache holds exactly this build's files.
      cache.addAll(PRECACHE.files.map((f) => new Request(inScope(f), { cache: 'reload' }))),
    ),
  );
  // No skipWaiting() here: an updated worker waits until a page that runs the new
  // build (or the user, through the reload prompt) asks it to take over.
});

self.addEventListener('message', (event) => {
  const type = event.data && event.data.type;
  if (type === 'version') event.ports[0]?.postMessage({ version: PRECACHE.version, files: PRECACHE.files });
  else if (type === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const keys = await caches.keys();
      await Promise.all(keys.filter((k) => k.startsWith(CACHE_PREFIX) && k !== CACHE_NAME).map((k) => caches.delete(k)));
      // Control the page that installed us, so it works offline without a reload.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request));
    return;
  }
  url.hash = '';
  if (PRECACHED.has(url.href)) event.respondWith(cacheFirst(request, url.href));
});

async function cacheFirst(request, key) {
  const cache = await caches.open(CACHE_NAME);
  const hit = await cache.match(key);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(key, response.clone());
  return response;
}

async function networkFirst(request) {
  try {
    const response = await Promise.race([
      fetch(request),
      new Promise((_, reject) => setTimeout(() => reject(new Error('navigation timed out')), NAVIGATION_TIMEOUT_MS)),
    ]);
    return response;
  } catch (error) {
    // The precached shell, not the last network copy: it matches the precached assets.
    const shell = await caches.match(SHELL, { cacheName: CACHE_NAME });
    if (shell) return shell;
    throw error;
  }
}
