/**
 * Where the global setup records what it started (URLs, PIDs, private directories):
 * - process.env.DIALPANE_TEST_SERVERS, inherited by the Jest workers, so two test runs on one
 *   machine never read each other's servers;
 * - test-output/servers-<jest pid>.json, so a later run can stop what an interrupted run left;
 * - test-output/servers.json, the latest run's copy for people and scripts outside Jest.
 * Passwords are fixture constants and stay in test/fixtures; these records hold none.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isAlive } from './processes';
import type { SambaInfo } from './samba';
import type { SlapdInfo } from './slapd';

export const OUTPUT_DIR = path.resolve(__dirname, '..', '..', 'test-output');
export const SERVERS_FILE = path.join(OUTPUT_DIR, 'servers.json');
export const SERVERS_ENV = 'DIALPANE_TEST_SERVERS';

export interface ServersRecord {
  samba: SambaInfo;
  slapd: SlapdInfo;
  /** PID of the Jest process that started the servers and will stop them. */
  ownerPid: number;
  /** Wall time of the global setup. */
  setupMs: number;
}

const runFile = (ownerPid: number): string => path.join(OUTPUT_DIR, `servers-${ownerPid}.json`);

export function recordServers(record: ServersRecord): void {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const text = `${JSON.stringify(record, null, 2)}\n`;
  writeFileSync(runFile(record.ownerPid), text);
  writeFileSync(SERVERS_FILE, text);
  process.env[SERVERS_ENV] = JSON.stringify(record);
}

/** Removes this run's records (the shared copy only while it is still this run's). */
export function forgetServers(ownerPid: number): void {
  delete process.env[SERVERS_ENV];
  const shared = readRecord(SERVERS_FILE);
  for (const file of [runFile(ownerPid), ...(shared?.ownerPid === ownerPid ? [SERVERS_FILE] : [])]) {
    try {
      unlinkSync(file);
    } catch {
      // already gone
    }
  }
}

function readRecord(file: string): ServersRecord | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ServersRecord;
  } catch {
    return undefined;
  }
}

/** The servers of this run (from the environment), else the latest run's file. */
export function currentServers(): ServersRecord | undefined {
  const fromEnv = process.env[SERVERS_ENV];
  if (fromEnv) return JSON.parse(fromEnv) as ServersRecord;
  return existsSync(SERVERS_FILE) ? readRecord(SERVERS_FILE) : undefined;
}

/** Records of earlier runs whose Jest process is gone: their servers are leftovers. */
export function orphanedRecords(): Array<{ file: string; record: ServersRecord }> {
  if (!existsSync(OUTPUT_DIR)) return [];
  return readdirSync(OUTPUT_DIR)
    .filter((name) => /^servers-\d+\.json$/.test(name))
    .map((name) => ({ file: path.join(OUTPUT_DIR, name), record: readRecord(path.join(OUTPUT_DIR, name)) }))
    .filter((r): r is { file: string; record: ServersRecord } => r.record !== undefined && !isAlive(r.record.ownerPid));
}
