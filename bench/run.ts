/**
 * `npm run bench`: builds (package.json does), starts its own directories (slapd with 100,000
 * people, a Samba AD DC with 10,000), measures each figure beside the raw limit of the same run,
 * prints the tables (Markdown) and saves everything to bench/results/latest.json (gitignored: a
 * run's figures belong to its machine; the README keeps the reference run).
 *
 * Progress goes to stderr, the tables to stdout; what runs, and for how long, is bench/plan.ts.
 * A missed target is printed, never an exit code: this measures, it does not gate.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FixturePerson } from '../test/fixtures/people';
import { closeAgent } from './http';
import { indexMemoryInChild } from './index-memory-child';
import { apiLoads, pacedLoad, rawLoads, type LoadFigure } from './load-steps';
import { initialJs, paneTiming } from './pane';
import { INDEX_SETTINGS, RAW_PAGE, SEARCH_LEVELS, SHOW_ALL_PAGES, timing, workloadsOf, type Workloads } from './plan';
import { RawLdap } from './raw-ldap';
import { report } from './report';
import type { BenchResults } from './results';
import { SLAPD_PEOPLE, startBenchServers, type BenchDirectory, type BenchServers } from './servers';
import { indexesReady, startService, type RunningService } from './service';
import { apiShowAll, rawShowAll, type ShowAllFigure } from './show-all';
import { checkTargets } from './targets';

const began = performance.now();
const log = (line: string): void => {
  process.stderr.write(`[${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
};

async function timedService(name: string, directories: readonly BenchDirectory[], index: 'off' | Record<string, unknown>): Promise<{ service: RunningService; ms: number }> {
  const started = performance.now();
  const service = await startService(name, directories, index);
  return { service, ms: Math.round(performance.now() - started) };
}

/** Everything asked of one running service (index off = live, on = index). */
async function measureService(service: RunningService, side: 'live' | 'index', all: readonly Workloads[], paneQuery: string) {
  const loads: LoadFigure[] = [];
  for (const { directory, list } of all) {
    for (const { workload, levels, typing, timing: steps } of list) {
      log(`${side}: ${workload.name} on ${directory.name} at ${levels.join(', ')} clients`);
      loads.push(...(await apiLoads(service, side, directory.name, workload, levels, steps)));
      if (typing === undefined) continue;
      log(`${side}: ${workload.name} on ${directory.name}, ${typing.concurrency} people typing`);
      loads.push(await pacedLoad({ side, service, directory: directory.name }, workload, typing, steps));
    }
  }
  const showAll: ShowAllFigure[] = [];
  for (const pageSize of SHOW_ALL_PAGES) {
    log(`${side}: Show All of slapd in pages of ${pageSize}`);
    showAll.push(await apiShowAll(service, side, 'slapd', pageSize));
  }
  log(`${side}: the pane in headless Chromium`);
  const pane = await paneTiming(service.origin, paneQuery);
  return { loads, showAll, pane };
}

async function main(): Promise<void> {
  const bytes = initialJs();
  log(`pane: initial JS ${bytes.rawBytes} bytes, ${bytes.gzipBytes} gzip (${bytes.files.join(', ')})`);
  log(`index memory: ${SLAPD_PEOPLE} people in a child node --expose-gc`);
  const indexMemory = await indexMemoryInChild(SLAPD_PEOPLE);
  log(`index memory: ${indexMemory.bytesPerPerson} bytes a person, ${indexMemory.totalBytes} in total`);

  log('starting slapd (100,000 people) and Samba AD (10,000 people)');
  let servers: BenchServers | undefined;
  let service: RunningService | undefined;
  try {
    servers = await startBenchServers((line) => log(line));
    log(`servers up: slapd ${servers.startMs.slapd} ms, Samba ${servers.startMs.samba} ms`);
    const directories = [servers.slapd, servers.samba];
    const all = directories.map(workloadsOf);
    const paneTarget = servers.slapd.generated[12_345] as FixturePerson;
    const paneQuery = `${paneTarget.givenName} ${paneTarget.sn.slice(0, 3)}`;

    const loads: LoadFigure[] = [];
    const showAll: ShowAllFigure[] = [];
    for (const { directory, list } of all) {
      const raw = new RawLdap(directory);
      for (const { workload, levels, typing, timing: steps } of list) {
        log(`raw: ${workload.name} on ${directory.name} at ${levels.join(', ')} clients`);
        loads.push(...(await rawLoads(raw, workload, levels, steps)));
        if (typing === undefined) continue;
        log(`raw: ${workload.name} on ${directory.name}, ${typing.concurrency} people typing`);
        loads.push(await pacedLoad({ side: 'raw', ldap: raw }, workload, typing, steps));
      }
    }
    log(`raw: Show All of slapd, paged search in pages of ${RAW_PAGE}`);
    showAll.push(await rawShowAll(new RawLdap(servers.slapd), RAW_PAGE));

    log('live: starting the service with the index off');
    const live = await timedService('live', directories, 'off');
    service = live.service;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const restBytes = service.rss();
    const liveFigures = await measureService(service, 'live', all, paneQuery);
    await service.stop();
    service = undefined;

    log('index: starting the service with the index on');
    const indexed = await timedService('index', directories, INDEX_SETTINGS);
    service = indexed.service;
    const loadStarted = performance.now();
    await indexesReady(service);
    const indexLoadMs = indexed.ms + Math.round(performance.now() - loadStarted);
    const indexLoadPeakBytes = service.peak();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const indexLoadedBytes = service.rss();
    log(`index: loaded ${indexLoadMs} ms after start; RSS ${indexLoadedBytes}, peak while loading ${indexLoadPeakBytes}`);
    const indexFigures = await measureService(service, 'index', all, paneQuery);
    await service.stop();
    service = undefined;

    loads.push(...liveFigures.loads, ...indexFigures.loads);
    showAll.push(...liveFigures.showAll, ...indexFigures.showAll);
    const underLoad = (side: 'live' | 'index'): number =>
      loads.find((f) => f.workload === 'search' && f.directory === 'slapd' && f.side === side && f.concurrency === Math.max(...SEARCH_LEVELS))?.peakRssBytes ?? Number.NaN;
    const cpus = os.cpus();
    const results: BenchResults = {
      date: new Date().toISOString(),
      machine: { cpus: cpus.length, cpuModel: cpus[0]?.model.trim() ?? 'unknown', memoryBytes: os.totalmem(), node: process.version },
      seconds: timing.seconds,
      warmupSeconds: timing.warmupSeconds,
      startup: {
        slapdMs: servers.startMs.slapd,
        sambaMs: servers.startMs.samba,
        slapdPeople: servers.slapd.entries,
        sambaPeople: servers.samba.entries,
        liveServiceMs: live.ms,
        indexServiceMs: indexed.ms,
        indexLoadMs,
      },
      loads,
      showAll,
      pane: { bytes, live: liveFigures.pane, index: indexFigures.pane },
      memory: { restBytes, indexLoadedBytes, indexLoadPeakBytes, underLoadLiveBytes: underLoad('live'), underLoadIndexBytes: underLoad('index') },
      indexMemory,
      totalMs: 0,
    };
    results.totalMs = Math.round(performance.now() - began);
    const checks = checkTargets(results, directories.map((d) => d.name), SEARCH_LEVELS);
    const dir = path.join(__dirname, 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify({ ...results, targets: checks }, null, 2)}\n`);
    process.stdout.write(`${report(results, checks)}\n`);
    log(`saved ${path.relative(process.cwd(), path.join(dir, 'latest.json'))}`);
  } finally {
    await service?.stop();
    await servers?.stop();
    closeAgent();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
