/**
 * The service under measurement, as operators run it: the built `bin/dialpane.js serve` in a
 * child process of its own (so its memory is its own), its log in a file, on 127.0.0.1 port 0.
 * Memory comes from the kernel's view of that process: VmRSS (resident now) and VmHWM (the peak,
 * which writing 5 to /proc/<pid>/clear_refs resets, so a phase's peak can be read on its own).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DirectoriesHealthResponse } from '../src/shared/api';
import { stopPid } from '../test/servers/processes';
import { getJson } from './http';
import type { BenchDirectory } from './servers';

const ROOT = path.resolve(__dirname, '..');

export interface RunningService {
  /** https://127.0.0.1:<port> */
  origin: string;
  pid: number;
  /** Resident memory now, in bytes. */
  rss(): number;
  /** The peak resident memory since start or the last resetPeak(), in bytes. */
  peak(): number;
  resetPeak(): void;
  stop(): Promise<void>;
}

function status(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(match[1]) * 1024;
}

/** The configuration of the service: the given directories, sign-in off (loopback only). */
export function serviceConfig(directories: readonly BenchDirectory[], index: 'off' | Record<string, unknown>, dataDir: string): Record<string, unknown> {
  return {
    server: { host: '127.0.0.1', port: 0, dataDir },
    auth: { mode: 'none' },
    phone: { defaultCountry: 'US' },
    directories: directories.map((d) => ({
      id: d.name,
      displayName: d.name === 'slapd' ? 'OpenLDAP (100,000)' : 'Samba AD (10,000)',
      kind: d.kind,
      url: d.url,
      bindUser: d.bindUser,
      passwordEnv: `BIND_PASSWORD_${d.name.toUpperCase()}`,
      searchBase: d.searchBase,
      // Pages as big as Active Directory serves, like the raw paged search it is compared with.
      pageSize: 1000,
      index,
    })),
  };
}

export async function startService(name: string, directories: readonly BenchDirectory[], index: 'off' | Record<string, unknown>): Promise<RunningService> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `dialpane-bench-${name}-`));
  const configFile = path.join(dir, 'dialpane.json');
  writeFileSync(configFile, JSON.stringify(serviceConfig(directories, index, dir), null, 2));
  const logFile = path.join(dir, 'service.log');
  const env: Record<string, string> = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', DIALPANE_LOG_LEVEL: 'info', NODE_ENV: 'production' };
  for (const d of directories) env[`BIND_PASSWORD_${d.name.toUpperCase()}`] = d.password;
  const out = openSync(logFile, 'w');
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'bin', 'dialpane.js'), 'serve', '--config', configFile], { cwd: ROOT, env, stdio: ['ignore', out, out] });
  const pid = child.pid;
  if (pid === undefined) throw new Error('the service did not start');
  let exited = false;
  child.once('exit', () => (exited = true));
  const stop = async (): Promise<void> => {
    if (!exited) await stopPid(pid);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const deadline = Date.now() + 60_000;
    let port: number | undefined;
    while (port === undefined) {
      if (exited) throw new Error(`the ${name} service exited:\n${readFileSync(logFile, 'utf8')}`);
      if (Date.now() > deadline) throw new Error(`the ${name} service did not start within 60 s:\n${readFileSync(logFile, 'utf8')}`);
      const line = readFileSync(logFile, 'utf8')
        .split('\n')
        .find((l) => l.includes('Dialpane is serving'));
      if (line !== undefined) port = (JSON.parse(line) as { port: number }).port;
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return {
      origin: `https://127.0.0.1:${port}`,
      pid,
      rss: () => status(pid, 'VmRSS'),
      peak: () => status(pid, 'VmHWM'),
      resetPeak: () => writeFileSync(`/proc/${pid}/clear_refs`, '5'),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Waits until every directory's index is loaded; returns the health then. */
export async function indexesReady(service: RunningService, timeoutMs = 600_000): Promise<DirectoriesHealthResponse> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const health = await getJson<DirectoriesHealthResponse>(`${service.origin}/api/health/directories`);
    const states = health.directories.map((d) => d.index?.state);
    if (states.every((s) => s === 'ready')) return health;
    if (states.includes('failed')) throw new Error(`an index failed to load: ${JSON.stringify(health)}`);
    if (Date.now() > deadline) throw new Error(`the indexes did not load within ${timeoutMs} ms: ${JSON.stringify(health)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
