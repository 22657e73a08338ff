/**
 * One bound connection serves every search of a directory, and a dropped connection is reopened
 * transparently. A counting TCP proxy sits between the service and slapd and can cut connections
 * the way an idle timeout, a firewall or a restarted domain controller does.
 */
import request from 'supertest';
import type { SearchResponse } from '../../src/shared/api';
import { SLAPD_DIRECTORY_ID, SLAPD_FACTS, slapdDirectoryConfig, testServers } from '../servers/env';
import { startTcpProxy, type TcpProxy } from '../servers/tcp-proxy';
import { openApp, showAll, type TestApp } from './helpers';

let proxy: TcpProxy;
let t: TestApp;
beforeEach(async () => {
  const { port } = testServers().slapd;
  proxy = await startTcpProxy('127.0.0.1', port);
  t = openApp(slapdDirectoryConfig({ directory: { url: `ldap://127.0.0.1:${proxy.port}` } }));
});
afterEach(async () => {
  await t.close();
  await proxy.close();
});

const people = `/api/directories/${SLAPD_DIRECTORY_ID}/people`;
const names = async (q: string): Promise<string[]> =>
  ((await request(t.app).get(people).query({ q }).expect(200)).body as SearchResponse).people.map((p) => p.displayName);
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 50));

describe('the shared directory connection', () => {
  it('when several searches run, one after another and at once, then they share one connection', async () => {
    expect(await names('Müller')).toEqual(['Jürgen Müller']);
    expect(await names('José')).toEqual(['José García']);
    const together = await Promise.all(['Jane Doe', 'Priya', 'Sam Carter'].map(names));
    expect(together).toEqual([['Jane Doe'], ['Priya Patel'], ['Sam Carter']]);
    expect(proxy.connections).toBe(1);
  });

  it('when the connection was dropped while idle, then the next search reconnects, binds again and answers', async () => {
    expect(await names('Müller')).toEqual(['Jürgen Müller']);
    proxy.dropAll();
    await settle();
    expect(await names('José')).toEqual(['José García']);
    expect(proxy.connections).toBe(2);
  });

  it('when Show All runs, then it uses a connection of its own and closes it at the last page', async () => {
    expect(await names('Müller')).toEqual(['Jürgen Müller']);
    const { people: listed } = await showAll(t.app, SLAPD_DIRECTORY_ID, 1000);
    expect(listed).toHaveLength(SLAPD_FACTS.listedNames.length);
    expect(proxy.connections).toBe(2);
  });

  it('when the Show All connection is cut mid-list, then the next page is 503 DIRECTORY_UNREACHABLE and a new Show All works', async () => {
    const page1 = (await request(t.app).get(people).query({ limit: '100' }).expect(200)).body as { nextCursor: string };
    proxy.dropAll();
    await settle();
    // The page after 100 is still buffered from the first LDAP page (500); read past it.
    let cursor: string | null = page1.nextCursor;
    let status = 200;
    let code: string | undefined;
    for (let i = 0; i < 10 && cursor !== null && status === 200; i++) {
      const res = await request(t.app).get(people).query({ cursor, limit: '100' });
      status = res.status;
      code = (res.body as { code?: string }).code;
      cursor = (res.body as { nextCursor?: string | null }).nextCursor ?? null;
    }
    expect(status).toBe(503);
    expect(code).toBe('DIRECTORY_UNREACHABLE');
    const { people: listed } = await showAll(t.app, SLAPD_DIRECTORY_ID, 1000);
    expect(listed).toHaveLength(SLAPD_FACTS.listedNames.length);
  });
});
