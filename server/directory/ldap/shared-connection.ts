/**
 * One bound connection reused by every search of a directory (LDAP multiplexes requests on it).
 * Servers drop idle connections (Active Directory after 15 minutes); when that happened, or the
 * connection breaks under a request, it is reopened and bound again once, transparently.
 * A request that timed out leaves the connection suspect (a DC that hangs, a firewall that silently
 * dropped it): it is discarded, so the next request opens a fresh one — on another DC if need be.
 * ldapts's own autoRebind is not used: it cannot replay StartTLS.
 */
import type { Client } from 'ldapts';
import { isDroppedConnection, isOperationTimeout } from './errors';

interface Held {
  pending: Promise<Client>;
  client: Client;
  /** False when this request opened the connection itself: a failure then is not a stale connection. */
  reused: boolean;
}

export class SharedConnection {
  private current: Promise<Client> | undefined;

  constructor(private readonly open: () => Promise<Client>) {}

  /** Runs `operation` on the bound connection; reopens it once if it turns out to be gone. */
  async run<T>(operation: (client: Client) => Promise<T>): Promise<T> {
    const first = await this.acquire();
    try {
      return await operation(first.client);
    } catch (error) {
      if (isOperationTimeout(error)) this.discard(first);
      if (!first.reused || !isDroppedConnection(error)) throw error;
      this.discard(first);
      const fresh = await this.acquire();
      return operation(fresh.client);
    }
  }

  private async acquire(): Promise<Held> {
    const pending = this.current;
    if (pending !== undefined) {
      const client = await pending;
      // isBound turns false when the socket closed; ldapts would otherwise reconnect unbound.
      if (client.isBound) return { pending, client, reused: true };
      this.discard({ pending, client, reused: true });
      if (this.current !== undefined) return this.acquire(); // another request is already reopening
    }
    const opening = this.open();
    this.current = opening;
    try {
      return { pending: opening, client: await opening, reused: false };
    } catch (error) {
      // A failed open is not kept: the next request tries again.
      if (this.current === opening) this.current = undefined;
      throw error;
    }
  }

  private discard(held: Held): void {
    if (this.current === held.pending) this.current = undefined;
    held.client.unbind().catch(() => undefined);
  }

  async close(): Promise<void> {
    const pending = this.current;
    this.current = undefined;
    if (pending === undefined) return;
    const client = await pending.catch(() => undefined);
    await client?.unbind().catch(() => undefined);
  }
}
