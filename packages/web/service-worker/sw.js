/* Hearth's service worker, written by hand (no library): it lets the field phone reload the
 * app without a connection (issue 5, "the form survives a reload and a lost connection";
 * reference/fhir-and-offline.md, section 3). The build (vite.config.ts) fills in the list of
 * built files and a version; this file is never used in development.
 *
 * - The app shell and every built file are cached at install, so a reload offline still starts.
 * - Page navigations try the network first and fall back to the cached index.html.
 * - Hashed files under /assets/ never change, so the cache answers first.
 * - Only two API reads are kept for offline use, both needed to show the nurse's day: who is
 *   logged in, and her visits. They are fetched from the network first; the copy is used only
 *   when the network fails, and it is deleted at logout (outbox.ts) and on a 401.
 * - Everything else, and every write, goes to the network untouched: writes wait in the
 *   page's outbox instead.
 */
const version = '__HEARTH_VERSION__';
const shellCache = `hearth-shell-${version}`;
const fieldCache = 'hearth-field-data';
const precache = __HEARTH_PRECACHE__;
const offlineReads = ['/api/v1/auth/me', '/api/v1/visits/mine'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(shellCache)
      .then((cache) => cache.addAll(precache))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith('hearth-shell-') && k !== shellCache).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

async function networkFirstPage(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const cached = await caches.match('/index.html', { cacheName: shellCache });
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: shellCache });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(shellCache);
    await cache.put(request, response.clone());
  }
  return response;
}

async function networkFirstRead(request) {
  const cache = await caches.open(fieldCache);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    else if (response.status === 401) await cache.delete(request);
    return response;
  } catch (error) {
    const cached = await cache.match(request);
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && !url.pathname.startsWith('/api/')) {
    event.respondWith(networkFirstPage(request));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
  } else if (offlineReads.includes(url.pathname)) {
    event.respondWith(networkFirstRead(request));
  }
});
