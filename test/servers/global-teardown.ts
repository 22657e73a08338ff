/** Jest global teardown: stops the servers global-setup.ts started, by their PIDs, and forgets them. */
import { STARTED_KEY, type StartedServers } from './global-setup';
import { forgetServers } from './servers-file';

export default async function globalTeardown(): Promise<void> {
  const servers = (globalThis as Record<string, unknown>)[STARTED_KEY] as StartedServers | undefined;
  if (!servers) return;
  await Promise.all([servers.samba?.stop(), servers.slapd?.stop()]);
  delete (globalThis as Record<string, unknown>)[STARTED_KEY];
  forgetServers(process.pid);
}
