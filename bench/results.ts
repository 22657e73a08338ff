/** Everything one `npm run bench` measured, as saved to bench/results/latest.json. */
import type { IndexMemoryResult } from './index-memory';
import type { LoadFigure } from './load-steps';
import type { PaneBytes, PaneTiming } from './pane';
import type { ShowAllFigure } from './show-all';

export interface BenchResults {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryBytes: number; node: string };
  /** Seconds of each measured load step (after a warm-up of warmupSeconds). */
  seconds: number;
  warmupSeconds: number;
  startup: {
    slapdMs: number;
    sambaMs: number;
    slapdPeople: number;
    sambaPeople: number;
    liveServiceMs: number;
    indexServiceMs: number;
    /** Service start to every index loaded. */
    indexLoadMs: number;
  };
  loads: LoadFigure[];
  showAll: ShowAllFigure[];
  pane: { bytes: PaneBytes; live: { query: string; cold: PaneTiming; warm: PaneTiming }; index: { query: string; cold: PaneTiming; warm: PaneTiming } };
  memory: {
    /** Index off, both directories configured, started and idle. */
    restBytes: number;
    /** Index on, every index loaded, idle. */
    indexLoadedBytes: number;
    /** Index on: the peak while loading. */
    indexLoadPeakBytes: number;
    /** Peak during search as you type at the most clients, index off and on (slapd). */
    underLoadLiveBytes: number;
    underLoadIndexBytes: number;
  };
  indexMemory: IndexMemoryResult;
  totalMs: number;
}
