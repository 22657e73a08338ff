/**
 * Load on the service's API with autocannon: `connections` keep-alive HTTPS connections, each
 * sending its next request when the last one answered (closed loop, no pipelining), for `seconds`.
 * Latencies are taken from every response (autocannon's own histogram keeps whole milliseconds,
 * too coarse for answers under 2 ms). Requests come round-robin from one counter across all
 * connections, like closed-loop.ts on the raw side. Anything but 200 counts as an error.
 *
 * When its time is up autocannon drops the requests in flight, but the service still works on
 * them: apiLoad waits as long as the slowest answer took before it resolves, so the next step
 * does not start on a busy server.
 */
import autocannon from 'autocannon';
import { latencyStats, type LatencyStats } from './stats';

export interface ApiRequest {
  method?: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

export interface ApiLoadOptions {
  origin: string;
  connections: number;
  seconds: number;
  /** The n-th request overall. */
  request(n: number): ApiRequest;
}

export async function apiLoad(options: ApiLoadOptions): Promise<LatencyStats> {
  let next = 0;
  // autocannon hands setupRequest its full request (host, headers, …): only what differs is replaced.
  const build = (base: autocannon.Request): autocannon.Request => {
    const r = options.request(next++);
    if (r.body === undefined) return { ...base, method: r.method ?? 'GET', path: r.path };
    return { ...base, method: r.method ?? 'POST', path: r.path, headers: { ...base.headers, 'content-type': 'application/json' }, body: JSON.stringify(r.body) };
  };
  const samples: number[] = [];
  let errors = 0;
  const seconds = Math.max(1, Math.round(options.seconds));
  const measured = await new Promise<LatencyStats>((resolve, reject) => {
    const instance = autocannon(
      // Whole seconds: autocannon checks its duration on one-second ticks (0.5 s ends before any answer is counted).
      { url: options.origin, connections: options.connections, duration: seconds, requests: [{ path: '/', setupRequest: build }] },
      (error, result) => {
        if (error) return reject(error);
        errors += result.errors + result.timeouts;
        if (samples.length === 0) return reject(new Error(`no request to ${options.origin} succeeded (${result.errors} errors, ${result.non2xx} not 2xx)`));
        resolve(latencyStats(samples, seconds, errors));
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) samples.push(responseTime);
      else errors++;
    });
  });
  await new Promise((resolve) => setTimeout(resolve, Math.min(10_000, measured.max)));
  return measured;
}
