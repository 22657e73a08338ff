/**
 * The service WITH sign-in, as the sign-in tests drive it: a configuration whose one directory is
 * the Samba OU of the sign-in accounts (test/fixtures/samba-auth-fixture.ts), createApp with
 * createAuth given an explicit key and a clock the test moves, and reads of the DC's own
 * counters as Administrator.
 */
import { randomBytes } from 'node:crypto';
import type { Express } from 'express';
import { Attribute, Change, Client } from 'ldapts';
import type { Logger } from 'pino';
import request from 'supertest';
import { createApp } from '../../server/app';
import { createAuth, type AuthDeps } from '../../server/auth/create-auth';
import type { LoadedConfig } from '../../server/config/load';
import { createDialers } from '../../server/dial/create-dialers';
import { createDirectories } from '../../server/directory/create-directories';
import type { Directory } from '../../server/directory/directory';
import type { SessionResponse } from '../../src/shared/api';
import { AUTH_OU_DN, AUTH_PASSWORD, authAccountDn, type AuthAccount } from '../fixtures/samba-auth-fixture';
import { SAMBA_ADMIN_PASSWORD, SAMBA_REALM } from '../fixtures/samba-fixture';
import { SAMBA_DIRECTORY_ID, sambaDirectoryConfig, testServers, type TestDirectoryOptions } from '../servers/env';

/** A clock the test moves by hand: tokens expire and limits reset without waiting. */
export class TestClock {
  ms = Date.parse('2026-03-02T09:00:00Z');
  readonly now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface SignInOptions {
  /** Keys of `auth` besides mode: directory, e.g. { limits: { accountFailures: 10 } }. */
  auth?: Record<string, unknown>;
  /** Other top-level keys (dialers, security, …). */
  config?: Record<string, unknown>;
  directory?: Record<string, unknown>;
  password?: string;
}

/** One directory, id "samba", whose search base is the OU of the sign-in accounts. */
export function sambaSignInConfig(options: SignInOptions = {}): LoadedConfig {
  const env: TestDirectoryOptions = {
    directory: { searchBase: AUTH_OU_DN, ...options.directory },
    config: { auth: { mode: 'directory', ...options.auth }, ...options.config },
  };
  if (options.password !== undefined) env.password = options.password;
  return sambaDirectoryConfig(env);
}

export interface SignedInApp {
  app: Express;
  auth: AuthDeps;
  clock: TestClock;
  /** The key tokens are signed with: tests forge and expire tokens with it. */
  key: Uint8Array;
  directories: Directory[];
  close(): Promise<void>;
}

export function openSignInApp(loaded: LoadedConfig, options: { logger?: Logger; clock?: TestClock } = {}): SignedInApp {
  const clock = options.clock ?? new TestClock();
  const key = randomBytes(32);
  const auth = createAuth(loaded, { signingKey: key, now: clock.now });
  if (auth === undefined) throw new Error('the configuration runs without sign-in');
  const directories = createDirectories(loaded);
  const app = createApp(loaded.config, { directories, dialers: createDialers(loaded), auth, ...(options.logger ? { logger: options.logger } : {}) });
  return {
    app,
    auth,
    clock,
    key,
    directories,
    close: async () => {
      await Promise.all([...directories.map((d) => d.close()), auth.close()]);
    },
  };
}

export const bearer = (token: string): Record<string, string> => ({ Authorization: `Bearer ${token}` });

export function signInRequest(app: Express, username: string, password: string = AUTH_PASSWORD, directoryId = SAMBA_DIRECTORY_ID): request.Test {
  return request(app).post('/api/session').send({ directoryId, username, password });
}

/** Signs in and returns the session; fails the test with the answer when it is not 200. */
export async function signedIn(app: Express, username: string): Promise<SessionResponse> {
  const res = await signInRequest(app, username);
  if (res.status !== 200) throw new Error(`sign-in as ${username} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as SessionResponse;
}

/** Attributes of a sign-in account as the DC holds them, read as Administrator. */
export async function readAccount(account: AuthAccount, attributes: string[]): Promise<Record<string, string | undefined>> {
  const client = new Client({ url: testServers().samba.url, timeout: 10_000 });
  try {
    await client.bind(`Administrator@${SAMBA_REALM.toLowerCase()}`, SAMBA_ADMIN_PASSWORD);
    const { searchEntries } = await client.search(authAccountDn(account), { scope: 'base', attributes });
    const entry: Record<string, unknown> = searchEntries[0] ?? {};
    return Object.fromEntries(attributes.map((name) => {
      const value = entry[name];
      return [name, Array.isArray(value) ? (value.length === 0 ? undefined : String(value[0])) : value === undefined ? undefined : String(value)];
    }));
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

/** badPwdCount on the DC (0 when Samba has never counted one). */
export async function badPwdCount(account: AuthAccount): Promise<number> {
  return Number((await readAccount(account, ['badPwdCount']))['badPwdCount'] ?? '0');
}

/** Changes an account as Administrator (e.g. disables it) with an LDAP modify. */
export async function modifyAccount(account: AuthAccount, attribute: string, value: string): Promise<void> {
  const client = new Client({ url: testServers().samba.url, timeout: 10_000 });
  try {
    await client.bind(`Administrator@${SAMBA_REALM.toLowerCase()}`, SAMBA_ADMIN_PASSWORD);
    await client.modify(authAccountDn(account), new Change({ operation: 'replace', modification: new Attribute({ type: attribute, values: [value] }) }));
  } finally {
    await client.unbind().catch(() => undefined);
  }
}
