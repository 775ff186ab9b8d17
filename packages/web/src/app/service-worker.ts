/**
 * Registers the Workbox service worker that vite-plugin-pwa builds (vite.config.ts), which lets
 * the app reload without a connection. Only in a production build: in development Vite serves
 * unbundled modules that the worker must not cache.
 */
export function registerServiceWorker() {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // without the worker the app still works online; only the offline reload is lost
    });
  });
}
