import { Worker } from 'node:worker_threads';

/**
 * A worker thread running a TypeScript module: the server runs from source through tsx, and a
 * worker starts without the parent's loader, so it registers tsx before importing the module.
 */
export function typeScriptWorker(entry: URL, workerData: unknown): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}
