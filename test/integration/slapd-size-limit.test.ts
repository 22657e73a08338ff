/**
 * OpenLDAP with Active Directory's cap: the service account may read 1,000 entries per search.
 * Show All must still return everyone (paged results control); a search with more matches than
 * the cap says "more", never fails.
 */
import { Client } from 'ldapts';
import request from 'supertest';
import type { Person, SearchResponse } from '../../src/shared/api';
import { SLAPD_PEOPLE_DN, SLAPD_SERVICE_ACCOUNT } from '../fixtures/slapd-fixture';
import { SLAPD_DIRECTORY_ID, SLAPD_FACTS, slapdDirectoryConfig, testServers } from '../servers/env';
import { apiError, openApp, showAll, type TestApp } from './helpers';

let t: TestApp;
beforeAll(() => {
  t = openApp(slapdDirectoryConfig());
});
afterAll(() => t.close());

const people = `/api/directories/${SLAPD_DIRECTORY_ID}/people`;
const search = async (q: string, limit: number): Promise<SearchResponse> =>
  (await request(t.app).get(people).query({ q, limit: String(limit) }).expect(200)).body as SearchResponse;

describe('OpenLDAP capped at 1,000 entries per search', () => {
  it('when the service account searches without paging, then the server really stops at 1,000 (the cap is in force)', async () => {
    const client = new Client({ url: testServers().slapd.url });
    try {
      await client.bind(SLAPD_SERVICE_ACCOUNT.dn, SLAPD_SERVICE_ACCOUNT.password);
      await expect(client.search(SLAPD_PEOPLE_DN, { filter: '(objectClass=inetOrgPerson)', attributes: ['1.1'] })).rejects.toMatchObject({ name: 'SizeLimitExceededError', code: 4 });
    } finally {
      await client.unbind();
    }
  });

  it.each([[200], [1000]])('when Show All walks pages of %i, then every one of the 2,509 people comes exactly once', async (limit) => {
    const { people: listed, pages } = await showAll(t.app, SLAPD_DIRECTORY_ID, limit);
    expect(SLAPD_FACTS.listedNames.length).toBeGreaterThan(2 * SLAPD_FACTS.sizeLimit);
    expect(listed).toHaveLength(SLAPD_FACTS.listedNames.length);
    expect(new Set(listed.map((p) => p.id)).size).toBe(listed.length);
    expect(listed.map((p) => p.displayName).sort()).toEqual(SLAPD_FACTS.listedNames);
    expect(pages).toBe(Math.ceil(SLAPD_FACTS.listedNames.length / limit));
  });

  it('when phone digits match more people than the cap, then the limit comes back with more: true and no error', async () => {
    const everyone = SLAPD_FACTS.listedNames.length;
    const withArea408 = [...SLAPD_FACTS.byAccount.values()].filter((p) => (p.telephoneNumber ?? '').replace(/\D/g, '').includes('408')).length;
    expect(withArea408).toBeGreaterThan(SLAPD_FACTS.sizeLimit);
    expect(withArea408).toBeLessThanOrEqual(everyone);
    const result = await search('408', 200);
    expect(result.people).toHaveLength(200);
    expect(result.more).toBe(true);
    expect(result.people.every((p: Person) => p.phones.some((phone) => phone.raw.replace(/\D/g, '').includes('408')))).toBe(true);
  });

  it('when a name prefix matches 1,000 people, then the limit comes back with more: true', async () => {
    const result = await search('u1', 200); // accounts u1000 … u1999
    expect(result.people).toHaveLength(200);
    expect(result.more).toBe(true);
    expect(result.people.every((p) => p.accountName?.startsWith('u1'))).toBe(true);
  });

  it('when searching Müller on OpenLDAP, then the UTF-8 name is found and opens by entryUUID', async () => {
    const result = await search('Müller', 25);
    expect(result).toEqual({ people: [expect.objectContaining({ displayName: 'Jürgen Müller', department: 'Sales', office: 'Munich' })], more: false });
    const id = (result.people[0] as Person).id;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const opened = (await request(t.app).get(`${people}/${id}`).expect(200)).body as Person;
    expect(opened).toEqual(result.people[0]);
  });

  it('when the id is not a UUID, then the answer is 404 PERSON_NOT_FOUND', async () => {
    const res = await request(t.app).get(`${people}/not-a-uuid`).expect(404);
    expect(apiError(res.body).code).toBe('PERSON_NOT_FOUND');
  });

  it('when the bind user is a user principal name, then 503 DIRECTORY_BIND_FAILED says this server takes DNs only', async () => {
    const other = openApp(slapdDirectoryConfig({ directory: { bindUser: 'dialpane@monkey.com' } }));
    try {
      const res = await request(other.app).get(people).query({ q: 'Müller' }).expect(503);
      expect(apiError(res.body).code).toBe('DIRECTORY_BIND_FAILED');
      expect(apiError(res.body).hint).toContain('full DN');
    } finally {
      await other.close();
    }
  });
});
