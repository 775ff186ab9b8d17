import { describe, expect, it } from 'vitest';
import { closedLoop, fixedRate } from './bench-load.ts';

describe('benchmark load shapes', () => {
  it('a closed loop gives every call its own index and counts each answered call once', async () => {
    const seen: number[] = [];
    const f = await closedLoop(3, 0.2, async (i) => {
      seen.push(i);
      await new Promise((resolve) => setTimeout(resolve, 5));
    });
    expect(f.count).toBe(seen.length);
    expect(new Set(seen).size).toBe(seen.length);
    expect(f.p50).toBeLessThanOrEqual(f.p95);
    expect(f.p95).toBeLessThanOrEqual(f.p99);
  });

  it('a fixed rate starts every scheduled call even when earlier ones have not answered', async () => {
    let started = 0;
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const run = fixedRate(50, 0.2, async () => {
      started++;
      await gate;
    });
    // none answers until all ten were started: a closed loop would have stopped at the first
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(started).toBe(10);
    release();
    const f = await run;
    expect(f.count).toBe(10);
    // the first call waited for the gate the longest: queueing counts in its latency
    expect(f.p99).toBeGreaterThanOrEqual(f.p50);
  });
});
