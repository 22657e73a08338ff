/** Jest global teardown: stops the servers global-setup.ts started, by their PIDs. */
import { unlinkSync } from 'node:fs';
import { STARTED_KEY, type StartedServers } from './global-setup';
import { SERVERS_FILE } from './servers-file';

export default async function globalTeardown(): Promise<void> {
  const servers = (globalThis as Record<string, unknown>)[STARTED_KEY] as StartedServers | undefined;
  if (!servers) return;
  await Promise.all([servers.samba?.stop(), servers.slapd?.stop()]);
  delete (globalThis as Record<string, unknown>)[STARTED_KEY];
  try {
    unlinkSync(SERVERS_FILE);
  } catch {
    // already gone: nothing to clean
  }
}
