import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The service worker comes from Workbox through vite-plugin-pwa: it precaches the app shell (so
 * the field phone reloads without a connection) and keeps network-first copies of the two reads
 * the nurse's day starts from. It never touches writes: unsent work lives in the page's outbox in
 * IndexedDB (src/offline), so a new worker taking over can never strand a queued command. The
 * cache name of the field reads is cleared at logout (src/offline/clear-field-data.ts).
 */
// a regular expression, not a function: Workbox copies the route into sw.js as text, so a
// function could not see a list declared here
const fieldReads = /\/api\/v1\/(auth\/me|visits\/mine|field\/caseload)(\?|$)/;

// In development the API runs separately (`npm run dev` at the root, port 3000); proxying
// `/api` keeps the page and the API on one origin so the session cookie and SSE just work.
export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      strategies: 'generateSW',
      registerType: 'autoUpdate',
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
        // a new version takes over at once: nothing is lost by it, the outbox is in IndexedDB
        skipWaiting: true,
        clientsClaim: true,
        // the bundle is larger than Workbox's default limit of 2 MiB per file
        maximumFileSizeToCacheInBytes: 6 * 1024 * 1024,
        runtimeCaching: [
          {
            urlPattern: fieldReads,
            handler: 'NetworkFirst',
            method: 'GET',
            options: {
              cacheName: 'hearth-field-data',
              networkTimeoutSeconds: 10,
              cacheableResponse: { statuses: [200] },
            },
          },
        ],
      },
    }),
  ],
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000' } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
});
