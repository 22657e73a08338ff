/**
 * Opening a bound ldapts Client from a directory's configuration: ldap:// or ldaps://, optional
 * StartTLS, the CA file, the certificate's host name and the timeouts. The bind identity (a DN,
 * user@domain or DOMAIN\user) goes to the simple bind as it is; the server decides.
 */
import { readFileSync } from 'node:fs';
import net from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import { Client } from 'ldapts';
import type { LdapDirectoryConfig } from '../../config/schema';
import { DialpaneError } from '../../errors';
import { toDirectoryError, type ErrorContext, type Step } from './errors';

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
  return { url: `${scheme}://${parsed.host}`, scheme, host, port, server: `${host}:${port}` };
}

export class LdapConnector {
  readonly endpoint: Endpoint;
  readonly context: ErrorContext;

  constructor(
    private readonly config: LdapDirectoryConfig,
    private readonly password: string,
  ) {
    this.endpoint = endpointOf(config.url);
    this.context = { ...this.endpoint, bindUser: config.bindUser, searchBase: config.searchBase, password };
  }

  /** A DialpaneError for whatever `step` threw. */
  fail(error: unknown, step: Step): DialpaneError {
    return toDirectoryError(error, step, this.context);
  }

  /** TLS options: the CA, certificate checks, and the name the certificate must carry. */
  private tlsOptions(): ConnectionOptions {
    const { tls } = this.config;
    let ca: Buffer | undefined;
    if (tls.caFile !== undefined) {
      try {
        ca = readFileSync(tls.caFile);
      } catch (error) {
        throw new DialpaneError('DIRECTORY_ERROR', `tls.caFile ${tls.caFile} of directory "${this.config.id}" cannot be read.`, 'Check the path and that the service may read the file.', { cause: error });
      }
    }
    // StartTLS upgrades an existing socket, so Node learns the host only from these options; SNI
    // must not carry an IP address, so servername is set only for names.
    const servername = tls.servername ?? (net.isIP(this.endpoint.host) ? undefined : this.endpoint.host);
    const options: ConnectionOptions = { host: this.endpoint.host, rejectUnauthorized: tls.rejectUnauthorized };
    if (ca !== undefined) options.ca = ca;
    if (servername !== undefined) options.servername = servername;
    return options;
  }

  /** A new connection, upgraded with StartTLS when configured, and bound. Throws DialpaneError. */
  async open(): Promise<Client> {
    const { timeouts, startTls } = this.config;
    const secure = this.endpoint.scheme === 'ldaps';
    // ldapts treats any tlsOptions as "connect with TLS", so they go to the constructor only for ldaps://.
    const client = new Client({
      url: this.endpoint.url,
      connectTimeout: timeouts.connectMs,
      timeout: timeouts.requestMs,
      ...(secure ? { tlsOptions: this.tlsOptions() } : {}),
    });
    let step: Step = 'connect';
    try {
      if (startTls && !secure) await client.startTLS(this.tlsOptions());
      step = 'bind';
      await client.bind(this.config.bindUser, this.password);
      return client;
    } catch (error) {
      await client.unbind().catch(() => undefined);
      throw this.fail(error, step);
    }
  }
}
