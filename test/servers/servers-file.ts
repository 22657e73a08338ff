/**
 * test-output/servers.json: what the global setup started (URLs, PIDs, directories), read by the
 * test workers through env.ts and by the global teardown. Passwords are fixture constants and
 * stay in test/fixtures; this file holds none.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SambaInfo } from './samba';
import type { SlapdInfo } from './slapd';

export const OUTPUT_DIR = path.resolve(__dirname, '..', '..', 'test-output');
export const SERVERS_FILE = path.join(OUTPUT_DIR, 'servers.json');

export interface ServersFile {
  samba: SambaInfo;
  slapd: SlapdInfo;
  /** Wall time of the global setup, for the run's summary. */
  setupMs: number;
}

export function writeServersFile(content: ServersFile): void {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  writeFileSync(SERVERS_FILE, `${JSON.stringify(content, null, 2)}\n`);
}

export function readServersFile(): ServersFile | undefined {
  if (!existsSync(SERVERS_FILE)) return undefined;
  return JSON.parse(readFileSync(SERVERS_FILE, 'utf8')) as ServersFile;
}
