/**
 * One workload at each concurrency, on each side: raw ldapts, the API with the index off (live)
 * and the API from the index. Each step runs a short untimed warm-up at its own concurrency first
 * (connections, JIT, the directory's caches), then the measured run.
 *
 * The raw side shares one bound connection among its workers, as the service's live path does
 * (server/directory/ldap/shared-connection.ts: LDAP multiplexes requests on one connection), so
 * the gap between raw and live is what the service adds, not a different connection strategy.
 */
import { apiLoad } from './api-load';
import { closedLoop } from './closed-loop';
import { request } from './http';
import type { RawLdap } from './raw-ldap';
import type { DirectoryName } from './servers';
import type { RunningService } from './service';
import type { LatencyStats } from './stats';
import type { Workload } from './workloads';

export type Side = 'raw' | 'live' | 'index';

export interface LoadFigure {
  workload: string;
  directory: DirectoryName;
  side: Side;
  concurrency: number;
  stats: LatencyStats;
  /** The service's peak resident memory during the measured run (API sides only). */
  peakRssBytes?: number;
}

/**
 * People typing: `concurrency` clients each sending a search at most every `intervalMs` (the pane's
 * debounce), instead of as fast as answers come. Saturation (the closed loops above) shows
 * capacity; this shows the latency a person sees while that many others type. Every side uses
 * closed-loop.ts here (HTTPS through bench/http.ts's keep-alive agent on the API sides), so they
 * are paced the same way.
 */
export interface Pacing {
  concurrency: number;
  intervalMs: number;
}

export async function pacedLoad(target: { side: 'raw'; ldap: RawLdap } | { side: Exclude<Side, 'raw'>; service: RunningService; directory: DirectoryName }, workload: Workload, pacing: Pacing, timing: LoadTiming): Promise<LoadFigure> {
  let work: (n: number) => Promise<unknown>;
  let close = async (): Promise<void> => undefined;
  let directory: DirectoryName;
  if (target.side === 'raw') {
    const { ldap } = target;
    const client = await ldap.connect();
    work = (n) => workload.raw(ldap, client, n);
    close = () => client.unbind().catch(() => undefined);
    directory = ldap.directory.name;
  } else {
    const { origin } = target.service;
    const id = target.directory;
    work = async (n) => {
      const r = workload.api(id, n);
      const res = await request(`${origin}${r.path}`, r.body === undefined ? {} : { method: r.method ?? 'POST', body: r.body });
      if (res.status !== 200) throw new Error(`${r.path} answered ${res.status}`);
    };
    directory = id;
  }
  try {
    await closedLoop({ concurrency: pacing.concurrency, seconds: timing.warmupSeconds, work, intervalMs: pacing.intervalMs });
    if (target.side !== 'raw') target.service.resetPeak();
    const stats = await closedLoop({ concurrency: pacing.concurrency, seconds: timing.seconds, work, intervalMs: pacing.intervalMs });
    const figure: LoadFigure = { workload: `${workload.name}, typing`, directory, side: target.side, concurrency: pacing.concurrency, stats };
    if (target.side !== 'raw') figure.peakRssBytes = target.service.peak();
    return figure;
  } finally {
    await close();
  }
}

export interface LoadTiming {
  seconds: number;
  warmupSeconds: number;
}

export async function rawLoads(ldap: RawLdap, workload: Workload, levels: readonly number[], timing: LoadTiming): Promise<LoadFigure[]> {
  const client = await ldap.connect();
  try {
    const figures: LoadFigure[] = [];
    for (const concurrency of levels) {
      const work = (n: number): Promise<number> => workload.raw(ldap, client, n);
      await closedLoop({ concurrency, seconds: timing.warmupSeconds, work });
      const stats = await closedLoop({ concurrency, seconds: timing.seconds, work });
      figures.push({ workload: workload.name, directory: ldap.directory.name, side: 'raw', concurrency, stats });
    }
    return figures;
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

export async function apiLoads(service: RunningService, side: Exclude<Side, 'raw'>, directory: DirectoryName, workload: Workload, levels: readonly number[], timing: LoadTiming): Promise<LoadFigure[]> {
  const figures: LoadFigure[] = [];
  for (const concurrency of levels) {
    const request = (n: number) => workload.api(directory, n);
    await apiLoad({ origin: service.origin, connections: concurrency, seconds: timing.warmupSeconds, request });
    service.resetPeak();
    const stats = await apiLoad({ origin: service.origin, connections: concurrency, seconds: timing.seconds, request });
    figures.push({ workload: workload.name, directory, side, concurrency, stats, peakRssBytes: service.peak() });
  }
  return figures;
}
