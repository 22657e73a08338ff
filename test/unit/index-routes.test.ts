/**
 * The HTTP routes over a directory answered from its index (an LDIF directory as the live side,
 * people in memory as the index's source): people lists written from the JSON serialized at
 * indexing, the same errors as the live routes for bad input, never a 500 whatever arrives, and
 * GET /api/health/directories with each index's state.
 */
import fc from 'fast-check';
import request from 'supertest';
import { createApp } from '../../server/app';
import { parseConfig } from '../../server/config/load';
import { DEMO_LDIF_PATH } from '../../server/directory/demo';
import { DirectoryIndex } from '../../server/directory/index/directory-index';
import { IndexedDirectory } from '../../server/directory/index/indexed-directory';
import { LdifDirectory } from '../../server/directory/ldif-directory';
import type { DirectoriesHealthResponse, PageResponse, SearchResponse } from '../../src/shared/api';
import { numberKeys, person, phones, sourcePerson } from '../fixtures/index-people';
import { MemoryIndexSource } from '../fixtures/memory-index-source';
import { hostileText } from '../support/hostile';

const people = Array.from({ length: 30 }, (_, i) => sourcePerson(person({ id: `p${String(i).padStart(2, '0')}`, displayName: `Quinn ${String.fromCharCode(65 + (i % 26))}${i}`, givenName: 'Quinn', mail: `q${i}@monkey.com`, phones: [`+1 408 555 ${String(1000 + i)}`] })));
const loaded = parseConfig({ auth: { mode: 'none' }, directories: [{ id: 'corp', displayName: 'Monkey', kind: 'ldif', file: DEMO_LDIF_PATH }] }, {});
const index = new DirectoryIndex('corp', new MemoryIndexSource(people), numberKeys, { syncIntervalSeconds: 3600, deletionCheckEvery: 0, fullReloadEvery: 0, maxPeople: 1000 });
const directory = new IndexedDirectory(new LdifDirectory('corp', 'Monkey', DEMO_LDIF_PATH, phones), index, numberKeys);
const app = createApp(loaded.config, { directories: [directory] });

beforeAll(async () => {
  await index.loaded();
});
afterAll(() => directory.close());

jest.setTimeout(60_000);

describe('people lists answered from the index', () => {
  it('when a search is answered, then it is JSON the client reads as a SearchResponse, not cached', async () => {
    const res = await request(app).get('/api/directories/corp/people').query({ q: 'quinn a', limit: '2' }).expect(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body as SearchResponse).toEqual({ people: [people[0]?.person, people[26]?.person], more: false });
  });

  it('when Show All is walked, then the pages hold everyone once, in order', async () => {
    const first = (await request(app).get('/api/directories/corp/people').query({ limit: '20' }).expect(200)).body as PageResponse;
    const second = (await request(app).get('/api/directories/corp/people').query({ limit: '20', cursor: first.nextCursor ?? '' }).expect(200)).body as PageResponse;
    expect(second.nextCursor).toBeNull();
    expect([...first.people, ...second.people].map((p) => p.id).sort()).toEqual(people.map((p) => p.person.id));
  });

  it.each([
    [{ q: 'q' }, 400, 'BAD_QUERY'],
    [{ q: 'quinn', cursor: 'x.abc' }, 400, 'BAD_QUERY'],
    [{ q: 'quinn', limit: '0' }, 400, 'BAD_QUERY'],
    [{ cursor: 'x.bm90LWEtY3Vyc29y' }, 410, 'CURSOR_EXPIRED'],
  ])('when the request is %j, then the answer is %i %s, as on a live directory', async (query, status, code) => {
    const res = await request(app).get('/api/directories/corp/people').query(query).expect(status);
    expect(res.body).toEqual({ code, message: expect.any(String), hint: expect.any(String) });
  });

  it('whatever q, limit and cursor arrive, the answer is never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ q: fc.option(hostileText), limit: fc.option(hostileText), cursor: fc.option(fc.oneof(hostileText, hostileText.map((t) => `x.${t}`))) }), async (query) => {
        const params = Object.entries(query).filter(([, v]) => v !== null).map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`);
        const res = await request(app).get(`/api/directories/corp/people?${params.join('&')}`);
        expect(res.status).toBeLessThan(500);
        const number = await request(app).get(`/api/lookup?number=${encodeURIComponent(query.q ?? '')}`);
        expect(number.status).toBeLessThan(500);
      }),
      { numRuns: 300 },
    );
  });
});

describe('health of the directories', () => {
  it('when asked, then each directory with an index reports its state, size and last sync', async () => {
    const body = (await request(app).get('/api/health/directories').expect(200)).body as DirectoriesHealthResponse;
    expect(body).toMatchObject({ ok: true, directories: [{ id: 'corp', displayName: 'Monkey', index: { state: 'ready', people: 30, lastSync: { kind: 'full', ok: true, added: 30 } } }] });
    expect((await request(app).get('/api/health').expect(200)).body).toEqual({ ok: true });
  });
});
