import { typeScriptWorker } from '../platform/ts-worker.ts';
import type { ClientSetup, ClientTask } from './bench-client.worker.ts';
import type { LoadFigures } from './bench-load.ts';

/** The benchmark's client thread (bench-client.worker.ts): one task at a time, its figures back. */
export class BenchClients {
  private readonly worker;

  constructor(setup: ClientSetup) {
    this.worker = typeScriptWorker(new URL('./bench-client.worker.ts', import.meta.url), setup);
  }

  run(task: ClientTask): Promise<LoadFigures> {
    return new Promise((resolve, reject) => {
      const failed = (err: Error) => {
        this.worker.off('message', answered);
        reject(err);
      };
      const answered = (m: { figures?: LoadFigures; error?: string }) => {
        this.worker.off('error', failed);
        if (m.figures) resolve(m.figures);
        else reject(new Error(m.error ?? 'the client thread failed'));
      };
      this.worker.once('message', answered);
      this.worker.once('error', failed);
      this.worker.postMessage(task);
    });
  }

  async end(): Promise<void> {
    const ended = new Promise((resolve) => this.worker.once('exit', resolve));
    this.worker.postMessage({ op: 'end' });
    await ended;
  }
}
