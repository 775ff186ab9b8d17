import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Emits `sw.js` from the hand-written service-worker/sw.js with the list of built files to keep
 * for offline use and a version that changes whenever any of them does (so an old cache is
 * dropped on the next visit). Source maps stay out: a phone does not need them.
 */
function serviceWorker(): Plugin {
  return {
    name: 'hearth-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((f) => !f.endsWith('.map') && f !== 'index.html')
        .sort();
      const version = createHash('sha256')
        .update(
          files
            .map((f) => {
              const item = bundle[f]!;
              return item.type === 'chunk' ? item.code : String(item.source);
            })
            .join('\n'),
        )
        .digest('hex')
        .slice(0, 16);
      const precache = ['/index.html', '/favicon.svg', ...files.map((f) => `/${f}`)];
      const source = readFileSync(new URL('./service-worker/sw.js', import.meta.url), 'utf8')
        .replace('__HEARTH_VERSION__', version)
        .replace('__HEARTH_PRECACHE__', JSON.stringify(precache));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}

// In development the API runs separately (`npm run dev` at the root, port 3000); proxying
// `/api` keeps the page and the API on one origin so the session cookie and SSE just work.
export default defineConfig({
  plugins: [react(), serviceWorker()],
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
