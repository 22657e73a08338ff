/**
 * Opening a bound ldapts Client for a directory: one of its servers (`url`, or each of `urls` in
 * turn), ldap:// or ldaps://, optional StartTLS, the CA file, the certificate's host name and the
 * timeouts. The bind identity (a DN, user@domain or DOMAIN\user) goes to the simple bind as it is;
 * the server decides.
 *
 * Failover: when a server cannot be reached, times out or is busy, the next one is tried, all within
 * one time budget (timeouts.requestMs). A server that is not the last gets at most
 * timeouts.connectMs for connect + TLS + bind, so a hung one leaves time for the others. A refused
 * bind is not retried elsewhere: every domain controller would refuse it the same way, and each
 * try would count towards the account's lockout (with bindOnce, neither is a bind that timed out). The server that answered last is tried first next time.
 */
import { Client } from 'ldapts';
import type { LdapDirectoryConfig } from '../../config/schema';
import { DialpaneError } from '../../errors';
import { endpointsOf, type Endpoint } from './endpoint';
import { isServerSpecific, noServerAnswered, StepTimeout, toDirectoryError, type ErrorContext, type Step } from './errors';
import { tlsOptions } from './tls-options';

export { endpointOf, type Endpoint } from './endpoint';

/** Rejects with StepTimeout(step()) when `promise` has not settled within `ms`. */
function within<T>(promise: Promise<T>, ms: number, step: () => Step): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new StepTimeout(step())), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export class LdapConnector {
  readonly endpoints: readonly Endpoint[];
  /** Index in `endpoints` of the server that answered last: tried first. */
  private preferred = 0;

  constructor(
    private readonly config: LdapDirectoryConfig,
    private readonly password: string,
    /**
     * bindOnce: once a bind has gone out, never fail over, not even when it times out — the DC may
     * have counted it. For a person's sign-in, where a second bind elsewhere could be a second bad
     * attempt towards their lockout; the service account keeps failing over from a hung DC.
     */
    private readonly options: { bindOnce?: boolean } = {},
  ) {
    this.endpoints = endpointsOf(config);
    if (this.endpoints.length === 0) throw new Error(`directory ${config.id} has no url`);
  }

  /** The server in use (the one that answered last), for messages about searches. */
  get endpoint(): Endpoint {
    return this.endpoints[this.preferred] as Endpoint;
  }

  contextOf(endpoint: Endpoint): ErrorContext {
    return { ...endpoint, bindUser: this.config.bindUser, searchBase: this.config.searchBase, password: this.password };
  }

  /** A DialpaneError for whatever `step` threw on the server in use. */
  fail(error: unknown, step: Step): DialpaneError {
    return toDirectoryError(error, step, this.contextOf(this.endpoint));
  }

  /** A new bound connection to the first server that answers. Throws DialpaneError. */
  async open(): Promise<Client> {
    const deadline = Date.now() + this.config.timeouts.requestMs;
    const order = this.endpoints.map((_e, i) => (this.preferred + i) % this.endpoints.length);
    const failures: DialpaneError[] = [];
    for (const [position, index] of order.entries()) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) break;
      const last = position === order.length - 1;
      let bindSent = false;
      try {
        const client = await this.openAt(this.endpoints[index] as Endpoint, last ? remaining : Math.min(remaining, this.config.timeouts.connectMs), () => (bindSent = true));
        this.preferred = index;
        return client;
      } catch (error) {
        const failure = error instanceof DialpaneError ? error : toDirectoryError(error, 'connect', this.contextOf(this.endpoints[index] as Endpoint));
        if (!isServerSpecific(failure) || (bindSent && this.options.bindOnce === true)) throw failure;
        failures.push(failure);
      }
    }
    throw noServerAnswered(failures);
  }

  /**
   * A new connection to one server, upgraded with StartTLS when configured, and bound, all within
   * `budgetMs`. Throws DialpaneError. The directory check uses it to test one server.
   */
  async openAt(endpoint: Endpoint, budgetMs: number, onBindSent?: () => void): Promise<Client> {
    const { timeouts, startTls } = this.config;
    const secure = endpoint.scheme === 'ldaps';
    const context = this.contextOf(endpoint);
    let step: Step = 'connect';
    let client: Client | undefined;
    try {
      // ldapts treats any tlsOptions as "connect with TLS", so they go to the constructor only for ldaps://.
      client = new Client({
        url: endpoint.url,
        connectTimeout: Math.min(timeouts.connectMs, budgetMs),
        timeout: timeouts.requestMs,
        ...(secure ? { tlsOptions: tlsOptions(this.config, endpoint) } : {}),
      });
      const bound = client;
      const setUp = async (): Promise<Client> => {
        if (startTls && !secure) {
          step = 'starttls';
          await bound.startTLS(tlsOptions(this.config, endpoint));
        }
        step = 'bind';
        onBindSent?.();
        await bound.bind(this.config.bindUser, this.password);
        return bound;
      };
      return await within(setUp(), budgetMs, () => step);
    } catch (error) {
      await client?.unbind().catch(() => undefined);
      throw toDirectoryError(error, step, context);
    }
  }
}
