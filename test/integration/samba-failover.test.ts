/**
 * Several domain controllers for one directory (`urls`), and connections that go away: the next
 * server answers within the request's time budget, and a dropped connection is reopened. Loopback
 * proxies in front of the one Samba DC stand for separate DCs that can be stopped.
 */
import request from 'supertest';
import type { ApiError, PageResponse, SearchResponse } from '../../src/shared/api';
import type { LoadedConfig } from '../../server/config/load';
import { SAMBA_DIRECTORY_ID, sambaDirectoryConfig, testServers } from '../servers/env';
import { startBlackHole, startTcpProxy, type TcpProxy } from '../servers/tcp-proxy';
import { openApp, type TestApp } from './helpers';

const people = `/api/directories/${SAMBA_DIRECTORY_ID}/people`;
const host = (): string => testServers().samba.host;
const withUrls = (urls: string[], extra: Record<string, unknown> = {}): LoadedConfig => sambaDirectoryConfig({ directory: { url: undefined, urls, ...extra } });

let apps: TestApp[] = [];
const open = (loaded: LoadedConfig): TestApp => {
  const t = openApp(loaded);
  apps.push(t);
  return t;
};
afterEach(async () => {
  await Promise.all(apps.map((t) => t.close()));
  apps = [];
});

async function names(t: TestApp, q: string): Promise<string[]> {
  const res = await request(t.app).get(people).query({ q }).expect(200);
  return (res.body as SearchResponse).people.map((p) => p.displayName);
}

describe('several domain controllers (urls)', () => {
  it('when the first refuses connections, then the second answers the search', async () => {
    const t = open(withUrls([`ldap://${host()}:1`, testServers().samba.url]));
    expect(await names(t, 'Müller')).toEqual(['Jürgen Müller']);
  });

  it('when the first accepts the connection but hangs, then the second answers within the time budget', async () => {
    const hole = await startBlackHole();
    try {
      // The hung DC gets at most connectMs (500 ms) of the request's budget; the rest is room for a
      // loaded CI machine, and a failover that waited for the whole budget would fail the request.
      const t = open(withUrls([`ldap://127.0.0.1:${hole.port}`, testServers().samba.url], { timeouts: { connectMs: 500, requestMs: 8000 } }));
      expect(await names(t, 'José')).toEqual(['José García']);
    } finally {
      await hole.close();
    }
  });

  it('when Show All starts while the first is down, then its own connection goes to the second', async () => {
    const t = open(withUrls([`ldap://${host()}:1`, testServers().samba.url]));
    const page = (await request(t.app).get(people).query({ limit: '5' }).expect(200)).body as PageResponse;
    expect(page.people).toHaveLength(5);
  });

  it('when none answers, then 503 DIRECTORY_UNREACHABLE names each', async () => {
    const t = open(withUrls([`ldap://${host()}:1`, `ldap://${host()}:2`]));
    const res = await request(t.app).get(people).query({ q: 'Müller' }).expect(503);
    expect(res.body).toEqual({
      code: 'DIRECTORY_UNREACHABLE',
      message: `None of the 2 directory servers answered. The connection was refused by ${host()}:1. The connection was refused by ${host()}:2.`,
      hint: 'Is the directory server running and listening on port 1? 389 is only the default port for ldap://; write the port in url when it differs.',
    } satisfies ApiError);
  });

  it('when a bind is refused, then the next DC is not asked (it would refuse too, and count towards a lockout)', async () => {
    const second = await startTcpProxy(host(), 389);
    try {
      const t = open(sambaDirectoryConfig({ directory: { url: undefined, urls: [testServers().samba.url, `ldap://127.0.0.1:${second.port}`] }, password: 'Wrong-Secret-4711' }));
      const res = await request(t.app).get(people).query({ q: 'Müller' }).expect(503);
      expect((res.body as ApiError).code).toBe('DIRECTORY_BIND_FAILED');
      expect(second.connections).toBe(0);
    } finally {
      await second.close();
    }
  });
});

describe('connections that go away', () => {
  let dc1: TcpProxy;
  let dc2: TcpProxy;
  beforeEach(async () => {
    dc1 = await startTcpProxy(host(), 389);
    dc2 = await startTcpProxy(host(), 389);
  });
  afterEach(async () => {
    await dc1.close();
    await dc2.close();
  });

  it('when the connection is dropped between two searches, then the second search reconnects, binds again and answers', async () => {
    const t = open(sambaDirectoryConfig({ directory: { url: `ldap://127.0.0.1:${dc1.port}` } }));
    expect(await names(t, 'Müller')).toEqual(['Jürgen Müller']);
    dc1.dropAll();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await names(t, 'Priya')).toEqual(['Priya Patel']);
    expect(dc1.connections).toBe(2);
  });

  it('when the connection hangs, then that search times out (504) and the next one answers on a fresh connection', async () => {
    const t = open(sambaDirectoryConfig({ directory: { url: `ldap://127.0.0.1:${dc1.port}`, timeouts: { connectMs: 2000, requestMs: 3000 } } }));
    expect(await names(t, 'Müller')).toEqual(['Jürgen Müller']);
    dc1.freezeAll();
    const hung = await request(t.app).get(people).query({ q: 'Priya' }).expect(504);
    expect((hung.body as ApiError).code).toBe('DIRECTORY_TIMEOUT');
    expect(await names(t, 'Priya')).toEqual(['Priya Patel']);
    expect(dc1.connections).toBe(2);
  });

  it('when the DC in use stops, then the next search fails over to the other DC', async () => {
    const t = open(withUrls([`ldap://127.0.0.1:${dc1.port}`, `ldap://127.0.0.1:${dc2.port}`]));
    expect(await names(t, 'Müller')).toEqual(['Jürgen Müller']);
    expect([dc1.connections, dc2.connections]).toEqual([1, 0]);
    await dc1.close(); // stops listening and cuts the open connection: a stopped DC
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await names(t, 'Jane Doe')).toEqual(['Jane Doe']);
    expect(await names(t, 'John Sm')).toEqual(['John Smith']);
    expect([dc1.connections, dc2.connections]).toEqual([1, 1]);
  });
});
