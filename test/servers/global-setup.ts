/**
 * Jest global setup: starts the Samba AD DC and the OpenLDAP slapd once for the whole run, in
 * parallel, and records their connection facts for the test workers (servers-file.ts; tests read
 * them through env.ts). The global teardown stops them by PID.
 *
 * - Servers left by an interrupted run (its Jest process is gone) are stopped first, by the PIDs
 *   it recorded and only while their command line still names that run's private directory.
 * - Another run on the same machine keeps its servers: Samba then takes the next free loopback
 *   address (127.0.0.3, …, see samba.ts), slapd always takes a free port.
 * - When only the unit project is selected (`--selectProjects unit`) no server is started.
 */
import { readFileSync, rmSync, unlinkSync } from 'node:fs';
import { stopPid } from './processes';
import { startSamba, type RunningSamba } from './samba';
import { orphanedRecords, recordServers } from './servers-file';
import { startSlapd, type RunningSlapd } from './slapd';

export interface StartedServers {
  samba?: RunningSamba;
  slapd?: RunningSlapd;
}
/** Shared with global-teardown.ts: both run in Jest's main process. */
export const STARTED_KEY = '__dialpaneTestServers';

const SERVER_PROJECTS = ['integration', 'e2e'];

/** The projects named by --selectProjects (Jest's global config does not carry them). */
export function selectedProjects(argv: readonly string[]): string[] {
  const selected: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg.startsWith('--selectProjects=')) selected.push(...arg.slice('--selectProjects='.length).split(','));
    else if (arg === '--selectProjects') for (let j = i + 1; j < argv.length && !(argv[j] as string).startsWith('-'); j++) selected.push(argv[j] as string);
  }
  return selected;
}

function needsServers(): boolean {
  const selected = selectedProjects(process.argv);
  return selected.length === 0 || selected.some((name) => SERVER_PROJECTS.includes(name));
}

async function stopLeftovers(): Promise<void> {
  for (const { file, record } of orphanedRecords()) {
    for (const server of [record.samba, record.slapd]) {
      let commandLine = '';
      try {
        commandLine = readFileSync(`/proc/${server.pid}/cmdline`, 'utf8');
      } catch {
        continue; // already gone
      }
      if (!commandLine.includes(server.dir)) continue; // the PID now belongs to something else
      console.log(`test servers: stopping PID ${server.pid} left by an interrupted run`);
      await stopPid(server.pid);
      rmSync(server.dir, { recursive: true, force: true });
    }
    unlinkSync(file);
  }
}

export default async function globalSetup(): Promise<void> {
  if (!needsServers()) return;
  const started = Date.now();
  const log = (line: string): void => console.log(`  ${line} (+${Date.now() - started} ms)`);
  console.log('\ntest servers: starting Samba AD DC and OpenLDAP slapd');
  await stopLeftovers();

  const servers: StartedServers = {};
  (globalThis as Record<string, unknown>)[STARTED_KEY] = servers;
  const results = await Promise.allSettled([
    startSamba({ log }).then((s) => (servers.samba = s)),
    startSlapd({ log }).then((s) => (servers.slapd = s)),
  ]);
  const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failures.length > 0 || !servers.samba || !servers.slapd) {
    await Promise.all([servers.samba?.stop(), servers.slapd?.stop()]);
    throw new Error(`test servers could not start:\n${failures.map((f) => (f.reason instanceof Error ? f.reason.message : String(f.reason))).join('\n')}`);
  }
  const setupMs = Date.now() - started;
  recordServers({ samba: servers.samba.info, slapd: servers.slapd.info, ownerPid: process.pid, setupMs });
  console.log(`test servers: ready in ${setupMs} ms (Samba ${servers.samba.info.url}, slapd ${servers.slapd.info.url})`);
}
