/** Latency figures of the benchmarks: percentiles of samples in milliseconds, rounded for reading. */

export interface LatencyStats {
  p50: number;
  p99: number;
  /** Requests answered within the step, per second of it. */
  rps: number;
  /** The slowest answer: how long requests cut off at the end of a step may still keep the server busy. */
  max: number;
  requests: number;
  errors: number;
}

/** The p-th percentile (0..1) of `samples` (nearest rank). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;
}

/** Milliseconds with two decimals below 10, one below 100, none above. */
export function round(ms: number): number {
  const digits = ms < 10 ? 100 : ms < 100 ? 10 : 1;
  return Math.round(ms * digits) / digits;
}

export function latencyStats(samples: readonly number[], seconds: number, errors: number): LatencyStats {
  return { p50: round(percentile(samples, 0.5)), p99: round(percentile(samples, 0.99)), rps: Math.round(samples.length / seconds), max: round(samples.reduce((a, b) => Math.max(a, b), 0)), requests: samples.length, errors };
}

/** Median of a few timed runs of `work`, in ms, after one untimed run (connections, JIT). */
export async function medianOf(runs: number, work: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return { p50: round(percentile(samples, 0.5)), p99: round(percentile(samples, 0.99)) };
}
