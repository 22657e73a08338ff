/**
 * The directory goes away, comes back, or hangs: every request still gets an answer that names the
 * cause — 503 while the DC refuses connections, 504 when it does not answer in time, 503
 * REQUEST_TIMEOUT from the service's own clock as a last resort — and the service recovers by
 * itself once the DC is back. Proxies on loopback play the DC's network.
 */
import request from 'supertest';
import type { ApiError, SearchResponse } from '../../src/shared/api';
import { AUTH_ACCOUNTS } from '../fixtures/samba-auth-fixture';
import { SAMBA_DIRECTORY_ID, sambaDirectoryConfig, testServers } from '../servers/env';
import { startSwitchableProxy, type SwitchableProxy } from '../servers/switch-proxy';
import { startBlackHole } from '../servers/tcp-proxy';
import { bearer, openSignInApp, sambaSignInConfig, signedIn, signInRequest } from './auth-helpers';
import { openApp } from './helpers';

const people = `/api/directories/${SAMBA_DIRECTORY_ID}/people`;
const error = (body: unknown): ApiError => body as ApiError;

let proxy: SwitchableProxy;
beforeEach(async () => {
  proxy = await startSwitchableProxy(testServers().samba.host, 389);
});
afterEach(() => proxy.close());

// A per-project testTimeout in jest.config.js is not applied by Jest; processes and timeouts need more than 5 s.
jest.setTimeout(60_000);

describe('when the directory goes down and comes back', () => {
  it('then searches answer 503 naming the refused server, and work again once it is back, without a restart', async () => {
    const t = openSignInApp(sambaSignInConfig({ directory: { url: `ldap://127.0.0.1:${proxy.port}` } }));
    try {
      const { token } = await signedIn(t.app, AUTH_ACCOUNTS.signin.account);
      const search = () => request(t.app).get(people).query({ q: 'Sigrid' }).set(bearer(token));
      expect(((await search().expect(200)).body as SearchResponse).people.map((p) => p.displayName)).toEqual(['Sigrid Signin']);
      await proxy.down();
      const res = await search().expect(503);
      expect(error(res.body)).toEqual({
        code: 'DIRECTORY_UNREACHABLE',
        message: `The connection was refused by 127.0.0.1:${proxy.port}.`,
        hint: `Is the directory server running and listening on port ${proxy.port}? 389 is only the default port for ldap://; write the port in url when it differs.`,
      });
      await search().expect(503);
      await proxy.up();
      expect(((await search().expect(200)).body as SearchResponse).people.map((p) => p.displayName)).toEqual(['Sigrid Signin']);
    } finally {
      await t.close();
    }
  });

  it('then sign-ins answer 503 and do not count against the account', async () => {
    const t = openSignInApp(sambaSignInConfig({ directory: { url: `ldap://127.0.0.1:${proxy.port}` }, auth: { limits: { accountFailures: 1 } } }));
    try {
      await signInRequest(t.app, AUTH_ACCOUNTS.signin.account).expect(200);
      await proxy.down();
      for (let i = 0; i < 3; i++) expect(error((await signInRequest(t.app, AUTH_ACCOUNTS.signin.account).expect(503)).body).code).toBe('DIRECTORY_UNREACHABLE');
      await proxy.up();
      await signInRequest(t.app, AUTH_ACCOUNTS.signin.account).expect(200);
    } finally {
      await t.close();
    }
  });
});

describe('when the directory hangs', () => {
  it('then a sign-in answers 504 DIRECTORY_TIMEOUT after timeouts.requestMs, not a hung request', async () => {
    const hole = await startBlackHole();
    const t = openSignInApp(sambaSignInConfig({ directory: { url: `ldap://127.0.0.1:${hole.port}`, timeouts: { connectMs: 1000, requestMs: 1000 } } }));
    try {
      const res = await signInRequest(t.app, AUTH_ACCOUNTS.signin.account).expect(504);
      expect(error(res.body)).toEqual({ code: 'DIRECTORY_TIMEOUT', message: `127.0.0.1:${hole.port} did not answer the bind in time.`, hint: 'The directory is slow or overloaded; try again, or raise timeouts.requestMs.' });
    } finally {
      await t.close();
      await hole.close();
    }
  });

  it('then, when the service\'s own request timeout is shorter, it answers 503 REQUEST_TIMEOUT with Retry-After', async () => {
    const hole = await startBlackHole();
    const t = openApp(sambaDirectoryConfig({ directory: { url: `ldap://127.0.0.1:${hole.port}`, timeouts: { connectMs: 30_000, requestMs: 60_000 } }, config: { security: { requestTimeoutMs: 1000 } } }));
    try {
      const res = await request(t.app).get(people).query({ q: 'Müller' }).expect(503);
      expect(error(res.body)).toEqual({ code: 'REQUEST_TIMEOUT', message: 'Dialpane could not answer within 1 s.', hint: 'A directory or phone system is slow to answer; try again in a moment.' });
      expect(res.headers['retry-after']).toBe('5');
    } finally {
      // The bind is still waiting on the hole: closing the hole first ends it, then the app closes.
      await hole.close();
      await t.close();
    }
  });
});
