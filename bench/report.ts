/**
 * The benchmark's tables as Markdown: readable in a terminal and pasted unchanged into the README.
 * Every API figure sits in the same row as the raw limit it is compared with.
 */
import type { LoadFigure, Side } from './load-steps';
import type { BenchResults } from './results';
import type { DirectoryName } from './servers';
import type { TargetCheck } from './targets';

function table(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]): string => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(cells[0] as string[]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}

const mib = (bytes: number | undefined): string => (bytes === undefined ? '—' : `${(bytes / 1024 / 1024).toFixed(0)} MiB`);
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

function loadTable(results: BenchResults, workloads: readonly string[], directories: readonly DirectoryName[]): string {
  const sides: Side[] = ['raw', 'live', 'index'];
  const rows: (string | number)[][] = [];
  for (const workload of workloads) {
    for (const directory of directories) {
      const levels = [...new Set(results.loads.filter((f) => f.workload === workload && f.directory === directory).map((f) => f.concurrency))].sort((a, b) => a - b);
      for (const concurrency of levels) {
        const row: (string | number)[] = [workload, directory, concurrency];
        for (const side of sides) {
          const f: LoadFigure | undefined = results.loads.find((l) => l.workload === workload && l.directory === directory && l.side === side && l.concurrency === concurrency);
          row.push(f ? f.stats.p50 : '—', f ? f.stats.p99 : '—', f ? f.stats.rps : '—');
          if (f && f.stats.errors > 0) row[row.length - 1] = `${f.stats.rps} (${f.stats.errors} err)`;
        }
        rows.push(row);
      }
    }
  }
  return table(['request', 'directory', 'clients', 'raw p50', 'raw p99', 'raw req/s', 'live p50', 'live p99', 'live req/s', 'index p50', 'index p99', 'index req/s'], rows);
}

export function report(results: BenchResults, checks: readonly TargetCheck[]): string {
  const s = results.startup;
  const out: string[] = [];
  out.push(`Dialpane benchmark — ${results.date}, ${results.machine.cpus} × ${results.machine.cpuModel}, ${mib(results.machine.memoryBytes)}, Node ${results.machine.node}`);
  out.push(`Load steps: ${results.seconds} s each (Samba's searches and number lookups ${results.seconds * 2} s) after a ${results.warmupSeconds} s warm-up; latencies in ms; whole run ${secs(results.totalMs)}.`);
  out.push('');
  out.push('Startup');
  out.push('');
  out.push(
    table(
      ['what', 'time'],
      [
        [`slapd with ${s.slapdPeople.toLocaleString('en-US')} people (generate, slapadd, start)`, secs(s.slapdMs)],
        [`Samba AD DC with ${s.sambaPeople.toLocaleString('en-US')} people (provision, ldapadd, start)`, secs(s.sambaMs)],
        ['service, index off (start to listening)', secs(s.liveServiceMs)],
        ['service, index on (start to listening)', secs(s.indexServiceMs)],
        ['service, index on: start to every index loaded', secs(s.indexLoadMs)],
      ],
    ),
  );
  const directories = [...new Set(results.loads.map((f) => f.directory))];
  out.push('');
  out.push('Search as you type (GET /api/directories/:id/people?q=…, 25 answers)');
  out.push('');
  out.push(loadTable(results, ['search', 'search, typing'], directories));
  out.push('');
  out.push('Email lookup (POST /api/lookup/emails, 50 addresses) and reverse lookup (GET /api/lookup?number=, E.164)');
  out.push('');
  out.push(loadTable(results, [...new Set(results.loads.map((f) => f.workload).filter((w) => !w.startsWith('search')))], directories));
  out.push('');
  out.push('Show All of slapd (GET /api/directories/slapd/people, then ?cursor= until none)');
  out.push('');
  const raw = results.showAll.find((f) => f.side === 'raw');
  out.push(
    table(
      ['side', 'page size', 'pages', 'people', 'first page ms', 'to the end ms', '× raw', 'service RSS before', 'peak during'],
      results.showAll.map((f) => [f.side, f.pageSize, f.pages, f.people, f.firstPageMs, f.totalMs, raw ? (f.totalMs / raw.totalMs).toFixed(2) : '—', mib(f.rssBeforeBytes), mib(f.peakRssBytes)]),
    ),
  );
  const p = results.pane;
  out.push('');
  out.push(`The pane: initial JavaScript (${p.bytes.files.join(', ')}; office.js not counted) and headless Chromium, search "${p.index.query}"`);
  out.push('');
  out.push(
    table(
      ['what', 'live', 'index'],
      [
        ['initial JS raw / gzip', `${kb(p.bytes.rawBytes)} / ${kb(p.bytes.gzipBytes)}`, ''],
        ['navigation → search box, first visit / again', `${p.live.cold.readyMs} / ${p.live.warm.readyMs} ms`, `${p.index.cold.readyMs} / ${p.index.warm.readyMs} ms`],
        ['navigation → first result, first visit / again', `${p.live.cold.firstResultMs} / ${p.live.warm.firstResultMs} ms`, `${p.index.cold.firstResultMs} / ${p.index.warm.firstResultMs} ms`],
        ['last key → first result (250 ms debounce included)', `${p.live.warm.afterLastKeyMs} ms`, `${p.index.warm.afterLastKeyMs} ms`],
      ],
    ),
  );
  const m = results.memory;
  const im = results.indexMemory;
  out.push('');
  out.push('Memory');
  out.push('');
  out.push(
    table(
      ['what', 'bytes'],
      [
        ['service RSS at rest, index off', mib(m.restBytes)],
        [`service RSS, indexes loaded (slapd ${s.slapdPeople.toLocaleString('en-US')} + Samba ${s.sambaPeople.toLocaleString('en-US')})`, mib(m.indexLoadedBytes)],
        ['service peak RSS while loading the indexes', mib(m.indexLoadPeakBytes)],
        ['service peak RSS under load (search, most clients), index off / on', `${mib(m.underLoadLiveBytes)} / ${mib(m.underLoadIndexBytes)}`],
        [`index alone, ${im.people.toLocaleString('en-US')} people (V8 heap after GC)`, `${mib(im.totalBytes)} total, ${im.bytesPerPerson} bytes a person`],
        ['index build in-process: entries → records / sort / build', `${im.toPersonMs} / ${im.sortMs} / ${im.buildMs} ms`],
        ['index search in-process (no HTTP) p50 / p99', `${im.searchMicros.p50} / ${im.searchMicros.p99} µs`],
      ],
    ),
  );
  out.push('');
  out.push('Targets');
  out.push('');
  out.push(table(['target', 'measured', 'raw limit', 'pass'], checks.map((c) => [c.target, c.measured, c.raw, c.pass ? 'yes' : 'NO'])));
  return out.join('\n');
}
