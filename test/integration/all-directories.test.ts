/**
 * "All directories" (GET /api/people) over the real Samba AD DC and OpenLDAP server: one search
 * merged, each person once — the same objectGUID (the DC configured twice, or the domain and its
 * Global Catalog on port 3268) or the same mail (the colleague's entry in the other directory) — and
 * a directory that fails named without failing the others.
 */
import request from 'supertest';
import type { PageResponse, Person, SearchResponse } from '../../src/shared/api';
import type { LoadedConfig } from '../../server/config/load';
import { demoConfigInput } from '../../server/config/load';
import { directoriesConfig, sambaEntry, SAMBA_FACTS, slapdEntry, testServers } from '../servers/env';
import { openApp, type TestApp } from './helpers';

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

const gc = (): ReturnType<typeof sambaEntry> => sambaEntry({ id: 'samba-gc', displayName: 'Monkey forest (Global Catalog)' });
const offline = (): ReturnType<typeof sambaEntry> => sambaEntry({ id: 'offline', displayName: 'Branch office', url: `ldap://${testServers().samba.host}:1` });
const found = (body: unknown): Array<[string, string | undefined]> => (body as SearchResponse).people.map((p: Person) => [p.displayName, p.directoryId]);

describe('All directories', () => {
  it('when a colleague is in every directory, then they are listed once, from the first directory configured', async () => {
    const t = open(directoriesConfig([sambaEntry(), slapdEntry(), gc()]));
    const res = await request(t.app).get('/api/people').query({ q: 'Müller' }).expect(200);
    expect(found(res.body)).toEqual([['Jürgen Müller', 'samba']]);
    expect((res.body as SearchResponse).more).toBe(false);
    expect((res.body as SearchResponse).failures).toBeUndefined();
  });

  it('when the DC\'s Global Catalog (port 3268, forest root as base) is a second directory, then its people are the domain\'s, listed once', async () => {
    const catalog = sambaEntry({ id: 'gc', displayName: 'Monkey forest (Global Catalog)', url: `ldap://${testServers().samba.host}:3268`, searchBase: 'DC=monkey,DC=com' });
    const t = open(directoriesConfig([catalog, sambaEntry()]));
    const alone = await request(t.app).get('/api/directories/gc/people').query({ q: 'John Sm' }).expect(200);
    expect(found(alone.body)).toEqual([['John Smith', undefined]]);
    const merged = await request(t.app).get('/api/people').query({ q: 'John Sm' }).expect(200);
    expect(found(merged.body)).toEqual([['John Smith', 'gc']]);
  });

  it('when the directories are configured the other way round, then the copy of the first one stays', async () => {
    const t = open(directoriesConfig([slapdEntry(), sambaEntry()]));
    const res = await request(t.app).get('/api/people').query({ q: 'Priya' }).expect(200);
    expect(found(res.body)).toEqual([['Priya Patel', 'slapd']]);
  });

  it('when people are in one directory only, then each comes with the directory that has them', async () => {
    const t = open(directoriesConfig([sambaEntry(), slapdEntry()]));
    // Administrator exists on the DC only; u2400 (beyond the DC's 1,500 bulk people) in OpenLDAP only.
    expect(SAMBA_FACTS.byAccount.has('u2400')).toBe(false);
    const admin = await request(t.app).get('/api/people').query({ q: 'Administrator' }).expect(200);
    expect(found(admin.body)).toEqual([['Administrator', 'samba']]);
    const bulk = await request(t.app).get('/api/people').query({ q: 'u2400' }).expect(200);
    expect((bulk.body as SearchResponse).people.map((p) => [p.accountName, p.directoryId])).toEqual([['u2400', 'slapd']]);
  });

  it('when the same people match in two directories, then the merged answer has each once and more than the limit says more', async () => {
    const t = open(directoriesConfig([sambaEntry(), gc()]));
    const res = await request(t.app).get('/api/people').query({ q: 'Lov', limit: '200' }).expect(200);
    const body = res.body as SearchResponse;
    const ids = body.people.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(body.people.every((p) => p.directoryId === 'samba')).toBe(true);
    const limited = (await request(t.app).get('/api/people').query({ q: 'Lov', limit: '5' }).expect(200)).body as SearchResponse;
    expect(limited.people.map((p) => p.id)).toEqual(ids.slice(0, 5));
    expect(limited.more).toBe(true);
  });

  it('when one directory is down, then the others answer and the failure is named', async () => {
    const t = open(directoriesConfig([offline(), sambaEntry()]));
    const res = await request(t.app).get('/api/people').query({ q: 'Jane Doe' }).expect(200);
    expect(found(res.body)).toEqual([['Jane Doe', 'samba']]);
    expect((res.body as SearchResponse).failures).toEqual([
      {
        directoryId: 'offline',
        displayName: 'Branch office',
        code: 'DIRECTORY_UNREACHABLE',
        message: `The connection was refused by ${testServers().samba.host}:1.`,
        hint: 'Is the directory server running and listening on port 1? 389 is only the default port for ldap://; write the port in url when it differs.',
      },
    ]);
  });

  it('when every directory is down, then the answer is the first one\'s error', async () => {
    const t = open(directoriesConfig([offline()]));
    const res = await request(t.app).get('/api/people').query({ q: 'Jane Doe' }).expect(503);
    expect(res.body).toMatchObject({ code: 'DIRECTORY_UNREACHABLE', message: `The connection was refused by ${testServers().samba.host}:1.` });
  });

  it('when the search text is too short, then one 400 BAD_QUERY, not one failure per directory', async () => {
    const t = open(directoriesConfig([sambaEntry(), slapdEntry()]));
    const res = await request(t.app).get('/api/people').query({ q: 'J' }).expect(400);
    expect((res.body as { code: string }).code).toBe('BAD_QUERY');
  });

  it('when Show All runs over every directory, then it lists one directory after the other, each person with their directory', async () => {
    const [demo] = demoConfigInput()['directories'] as Array<Record<string, unknown>>;
    const t = open(directoriesConfig([{ input: demo as Record<string, unknown> }, sambaEntry()]));
    const listed: Person[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: Record<string, string> = { limit: '1000' };
      if (cursor !== null) query['cursor'] = cursor;
      const page = (await request(t.app).get('/api/people').query(query).expect(200)).body as PageResponse;
      listed.push(...page.people);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null);
    const demoCount = listed.filter((p) => p.directoryId === 'demo').length;
    expect(demoCount).toBe(203);
    expect(listed.filter((p) => p.directoryId === 'samba').map((p) => p.displayName).sort()).toEqual(SAMBA_FACTS.listedNames);
    expect(listed.slice(0, demoCount).every((p) => p.directoryId === 'demo')).toBe(true);
    expect(pages).toBe(3); // 203 demo people, then 1,000 + 510 from the DC
  });
});
