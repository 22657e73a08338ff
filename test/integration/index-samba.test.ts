/**
 * The directory index on the real Samba AD DC: answered live while it loads, then from memory —
 * search as you type (ANR words included), Show All, the email lookup with proxyAddresses aliases
 * and reverse lookup by number in every spelling — the same answers as the live path. With
 * `index: off` the directory stays live.
 */
import request from 'supertest';
import { byDisplayName } from '../../server/directory/entry';
import { LdapDirectory } from '../../server/directory/ldap-directory';
import type { ApiError, DirectoriesHealthResponse, NumberLookupResponse, Person } from '../../src/shared/api';
import { PRIYA_ALIAS } from '../fixtures/mail-aliases';
import { AUTH_ACCOUNTS } from '../fixtures/samba-auth-fixture';
import { SAMBA_DIRECTORY_ID, SAMBA_FACTS, directoriesConfig, sambaEntry, testServers } from '../servers/env';
import { startLdapCountingProxy, type LdapCountingProxy } from '../servers/ldap-counting-proxy';
import { bearer, openSignInApp, sambaSignInConfig, signedIn } from './auth-helpers';
import { openApp, showAll, type TestApp } from './helpers';
import { everyoneLive, expectedSearch, indexedDirectory, indexHealth, INDEXED_ID, LIVE_ID, lookupEmails, lookupNumber, search } from './index-helpers';

let liveProxy: LdapCountingProxy;
let indexProxy: LdapCountingProxy;
let t: TestApp;
let everyone: Person[];

beforeAll(async () => {
  [liveProxy, indexProxy] = await Promise.all([startLdapCountingProxy(testServers().samba.url), startLdapCountingProxy(testServers().samba.url)]);
});
afterAll(async () => {
  await t?.close();
  await Promise.all([liveProxy.close(), indexProxy.close()]);
});

describe('the index on Samba Active Directory', () => {
  it('while the index loads, searches are answered live; once loaded, from the index with the same answer', async () => {
    const release = indexProxy.holdNext(1); // the index's own connection: its first load waits
    t = openApp(directoriesConfig([sambaEntry({ id: LIVE_ID, url: liveProxy.url }), sambaEntry({ id: INDEXED_ID, url: indexProxy.url, index: { syncIntervalSeconds: 3600 } })]));
    const index = indexedDirectory(t.directories).index;
    expect(await indexHealth(t.app)).toMatchObject({ state: 'loading', people: 0, loadedAt: null, lastSync: null });
    const whileLoading = await search(t.app, INDEXED_ID, 'Müller');
    expect(whileLoading.people.map((p) => p.displayName)).toEqual(['Jürgen Müller']);
    expect(indexProxy.count('search')).toBe(1); // the live search, on a connection of its own

    release();
    expect(await index.loaded()).toMatchObject({ kind: 'full', ok: true, people: SAMBA_FACTS.listedNames.length });
    const searches = indexProxy.count('search');
    expect(await search(t.app, INDEXED_ID, 'Müller')).toEqual(whileLoading);
    expect(indexProxy.count('search')).toBe(searches);
    everyone = await everyoneLive(t);
  });

  it('when health is asked, then the indexed directory reports its size, age and last sync; the live one has no index', async () => {
    const health = (await request(t.app).get('/api/health/directories').expect(200)).body as DirectoriesHealthResponse;
    expect(health.directories.map((d) => [d.id, d.index?.state])).toEqual([
      [LIVE_ID, undefined],
      [INDEXED_ID, 'ready'],
    ]);
    const count = SAMBA_FACTS.listedNames.length;
    expect(health.directories[1]?.index).toMatchObject({ people: count, lastSync: { kind: 'full', ok: true, people: count, added: count } });
    expect(health.directories[1]?.index?.ageSeconds).toBeGreaterThanOrEqual(0);
  });

  it('when Show All is walked from the index, then everyone the live path lists comes once, by display name', async () => {
    const { people } = await showAll(t.app, INDEXED_ID, 500);
    expect(people.map((p) => p.displayName).sort()).toEqual(SAMBA_FACTS.listedNames);
    expect(people).toEqual([...everyone].sort(byDisplayName));
  });

  it.each([
    ['Jür'],
    ['müller'],
    ['José'],
    ['Chris'],
    ['Jane D'],
    ['jdoe@'],
    ['ppatel'],
    ['Guido van'],
    ['John Sm'],
    ['Smith John'],
    ['Admin'],
    ['Dis'],
    ['555 0142'],
    ['4100'],
    ['*)(objectClass=*'],
  ])('when %j is searched, then the index answers exactly what the live path answers', async (q) => {
    const [live, indexed] = [await search(t.app, LIVE_ID, q), await search(t.app, INDEXED_ID, q)];
    expect(live.more).toBe(false);
    expect(indexed).toEqual(live);
    expect(indexed).toEqual(expectedSearch(everyone, q, 25));
  });

  it.each([['u1'], ['408'], ['Ada']])('when %j matches more people than the limit, then the index answers the first ones by name, with more', async (q) => {
    const [live, indexed] = [await search(t.app, LIVE_ID, q, 20), await search(t.app, INDEXED_ID, q, 20)];
    expect(indexed).toEqual(expectedSearch(everyone, q, 20));
    expect([indexed.more, live.more]).toEqual([true, true]);
  });

  it('when the people of a message are looked up by address, aliases included, then the index finds whom the live lookup finds', async () => {
    const bulk = everyone.filter((p) => /^u\d{4}$/.test(p.accountName ?? '')).slice(0, 40);
    const addresses = [...bulk.map((p) => p.mail ?? ''), PRIYA_ALIAS.toUpperCase(), 'ppatel@monkey.com', 'jdoe@monkey.com', 'ddisabled@monkey.com', 'nobody@monkey.com'];
    const [live, indexed] = [await lookupEmails(t.app, LIVE_ID, addresses), await lookupEmails(t.app, INDEXED_ID, addresses)];
    expect(indexed.matches.map((m) => [m.address, m.person])).toEqual(live.matches.map((m) => [m.address, m.person]));
    expect(indexed.matches.slice(-3).map((m) => m.person.displayName)).toEqual(['Priya Patel', 'Priya Patel', 'Jane Doe']);
    expect(indexed.notFound).toEqual(['ddisabled@monkey.com', 'nobody@monkey.com']);
  });

  it.each([
    ['+1 (408) 555-0100', 'Sam Carter', 0],
    ['4085550100', 'Sam Carter', 0],
    ['001 408 555 0100', 'Sam Carter', 0],
    ['tel:+1-408-555-0100;ext=123', 'Sam Carter', 0],
    ['4100', 'Sam Carter', 2],
    ['4000', 'Front Desk', 1],
    ['(669) 555-0101', 'Jane Doe', 1],
    ['+49 89 1234 5678', 'Jürgen Müller', 0],
    ['+1 408 555 0666', 'nobody', 0],
  ])('when the number %j is looked up, then %s is found in both directories, as the live path finds them', async (number, name, phoneIndex) => {
    const answer = await lookupNumber(t.app, number);
    const expected = name === 'nobody' ? [] : [LIVE_ID, INDEXED_ID].map((directoryId) => [directoryId, name, phoneIndex]);
    expect(answer.matches.map((m) => [m.directoryId, m.person.displayName, m.phoneIndex])).toEqual(expected);
    expect(answer.matches[1]?.person).toEqual(answer.matches[0]?.person);
    expect(answer.failures).toBeUndefined();
  });

  it.each([
    [{}, 'BAD_QUERY', 'The number to look up is missing.'],
    [{ number: 'reception' }, 'BAD_QUERY', '"reception" cannot be read as a phone number: not a phone number (no digits).'],
    [{ number: '12' }, 'BAD_QUERY', '"12" cannot be read as a phone number: too short to be a phone number (2 digits).'],
    [{ number: '9'.repeat(65) }, 'BAD_QUERY', 'The number is longer than 64 characters.'],
    [{ number: '4100', directoryId: 'nowhere' }, 'DIRECTORY_NOT_FOUND', 'There is no directory "nowhere".'],
  ])('when the lookup is asked %j, then the answer is a clear error %s', async (query, code, message) => {
    const res = await request(t.app).get('/api/lookup').query(query);
    expect([res.status, (res.body as ApiError).code, (res.body as ApiError).message]).toEqual([code === 'BAD_QUERY' ? 400 : 404, code, message]);
    expect((res.body as ApiError).hint).toBeTruthy();
  });

  it('when index is off, then the directory is the live one and every search reaches the directory', async () => {
    expect(t.directories[0]).toBeInstanceOf(LdapDirectory);
    const before = liveProxy.count('search');
    await search(t.app, LIVE_ID, 'Müller');
    await lookupNumber(t.app, '4100', LIVE_ID);
    expect(liveProxy.count('search')).toBe(before + 2);
  });
});

describe('the index with sign-in on', () => {
  it('when no token comes, then the reverse lookup and the directories’ health answer 401; with one, the index answers', async () => {
    const s = openSignInApp(sambaSignInConfig({ directory: { index: { syncIntervalSeconds: 3600 } } }));
    try {
      await indexedDirectory(s.directories, SAMBA_DIRECTORY_ID).index.loaded();
      for (const path of ['/api/lookup?number=4711', '/api/health/directories']) {
        expect(((await request(s.app).get(path).expect(401)).body as ApiError).code).toBe('UNAUTHENTICATED');
      }
      expect((await request(s.app).get('/api/health').expect(200)).body).toEqual({ ok: true });
      const { token } = await signedIn(s.app, AUTH_ACCOUNTS.signin.account);
      const found = (await request(s.app).get('/api/lookup').query({ number: '+1 (408) 555-0147' }).set(bearer(token)).expect(200)).body as NumberLookupResponse;
      expect(found.matches.map((m) => [m.person.displayName, m.phoneIndex])).toEqual([['Sigrid Signin', 0]]);
      const health = (await request(s.app).get('/api/health/directories').set(bearer(token)).expect(200)).body as DirectoriesHealthResponse;
      expect(health.directories[0]?.index?.state).toBe('ready');
    } finally {
      await s.close();
    }
  });
});
