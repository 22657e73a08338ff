/**
 * The directory index on the real OpenLDAP slapd, whose service account may read 1,000 entries
 * per search (as Active Directory's MaxPageSize): the index loads all 2,509 people with a paged
 * search, then answers search as you type, Show All, the email lookup and reverse lookup by
 * number from memory — the same answers as the live path, without a request to the server.
 */
import { byDisplayName } from '../../server/directory/entry';
import type { Person } from '../../src/shared/api';
import { SLAPD_FACTS, directoriesConfig, slapdEntry, testServers } from '../servers/env';
import { startLdapCountingProxy, type LdapCountingProxy } from '../servers/ldap-counting-proxy';
import { openApp, showAll, type TestApp } from './helpers';
import { everyoneLive, expectedSearch, indexedDirectory, indexHealth, INDEXED_ID, LIVE_ID, lookupEmails, lookupNumber, search } from './index-helpers';

const PAGE_SIZE = 500;
let proxy: LdapCountingProxy;
let t: TestApp;
let everyone: Person[];

beforeAll(async () => {
  proxy = await startLdapCountingProxy(testServers().slapd.url);
  t = openApp(directoriesConfig([slapdEntry({ id: LIVE_ID }), slapdEntry({ id: INDEXED_ID, url: proxy.url, pageSize: PAGE_SIZE, index: { syncIntervalSeconds: 3600 } })]));
  await indexedDirectory(t.directories).index.loaded();
  everyone = await everyoneLive(t);
});
afterAll(async () => {
  await t.close();
  await proxy.close();
});

describe('the index on OpenLDAP capped at 1,000 entries per search', () => {
  it('when it loads, then one paged search on its own connection reads all 2,509 people, and health reports it', async () => {
    const count = SLAPD_FACTS.listedNames.length;
    expect(count).toBeGreaterThan(2 * SLAPD_FACTS.sizeLimit);
    const loadConnection = proxy.operations.filter((o) => o.connection === 1).map((o) => o.op);
    expect(loadConnection).toEqual(['bind', ...Array<string>(Math.ceil(count / PAGE_SIZE)).fill('search'), 'unbind']);
    const health = await indexHealth(t.app);
    expect(health).toMatchObject({ state: 'ready', people: count, syncIntervalSeconds: 3600, lastSync: { kind: 'full', ok: true, people: count, added: count, changed: 0, removed: 0 } });
    expect(health?.ageSeconds).toBeGreaterThanOrEqual(0);
    expect(health?.syncedAt).toBe(health?.lastSync?.at);
  });

  it('when Show All is walked from the index, then everyone the live path lists comes once, by display name', async () => {
    const { people, pages } = await showAll(t.app, INDEXED_ID, 200);
    expect(pages).toBe(Math.ceil(SLAPD_FACTS.listedNames.length / 200));
    expect(people.map((p) => p.id)).toEqual([...everyone].sort(byDisplayName).map((p) => p.id));
    expect(people).toEqual([...everyone].sort(byDisplayName));
  });

  it.each([
    ['Jür'],
    ['Müller'],
    ['José García'],
    ['Chris (CJ)'],
    ['Jane D'],
    ['jdoe@'],
    ['Sam Carter'],
    ['Guido van'],
    ['Ada Lov'],
    ['u0042'],
    ['5550199'],
    ['555 0142'],
    ['408 555 1042'],
    ['nobody-at-all'],
  ])('when %j is searched, then the index answers exactly what the live path answers', async (q) => {
    const [live, indexed] = [await search(t.app, LIVE_ID, q), await search(t.app, INDEXED_ID, q)];
    expect(live.more).toBe(false);
    expect(indexed).toEqual(live);
    expect(indexed).toEqual(expectedSearch(everyone, q, 25));
  });

  it.each([['u1'], ['Linus'], ['408'], ['Ada'], ['1 669']])('when %j matches more people than the limit, then the index answers the first ones by name, with more, as the live path says', async (q) => {
    const [live, indexed] = [await search(t.app, LIVE_ID, q, 20), await search(t.app, INDEXED_ID, q, 20)];
    expect(indexed).toEqual(expectedSearch(everyone, q, 20));
    expect(indexed.more).toBe(true);
    expect(live.more).toBe(true);
  });

  it('when a search is answered from the index, then nothing reaches the directory', async () => {
    const before = proxy.operations.length;
    await search(t.app, INDEXED_ID, 'Müller');
    await search(t.app, INDEXED_ID, '5550199');
    await showAll(t.app, INDEXED_ID, 1000);
    expect(proxy.operations.length).toBe(before);
  });

  it('when the people of a message are looked up by address, then the index finds whom the live lookup finds', async () => {
    const bulk = everyone.filter((p) => /^u\d{4}$/.test(p.accountName ?? '')).slice(0, 40);
    const addresses = [...bulk.map((p) => p.mail ?? ''), 'SCARTER@monkey.com', 'jdoe@monkey.com', 'stranger@example.org'];
    const [live, indexed] = [await lookupEmails(t.app, LIVE_ID, addresses), await lookupEmails(t.app, INDEXED_ID, addresses)];
    expect(indexed.notFound).toEqual(['stranger@example.org']);
    expect(indexed.matches.map((m) => [m.address, m.person])).toEqual(live.matches.map((m) => [m.address, m.person]));
    expect(indexed.matches).toHaveLength(42);
  });

  it.each([
    ['+1 (408) 555-0199', 'Sam Carter', 1],
    ['4085550199', 'Sam Carter', 1],
    ['001 408 555 0199', 'Sam Carter', 1],
    ['+1 408 555 0100', 'Sam Carter', 0],
    ['+44 20 7946 0000', 'Priya Patel', 0],
    ['+1 408 555 0000', 'nobody', 0],
  ])('when the number %j is looked up, then the index finds %s as the live path does', async (number, name, phoneIndex) => {
    const [live, indexed] = [await lookupNumber(t.app, number, LIVE_ID), await lookupNumber(t.app, number, INDEXED_ID)];
    expect(indexed.matches.map((m) => [m.person.displayName, m.phoneIndex])).toEqual(name === 'nobody' ? [] : [[name, phoneIndex]]);
    expect(indexed.matches.map((m) => m.person)).toEqual(live.matches.map((m) => m.person));
    expect(indexed.number).toEqual(live.number);
  });
});
