/**
 * A closed-loop load generator for work that is not HTTP (the raw LDAP side): `concurrency`
 * workers each start the next request as soon as their last one answered, for `seconds`, the way
 * autocannon drives the API with as many connections. Requests are handed out round-robin across
 * all workers from one counter, as the API side does (api-load.ts), so both see the same mix.
 */
import { latencyStats, type LatencyStats } from './stats';

export interface ClosedLoopOptions {
  concurrency: number;
  seconds: number;
  /** The n-th request overall (n counts from 0 across every worker). */
  work(n: number): Promise<unknown>;
}

export async function closedLoop(options: ClosedLoopOptions): Promise<LatencyStats> {
  const samples: number[] = [];
  let errors = 0;
  let next = 0;
  let firstError: unknown;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const t = performance.now();
      try {
        await options.work(next++);
        samples.push(performance.now() - t);
      } catch (error) {
        errors++;
        firstError ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  // Errors are counted, not hidden; a run where every request failed has no figures to give.
  if (samples.length === 0 && firstError !== undefined) throw firstError;
  return latencyStats(samples, (performance.now() - started) / 1000, errors);
}
