/**
 * Load shapes for the API benchmark: a closed loop (n clients, each sending its next request as
 * soon as the last answered: throughput) and an open, fixed-rate schedule (latency at a steady
 * arrival rate, where a slow answer cannot slow the arrivals down and so hide itself).
 */

export interface LoadFigures {
  /** Operations completed per second of wall time. */
  perSecond: number;
  count: number;
  p50: number;
  p95: number;
  p99: number;
}

/** Nearest-rank percentile of ascending milliseconds. */
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;

function figures(latencies: number[], seconds: number): LoadFigures {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    perSecond: sorted.length / seconds,
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
}

/** `clients` loops calling `operation(i)` with a shared running counter until `seconds` pass. */
export async function closedLoop(
  clients: number,
  seconds: number,
  operation: (i: number) => Promise<void>,
): Promise<LoadFigures> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  const client = async () => {
    while (performance.now() < until) {
      const t0 = performance.now();
      await operation(next++);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return figures(latencies, (performance.now() - started) / 1000);
}

/**
 * Starts `operation` `rate` times a second for `seconds`, whether or not earlier ones answered;
 * each latency is measured from its scheduled start, so queueing behind a slow answer counts.
 */
export async function fixedRate(
  rate: number,
  seconds: number,
  operation: (i: number) => Promise<void>,
): Promise<LoadFigures> {
  const total = Math.round(rate * seconds);
  const started = performance.now();
  const runs: Promise<number>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    runs.push(operation(i).then(() => performance.now() - due));
  }
  const latencies = await Promise.all(runs);
  return figures(latencies, (performance.now() - started) / 1000);
}

export const formatFigures = (f: LoadFigures, unit: string) =>
  `${f.perSecond.toFixed(1)} ${unit}/s, p50 ${f.p50.toFixed(0)} ms, p95 ${f.p95.toFixed(0)} ms, ` +
  `p99 ${f.p99.toFixed(0)} ms (${f.count})`;
