/**
 * A closed-loop load generator for work that is not HTTP (the raw LDAP side): `concurrency`
 * workers each start the next request as soon as their last one answered, for `seconds`, the way
 * autocannon drives the API with as many connections. Requests are handed out round-robin across
 * all workers from one counter, as the API side does (api-load.ts), so both see the same mix.
 *
 * With `intervalMs` each worker starts a request at most that often, like a person whose pane
 * sends a search at most once per debounce; workers start spread over the first interval, so
 * they do not arrive in bursts. A worker whose answer came late goes on at once (never faster).
 */
import { latencyStats, type LatencyStats } from './stats';

export interface ClosedLoopOptions {
  concurrency: number;
  seconds: number;
  /** The n-th request overall (n counts from 0 across every worker). */
  work(n: number): Promise<unknown>;
  intervalMs?: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function closedLoop(options: ClosedLoopOptions): Promise<LatencyStats> {
  const samples: number[] = [];
  let errors = 0;
  let next = 0;
  let firstError: unknown;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const interval = options.intervalMs ?? 0;
  const worker = async (_: unknown, i: number): Promise<void> => {
    let due = started + (interval * i) / options.concurrency;
    while (performance.now() < deadline) {
      if (due > performance.now()) await sleep(due - performance.now());
      if (performance.now() >= deadline) break;
      const t = performance.now();
      due = t + interval;
      try {
        await options.work(next++);
        // Like autocannon, which drops what is in flight when its time is up: only answers
        // within the step count. Workers still wait for theirs, so steps never overlap.
        if (performance.now() <= deadline) samples.push(performance.now() - t);
      } catch (error) {
        errors++;
        firstError ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  // Errors are counted, not hidden; a run where every request failed has no figures to give.
  if (samples.length === 0 && firstError !== undefined) throw firstError;
  return latencyStats(samples, options.seconds, errors);
}
