/**
 * Work that runs on a timer and on demand, never twice at once in this process: a call made
 * while a pass is running waits for that pass instead of starting another.
 */
export class Periodic<T> {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<T> | null = null;

  constructor(
    private readonly work: () => Promise<T>,
    private readonly onError: (err: unknown) => void = () => {},
  ) {}

  run(): Promise<T> {
    if (this.running) return this.running;
    this.running = this.work().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  start(intervalMs: number): void {
    this.cancelTimer();
    this.timer = setInterval(() => {
      this.run().catch(this.onError);
    }, intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a pass in progress. */
  async stop(): Promise<void> {
    this.cancelTimer();
    await this.running?.catch(() => {});
  }

  private cancelTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
