/**
 * What one `npm run bench` runs: the concurrency of each step, how long, the people typing, the
 * index settings, and which workloads each directory gets. The figures in the README come from
 * these values; BENCH_SECONDS / BENCH_WARMUP_SECONDS shorten the steps for a quick look.
 */
import type { LoadTiming, Pacing } from './load-steps';
import type { BenchDirectory } from './servers';
import { emailWorkload, numberWorkload, searchWorkload, type Workload } from './workloads';

export const SEARCH_LEVELS = [1, 10, 50] as const;
/**
 * Samba answers a substring filter by scanning every entry (~250 ms at 10,000 people, one search
 * at a time): at 50 clients each would wait over 10 s, past autocannon's timeout, which measures
 * nothing. Its searches stop at 10 clients; the 50-client figures are slapd's.
 */
const SAMBA_SEARCH_LEVELS = [1, 10] as const;
/** A message is opened by one person at a time; 10 is a busy office opening mail at once. */
const LOOKUP_LEVELS = [1, 10] as const;
/** The pane asks for the API's default page (200); 1,000 is the most it allows and what the raw search reads. */
export const SHOW_ALL_PAGES = [200, 1000] as const;
export const RAW_PAGE = 1000;
/**
 * 50 people typing at once, each pane sending a search at most once per its debounce
 * (SEARCH_DEBOUNCE_MS in src/taskpane/components/App.tsx, not imported: it would load React).
 */
const TYPING: Pacing = { concurrency: 50, intervalMs: 250 };

/**
 * The index with its defaults but for the sync interval. Every entry of the bench's slapd was
 * stamped by slapadd within the minute before the run, and after a full load the modifyTimestamp
 * watermark steps back by the load's duration (ldap-index-source.ts), so the first delta syncs
 * re-read tens of thousands of unchanged people (2-3 s of CPU each, every 60 s) — an artifact of
 * a directory created seconds ago, which would land in whichever step runs then.
 */
export const INDEX_SETTINGS = { syncIntervalSeconds: 3600 };

const envNumber = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
export const timing: LoadTiming = { seconds: envNumber('BENCH_SECONDS', 5), warmupSeconds: envNumber('BENCH_WARMUP_SECONDS', 1) };

export interface Workloads {
  directory: BenchDirectory;
  list: { workload: Workload; levels: readonly number[]; typing?: Pacing; timing: LoadTiming }[];
}

export function workloadsOf(directory: BenchDirectory): Workloads {
  const people = directory.generated;
  if (directory.name === 'samba') {
    // A search or number lookup on Samba takes ~250 ms alone and seconds at 10 clients: twice the
    // time per step, so each client answers more than a couple of requests in it.
    const slow = { ...timing, seconds: timing.seconds * 2 };
    return {
      directory,
      list: [
        { workload: searchWorkload(people), levels: SAMBA_SEARCH_LEVELS, timing: slow },
        { workload: emailWorkload(people), levels: LOOKUP_LEVELS, timing },
        { workload: numberWorkload(people), levels: LOOKUP_LEVELS, timing: slow },
      ],
    };
  }
  return {
    directory,
    list: [
      { workload: searchWorkload(people), levels: SEARCH_LEVELS, typing: TYPING, timing },
      { workload: emailWorkload(people), levels: LOOKUP_LEVELS, timing },
      { workload: numberWorkload(people), levels: LOOKUP_LEVELS, timing },
    ],
  };
}
