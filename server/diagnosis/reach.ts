/**
 * Step 1 of the directory check: does the host name resolve, and does something accept a TCP
 * connection on the port? A plain TCP connection only — nothing is sent.
 */
import net from 'node:net';
import type { DialpaneError } from '../errors';
import type { Endpoint } from '../directory/ldap/endpoint';
import { ConnectTimeout, toDirectoryError, type ErrorContext } from '../directory/ldap/errors';

export type Reach = { endpoint: Endpoint; ok: true; address: string } | { endpoint: Endpoint; ok: false; error: DialpaneError };

export function probeReach(context: ErrorContext, connectMs: number): Promise<Reach> {
  const endpoint: Endpoint = { url: context.url, scheme: context.scheme, host: context.host, port: context.port, server: context.server };
  return new Promise((resolve) => {
    const socket = net.connect({ host: context.host, port: context.port });
    const done = (result: Reach): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => done({ endpoint, ok: false, error: toDirectoryError(new ConnectTimeout(), 'connect', context) }), connectMs);
    socket.once('connect', () => done({ endpoint, ok: true, address: socket.remoteAddress ?? context.host }));
    socket.once('error', (error) => done({ endpoint, ok: false, error: toDirectoryError(error, 'connect', context) }));
  });
}

/** "127.0.0.2:389 accepts connections." or "dc1.monkey.com resolves to 10.0.0.5; port 389 accepts connections." */
export function reachDetail(reach: Extract<Reach, { ok: true }>): string {
  const { endpoint, address } = reach;
  return net.isIP(endpoint.host) ? `${endpoint.server} accepts connections.` : `${endpoint.host} resolves to ${address}; port ${endpoint.port} accepts connections.`;
}
