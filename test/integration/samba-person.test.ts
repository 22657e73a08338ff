/** Opening a person (GET /people/:personId) on the real Samba AD DC: ids, details, phones. */
import { Client, EqualityFilter } from 'ldapts';
import request from 'supertest';
import type { Person, SearchResponse } from '../../src/shared/api';
import { SAMBA_SERVICE_ACCOUNT, SAMBA_USERS_DN, sambaPersonDn } from '../fixtures/samba-fixture';
import { namedPerson, SAMBA_DIRECTORY_ID, sambaDirectoryConfig, testServers } from '../servers/env';
import { apiError, openApp, type TestApp } from './helpers';

let t: TestApp;
beforeAll(() => {
  t = openApp(sambaDirectoryConfig());
});
afterAll(() => t.close());

const people = `/api/directories/${SAMBA_DIRECTORY_ID}/people`;

async function findOne(q: string): Promise<Person> {
  const res = await request(t.app).get(people).query({ q }).expect(200);
  const body = res.body as SearchResponse;
  expect(body.people).toHaveLength(1);
  return body.people[0] as Person;
}

async function open(id: string): Promise<Person> {
  const res = await request(t.app).get(`${people}/${encodeURIComponent(id)}`).expect(200);
  return res.body as Person;
}

/** objectGUID of the entry found by `filter`, read straight from the server, as the API's id. */
async function objectGuidId(filter: { dn: string } | { account: string }): Promise<string> {
  const client = new Client({ url: testServers().samba.url });
  try {
    await client.bind(SAMBA_SERVICE_ACCOUNT.upn, SAMBA_SERVICE_ACCOUNT.password);
    const { searchEntries } =
      'dn' in filter
        ? await client.search(filter.dn, { scope: 'base', attributes: ['objectGUID'], explicitBufferAttributes: ['objectGUID'] })
        : await client.search(SAMBA_USERS_DN, { filter: new EqualityFilter({ attribute: 'sAMAccountName', value: filter.account }), attributes: ['objectGUID'], explicitBufferAttributes: ['objectGUID'] });
    expect(searchEntries).toHaveLength(1);
    const guid = searchEntries[0]?.['objectGUID'];
    if (!Buffer.isBuffer(guid)) throw new Error('objectGUID did not arrive as bytes');
    expect(guid).toHaveLength(16);
    return guid.toString('base64url');
  } finally {
    await client.unbind();
  }
}

describe('person details on Samba Active Directory', () => {
  it('when Jane Doe (DN CN=Doe\\, Jane,…) is listed and opened, then her id is her objectGUID and every detail is there', async () => {
    const listed = await findOne('Jane Doe');
    const jane = namedPerson('Jane Doe');
    expect(listed.id).toBe(await objectGuidId({ dn: sambaPersonDn(jane) }));
    expect(sambaPersonDn(jane)).toBe('CN=Doe\\, Jane,CN=Users,DC=monkey,DC=com');
    expect(listed.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await open(listed.id)).toEqual({
      id: listed.id,
      displayName: 'Jane Doe',
      givenName: 'Jane',
      surname: 'Doe',
      title: 'Chief Executive Officer',
      department: 'Executive',
      company: 'Monkey Inc.',
      office: 'San Jose HQ',
      mail: 'jdoe@monkey.com',
      accountName: 'jdoe',
      phones: [
        { kind: 'telephoneNumber', label: 'Work', raw: '+1 408 555 0101', dialable: true, tel: 'tel:+1-408-555-0101', display: '+1 408 555 0101' },
        { kind: 'mobile', label: 'Mobile', raw: '+1 (669) 555-0101', dialable: true, tel: 'tel:+1-669-555-0101', display: '+1 669 555 0101' },
      ],
    });
  });

  it('when Chris (CJ) Jones (parentheses in the name) is listed and opened, then the details match, with his IP phone as an extension', async () => {
    const listed = await findOne('Chris');
    expect(listed.displayName).toBe('Chris (CJ) Jones');
    expect(await open(listed.id)).toEqual({
      id: listed.id,
      displayName: 'Chris (CJ) Jones',
      givenName: 'Chris',
      surname: 'Jones',
      title: 'Account Executive',
      department: 'Sales',
      company: 'Monkey Inc.',
      office: 'San Jose HQ',
      mail: 'cjones@monkey.com',
      accountName: 'cjones',
      phones: [
        { kind: 'telephoneNumber', label: 'Work', raw: '+1 (408) 555-0142', dialable: true, tel: 'tel:+1-408-555-0142', display: '+1 408 555 0142' },
        { kind: 'ipPhone', label: 'IP phone', raw: '4142', dialable: true, tel: 'tel:4142;phone-context=monkey.com', display: '4142' },
      ],
    });
  });

  it.each([
    ['Priya Patel', 'telephoneNumber', '+44 (0)20 7946 0000', 'tel:+44-20-7946-0000'],
    ['Sam Carter', 'telephoneNumber', '+1 (408) 555-0100 x123', 'tel:+1-408-555-0100;ext=123'],
    ['Sam Carter', 'mobile', '408.555.0199', 'tel:+1-408-555-0199'],
    ['Mateja Novak', 'telephoneNumber', '+386 1 555 0100', 'tel:+386-1-555-01-00'],
    ['Jürgen Müller', 'mobile', '+49 170 1234567', 'tel:+49-170-1234567'],
  ])('when %s is opened, then %s %j is dialable as %s', async (name, kind, raw, tel) => {
    const person = await open((await findOne(name)).id);
    expect(person.phones.find((p) => p.kind === kind)).toMatchObject({ raw, dialable: true, tel });
  });

  it.each([
    ['Mateja Novak', 'homePhone', 'n/a'],
    ['Front Desk', 'telephoneNumber', 'see reception'],
  ])('when %s is opened, then %s %j is shown as text, not dialable', async (name, kind, raw) => {
    const person = await open((await findOne(name)).id);
    expect(person.phones.find((p) => p.kind === kind)).toEqual({ kind, label: kind === 'homePhone' ? 'Home' : 'Work', raw, dialable: false, reason: 'not a phone number (no digits)' });
  });

  it('when the disabled user is opened by its real objectGUID, then the answer is 404 PERSON_NOT_FOUND', async () => {
    const id = await objectGuidId({ account: 'ddisabled' });
    const res = await request(t.app).get(`${people}/${id}`).expect(404);
    expect(apiError(res.body).code).toBe('PERSON_NOT_FOUND');
  });

  it.each([
    ['a well-formed GUID nobody has', 'AAAAAAAAAAAAAAAAAAAAAA'],
    ['a DN instead of an id', 'CN=Doe\\, Jane,CN=Users,DC=monkey,DC=com'],
    ['filter syntax', '*)(objectClass=*'],
    ['an id of the wrong length', 'abc'],
  ])('when the id is %s, then the answer is 404 PERSON_NOT_FOUND', async (_situation, id) => {
    const res = await request(t.app).get(`${people}/${encodeURIComponent(id)}`).expect(404);
    expect(res.body).toEqual({ code: 'PERSON_NOT_FOUND', message: 'Nobody in this directory has that id.', hint: expect.any(String) });
  });
});
