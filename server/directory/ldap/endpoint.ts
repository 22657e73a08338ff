/** Where a directory lives: the servers of its `url` or `urls`, as scheme, host and port. */
import type { LdapDirectoryConfig } from '../../config/schema';

export interface Endpoint {
  url: string;
  scheme: 'ldap' | 'ldaps';
  host: string;
  port: number;
  /** host:port, for messages. */
  server: string;
}

export function endpointOf(url: string): Endpoint {
  const parsed = new URL(url);
  const scheme = parsed.protocol.replace(/:$/, '').toLowerCase() === 'ldaps' ? 'ldaps' : 'ldap';
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = parsed.port ? Number(parsed.port) : scheme === 'ldaps' ? 636 : 389;
  return { url: `${scheme}://${parsed.host}`, scheme, host, port, server: `${host.includes(':') ? `[${host}]` : host}:${port}` };
}

/** The configured servers in the order they are tried: `urls` as listed, or the one `url`. */
export function endpointsOf(config: Pick<LdapDirectoryConfig, 'url' | 'urls'>): Endpoint[] {
  const urls = config.urls ?? (config.url === undefined ? [] : [config.url]);
  return urls.map(endpointOf);
}

/** The default port of a scheme, for "389 is only the default" hints. */
export const defaultPort = (scheme: Endpoint['scheme']): number => (scheme === 'ldaps' ? 636 : 389);
