/** Search as you type against the real Samba AD DC, through the HTTP API. */
import request from 'supertest';
import type { SearchResponse } from '../../src/shared/api';
import { mailOf } from '../fixtures/people';
import { SAMBA_DIRECTORY_ID, SAMBA_FACTS, sambaDirectoryConfig } from '../servers/env';
import { apiError, openApp, type TestApp } from './helpers';

let t: TestApp;
beforeAll(() => {
  t = openApp(sambaDirectoryConfig());
});
afterAll(() => t.close());

async function search(q: string, limit?: number): Promise<SearchResponse> {
  const query: Record<string, string> = { q };
  if (limit !== undefined) query['limit'] = String(limit);
  const res = await request(t.app).get(`/api/directories/${SAMBA_DIRECTORY_ID}/people`).query(query).expect(200);
  return res.body as SearchResponse;
}
const names = (r: SearchResponse): string[] => r.people.map((p) => p.displayName);
const byName = (a: string, b: string): number => a.localeCompare(b, undefined, { sensitivity: 'base' });

/** The enabled fixture people a prefix search must find, computed from the fixture, sorted. */
function expectedForPrefix(prefix: string): string[] {
  const p = prefix.toLowerCase();
  return [...SAMBA_FACTS.byAccount.values()]
    .filter((person) => !person.disabled)
    .filter((person) => [person.displayName, person.givenName, person.sn, mailOf(person), person.account].some((v) => v.toLowerCase().startsWith(p)))
    .map((person) => person.displayName)
    .sort(byName);
}

describe('search as you type on Samba Active Directory', () => {
  it.each([
    ['Jür', ['Jürgen Müller']],
    ['Müller', ['Jürgen Müller']],
    ['müller', ['Jürgen Müller']],
    ['José', ['José García']],
    ['Garc', ['José García']],
    ['Chris', ['Chris (CJ) Jones']],
    ['Jones', ['Chris (CJ) Jones']],
    ['Doe', ['Jane Doe']],
    ['Jane D', ['Jane Doe']],
    ['jdoe@', ['Jane Doe']],
    ['ppatel', ['Priya Patel']],
    ['Guido van', ['Guido van Rossum']],
    ['Admin', ['Administrator']],
  ])('when the user types %j, then exactly %j is found', async (q, expected) => {
    const result = await search(q);
    expect(names(result)).toEqual(expected);
    expect(result.more).toBe(false);
  });

  it('when the text is LDAP filter syntax "*)(objectClass=*", then it is literal text: no people, no error', async () => {
    expect(await search('*)(objectClass=*')).toEqual({ people: [], more: false });
  });

  it.each([['*a'], ['**'], ['\\2a'], ['a)(b'], ['(&)'], ['Doe\\, Jane']])('when the text %j holds filter characters, then nobody matches and the answer is 200', async (q) => {
    expect(await search(q)).toEqual({ people: [], more: false });
  });

  it('when a surname prefix matches many bulk people, then every one comes back sorted by display name', async () => {
    const expected = expectedForPrefix('Lov');
    expect(expected.length).toBeGreaterThan(20);
    const result = await search('Lov', 200);
    expect(names(result)).toEqual(expected);
    expect(result.more).toBe(false);
  });

  it('when more people match than the limit, then the limit is returned sorted and more is true', async () => {
    const result = await search('u0', 25); // accounts u0001 … u0999
    expect(result.people).toHaveLength(25);
    expect(result.more).toBe(true);
    expect(names(result)).toEqual([...names(result)].sort(byName));
  });

  it.each([
    ['7946', ['Priya Patel']],
    ['020 7946', ['Priya Patel']],
    ['555-0100', ['Mateja Novak', 'Sam Carter']],
    ['(408) 555-0142', ['Chris (CJ) Jones']],
    ['4142', ['Chris (CJ) Jones']],
  ])('when the user types the phone digits %j, then the people whose numbers contain them are found: %j', async (q, expected) => {
    const result = await search(q);
    expect(names(result)).toEqual(expected);
    expect(result.more).toBe(false);
  });

  it('when searching the disabled user by name, account or number, then nobody is found', async () => {
    for (const q of ['Disabled', 'Dan', 'ddisabled', '0666']) expect(await search(q)).toEqual({ people: [], more: false });
    expect(SAMBA_FACTS.hiddenNames).toEqual(['Disabled Dan']);
  });

  it('when the text is one character, then the answer is 400 BAD_QUERY', async () => {
    const res = await request(t.app).get(`/api/directories/${SAMBA_DIRECTORY_ID}/people`).query({ q: 'J' }).expect(400);
    expect(apiError(res.body).code).toBe('BAD_QUERY');
  });

  it('when the limit is not a number, then the answer is 400 BAD_QUERY', async () => {
    const res = await request(t.app).get(`/api/directories/${SAMBA_DIRECTORY_ID}/people`).query({ q: 'Jane', limit: 'all' }).expect(400);
    expect(apiError(res.body).code).toBe('BAD_QUERY');
  });

  it('when the directory id is unknown, then the answer is 404 DIRECTORY_NOT_FOUND naming the known ids', async () => {
    const res = await request(t.app).get('/api/directories/nowhere/people').query({ q: 'Jane' }).expect(404);
    expect(apiError(res.body).code).toBe('DIRECTORY_NOT_FOUND');
    expect(apiError(res.body).hint).toContain(SAMBA_DIRECTORY_ID);
  });

  it('lists the directory without any connection detail', async () => {
    const res = await request(t.app).get('/api/directories').expect(200);
    expect(res.body).toEqual([{ id: SAMBA_DIRECTORY_ID, displayName: 'Monkey AD (Samba)' }]);
  });
});
