/**
 * POST /api/lookup/emails against the real Samba AD DC (mail and proxyAddresses) and OpenLDAP
 * slapd (mail), with an LDAP-decoding proxy in front of the server so the tests count the
 * searches that really reached it.
 */
import request from 'supertest';
import type { ApiError, EmailLookupResponse, Person } from '../../src/shared/api';
import { PRIYA_ALIAS } from '../fixtures/mail-aliases';
import { mailOf } from '../fixtures/people';
import { SAMBA_SERVICE_ACCOUNT } from '../fixtures/samba-fixture';
import { SAMBA_DIRECTORY_ID, SAMBA_FACTS, SLAPD_DIRECTORY_ID, SLAPD_FACTS, namedPerson, sambaDirectoryConfig, sambaDirectoryInput, slapdDirectoryConfig, TEST_PASSWORD_ENV, testServers } from '../servers/env';
import { startLdapCountingProxy, type LdapCountingProxy } from '../servers/ldap-counting-proxy';
import { parseConfig } from '../../server/config/load';
import { openApp, type TestApp } from './helpers';

const lookup = async (t: TestApp, body: unknown, status = 200): Promise<request.Response> => request(t.app).post('/api/lookup/emails').send(body as object).expect(status);
const summary = (answer: EmailLookupResponse): Array<[string, string, string]> => answer.matches.map((m) => [m.address, m.directoryId, m.person.displayName]);

/** The 50 recipients of a big message: 44 bulk colleagues, four named cases and two strangers. */
function fiftyRecipients(): { addresses: string[]; found: Array<[string, string]>; notFound: string[] } {
  const bulk = [...SAMBA_FACTS.byAccount.values()].filter((p) => /^u\d{4}$/.test(p.account)).slice(0, 44);
  const found: Array<[string, string]> = [
    ...bulk.map((p): [string, string] => [mailOf(p), p.displayName]),
    [namedPerson('Sam Carter').mail, 'Sam Carter'],
    [PRIYA_ALIAS.toUpperCase(), 'Priya Patel'],
    [namedPerson('Jane Doe').mail, 'Jane Doe'], // her DN holds an escaped comma
  ];
  const notFound = ['ddisabled@monkey.com', 'nobody@monkey.com', 'partner@example.org'];
  return { addresses: [...found.map(([a]) => a), ...notFound], found, notFound };
}

describe('email lookup on Samba Active Directory', () => {
  let proxy: LdapCountingProxy;
  let t: TestApp;
  beforeAll(async () => {
    proxy = await startLdapCountingProxy(sambaDirectoryInput()['url'] as string);
    t = openApp(sambaDirectoryConfig({ directory: { url: proxy.url } }));
  });
  afterAll(async () => {
    await t.close();
    await proxy.close();
  });

  test('when a message with 50 recipients is looked up, then the directory sees exactly one search and every address is answered', async () => {
    const { addresses, found, notFound } = fiftyRecipients();
    expect(addresses).toHaveLength(50);
    const before = proxy.count('search');
    const answer = (await lookup(t, { addresses })).body as EmailLookupResponse;
    expect(proxy.count('search') - before).toBe(1);
    expect(summary(answer)).toEqual(found.map(([address, name]) => [address, SAMBA_DIRECTORY_ID, name]));
    expect(answer.notFound).toEqual(notFound);
    expect(answer.failures).toBeUndefined();
  });

  test('when Sam Carter is looked up by mail, then his whole entry comes back as a Person', async () => {
    const sam = namedPerson('Sam Carter');
    const answer = (await lookup(t, { addresses: [sam.mail] })).body as EmailLookupResponse;
    expect(answer.notFound).toEqual([]);
    const person = answer.matches[0]?.person as Person;
    expect([person.displayName, person.title, person.department, person.mail, person.accountName]).toEqual(['Sam Carter', 'Support Lead', 'Support', 'scarter@monkey.com', 'scarter']);
    expect(person.phones.map((p) => (p.dialable ? p.tel : p.raw))).toEqual(['tel:+1-408-555-0100;ext=123', 'tel:+1-408-555-0199', 'tel:4100;phone-context=monkey.com']);
  });

  test('when addresses differ only in case or are repeated, then each is answered once, as first spelled', async () => {
    const answer = (await lookup(t, { addresses: ['SCarter@Monkey.COM', 'scarter@monkey.com', ' Priya.Patel@MONKEY.co.uk ', PRIYA_ALIAS] })).body as EmailLookupResponse;
    expect(summary(answer)).toEqual([
      ['SCarter@Monkey.COM', SAMBA_DIRECTORY_ID, 'Sam Carter'],
      ['Priya.Patel@MONKEY.co.uk', SAMBA_DIRECTORY_ID, 'Priya Patel'],
    ]);
    expect(answer.notFound).toEqual([]);
  });

  test('when Priya is looked up by her smtp: alias and by her primary address, then both find her', async () => {
    const answer = (await lookup(t, { addresses: [PRIYA_ALIAS, 'ppatel@monkey.com'] })).body as EmailLookupResponse;
    expect(summary(answer)).toEqual([
      [PRIYA_ALIAS, SAMBA_DIRECTORY_ID, 'Priya Patel'],
      ['ppatel@monkey.com', SAMBA_DIRECTORY_ID, 'Priya Patel'],
    ]);
  });

  test('when an address holds filter characters, then it is literal: nobody matches and the answer is 200', async () => {
    const answer = (await lookup(t, { addresses: ['*@monkey.com', 's*@monkey.com', 'scarter@*'] })).body as EmailLookupResponse;
    expect(answer).toEqual({ matches: [], notFound: ['*@monkey.com', 's*@monkey.com', 'scarter@*'] });
  });

  test('when the disabled colleague is looked up, then he is not in the directory', async () => {
    const answer = (await lookup(t, { addresses: ['ddisabled@monkey.com'] })).body as EmailLookupResponse;
    expect(answer).toEqual({ matches: [], notFound: ['ddisabled@monkey.com'] });
  });
});

describe('email lookup on OpenLDAP (kind ldap: mail only)', () => {
  let proxy: LdapCountingProxy;
  let t: TestApp;
  beforeAll(async () => {
    proxy = await startLdapCountingProxy(testServers().slapd.url);
    t = openApp(slapdDirectoryConfig({ directory: { url: proxy.url } }));
  });
  afterAll(async () => {
    await t.close();
    await proxy.close();
  });

  test('when three colleagues and a stranger are looked up, then one search finds the three by mail', async () => {
    const people = [...SLAPD_FACTS.byAccount.values()].filter((p) => !p.disabled).slice(0, 3);
    const addresses = [...people.map(mailOf), 'stranger@example.org'];
    const answer = (await lookup(t, { addresses })).body as EmailLookupResponse;
    expect(summary(answer)).toEqual(people.map((p) => [mailOf(p), SLAPD_DIRECTORY_ID, p.displayName]));
    expect(answer.notFound).toEqual(['stranger@example.org']);
    expect(proxy.count('search')).toBe(1);
  });
});

describe('email lookup over several directories', () => {
  const OFFLINE_ENV = 'DIALPANE_TEST_OFFLINE_PASSWORD';
  let t: TestApp;
  beforeAll(() => {
    const sambaEntry = { ...sambaDirectoryInput(), passwordEnv: TEST_PASSWORD_ENV };
    const offline = { id: 'offline', displayName: 'Offline AD', kind: 'ad', url: 'ldap://127.0.0.1:1', bindUser: 'svc@monkey.com', passwordEnv: OFFLINE_ENV, searchBase: 'CN=Users,DC=monkey,DC=com', timeouts: { connectMs: 1000, requestMs: 2000 } };
    const env = { [TEST_PASSWORD_ENV]: SAMBA_SERVICE_ACCOUNT.password, [OFFLINE_ENV]: 'never-sent' };
    t = openApp(parseConfig({ phone: { defaultCountry: 'US' }, auth: { mode: 'none' }, directories: [offline, sambaEntry] }, env));
  });
  afterAll(() => t.close());

  test('when one directory is unreachable, then the others answer and the failure is named', async () => {
    const answer = (await lookup(t, { addresses: ['scarter@monkey.com', 'nobody@monkey.com'] })).body as EmailLookupResponse;
    expect(summary(answer)).toEqual([['scarter@monkey.com', SAMBA_DIRECTORY_ID, 'Sam Carter']]);
    expect(answer.notFound).toEqual(['nobody@monkey.com']);
    expect(answer.failures?.map((f) => [f.directoryId, f.code])).toEqual([['offline', 'DIRECTORY_UNREACHABLE']]);
  });

  test('when the only directory asked is unreachable, then the answer is its 503 with the cause', async () => {
    const res = await lookup(t, { addresses: ['scarter@monkey.com'], directoryId: 'offline' }, 503);
    const error = res.body as ApiError;
    expect(error.code).toBe('DIRECTORY_UNREACHABLE');
    expect(error.message).toBe('The connection was refused by 127.0.0.1:1.');
  });
});
