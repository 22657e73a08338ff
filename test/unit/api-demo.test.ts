/** The API on the embedded demo directory: paths, shapes and error answers, through createApp. */
import request from 'supertest';
import { createApp } from '../../server/app';
import { demoConfigInput, parseConfig } from '../../server/config/load';
import { createDirectories } from '../../server/directory/create-directories';
import type { PageResponse, Person, SearchResponse } from '../../src/shared/api';

const loaded = parseConfig(demoConfigInput(), {});
const app = createApp(loaded.config, { directories: createDirectories(loaded) });
const DEMO_PEOPLE = 203; // 204 entries in data/demo.ldif, one of them disabled

describe('API on the demo directory', () => {
  it('lists directories without any connection detail', async () => {
    const res = await request(app).get('/api/directories').expect(200);
    expect(res.body).toEqual([{ id: 'demo', displayName: 'Demo directory' }]);
  });

  it('when searching a name prefix, then matches come sorted by display name', async () => {
    const res = await request(app).get('/api/directories/demo/people').query({ q: 'Ada' }).expect(200);
    const body = res.body as SearchResponse;
    expect(body.people.length).toBeGreaterThan(1);
    expect(body.people.every((p) => /^ada/i.test(p.displayName) || /^ada/i.test(p.givenName ?? ''))).toBe(true);
    const names = body.people.map((p) => p.displayName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })));
  });

  it('when searching Müller and José, then UTF-8 names are found', async () => {
    const muller = await request(app).get('/api/directories/demo/people').query({ q: 'Müller' }).expect(200);
    expect((muller.body as SearchResponse).people.map((p) => p.displayName)).toEqual(['Jürgen Müller']);
    const jose = await request(app).get('/api/directories/demo/people').query({ q: 'José' }).expect(200);
    expect((jose.body as SearchResponse).people.map((p) => p.displayName)).toEqual(['José García']);
  });

  it('when the search text is LDAP filter syntax, then it is literal text with no results', async () => {
    const res = await request(app).get('/api/directories/demo/people').query({ q: '*)(objectClass=*' }).expect(200);
    expect(res.body).toEqual({ people: [], more: false });
  });

  it('when there are more matches than the limit, then it says so', async () => {
    const res = await request(app).get('/api/directories/demo/people').query({ q: 'jo', limit: '2' }).expect(200);
    expect((res.body as SearchResponse).people).toHaveLength(2);
    expect((res.body as SearchResponse).more).toBe(true);
  });

  it('when searching digits, then people whose number contains them are found whatever the format', async () => {
    const res = await request(app).get('/api/directories/demo/people').query({ q: '408 555-0100' }).expect(200);
    expect((res.body as SearchResponse).people.map((p) => p.displayName)).toContain('Jane Doe');
  });

  it('when Show All pages through the directory, then every enabled person comes exactly once and the disabled one never', async () => {
    const seen: Person[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const res = await request(app).get('/api/directories/demo/people').query(cursor ? { cursor, limit: '50' } : { limit: '50' }).expect(200);
      const page = res.body as PageResponse;
      seen.push(...page.people);
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(DEMO_PEOPLE);
    expect(new Set(seen.map((p) => p.id)).size).toBe(DEMO_PEOPLE);
    expect(seen.map((p) => p.displayName)).not.toContain('Former Employee');
  });

  it('opens a person whose DN has an escaped comma, and one whose name has parentheses', async () => {
    for (const name of ['Jane Doe', 'Chris (CJ) Jones']) {
      const found = await request(app).get('/api/directories/demo/people').query({ q: name }).expect(200);
      const id = (found.body as SearchResponse).people[0]?.id ?? 'missing';
      const res = await request(app).get(`/api/directories/demo/people/${encodeURIComponent(id)}`).expect(200);
      expect((res.body as Person).displayName).toBe(name);
    }
  });

  it('gives each phone a label, its raw value, and a tel: URI or the reason it is not dialable', async () => {
    const found = await request(app).get('/api/directories/demo/people').query({ q: 'Mateja' }).expect(200);
    const mateja = (found.body as SearchResponse).people[0];
    expect(mateja?.phones).toEqual([
      { kind: 'telephoneNumber', label: 'Work', raw: '+386 1 555 0100', dialable: true, tel: 'tel:+386-1-555-01-00', display: '+386 1 555 01 00' },
      { kind: 'homePhone', label: 'Home', raw: 'n/a', dialable: false, reason: 'not a phone number (no digits)' },
    ]);
  });

  it.each([
    ['/api/directories/nope/people?q=ab', 404, 'DIRECTORY_NOT_FOUND'],
    ['/api/directories/demo/people/nobody', 404, 'PERSON_NOT_FOUND'],
    ['/api/directories/demo/people?q=a', 400, 'BAD_QUERY'],
    ['/api/directories/demo/people?q=ab&limit=0', 400, 'BAD_QUERY'],
    ['/api/directories/demo/people?q=ab&limit=abc', 400, 'BAD_QUERY'],
    ['/api/directories/demo/people?q=ab&q=cd', 400, 'BAD_QUERY'],
    ['/api/directories/demo/people?q=ab&cursor=o5', 400, 'BAD_QUERY'],
    ['/api/directories/demo/people?cursor=garbage', 410, 'CURSOR_EXPIRED'],
    ['/api/nothing-here', 404, 'NOT_FOUND'],
  ])('when requesting %s, then the answer is %i %s with a message and a hint', async (path, status, code) => {
    const res = await request(app).get(path).expect(status);
    expect(res.body).toEqual({ code, message: expect.any(String), hint: expect.any(String) });
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('when the body is not valid JSON, then it is a 400, not a 500', async () => {
    const res = await request(app).post('/api/nothing-here').set('content-type', 'application/json').send('{bad').expect(400);
    expect(res.body.code).toBe('BAD_REQUEST');
  });

  it('when a path segment is broken percent-encoding, then the 400 says the URL could not be read, not that JSON is wanted', async () => {
    const res = await request(app).get('/api/directories/demo/people/%E0%A4%A').expect(400);
    expect(res.body).toEqual({
      code: 'BAD_REQUEST',
      message: 'The request URL could not be read: it holds a % that does not start valid percent-encoding.',
      hint: 'Encode ids and search text with encodeURIComponent.',
    });
  });

  it('when the body is valid JSON of an unknown charset, then the hint still asks for JSON', async () => {
    const res = await request(app).post('/api/dial').set('content-type', 'application/json; charset=latin1').send('{}').expect(400);
    expect(res.body.hint).toBe('Send valid JSON with Content-Type: application/json.');
  });

  it('when the demo directory is checked, then the answer is never cached and says the file was read and how many people it holds', async () => {
    const res = await request(app).get('/api/directories/demo/check').expect(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatchObject({ directoryId: 'demo', ok: true, people: DEMO_PEOPLE });
    expect((res.body as { steps: Array<{ id: string; status: string; detail: string }> }).steps.at(-1)).toEqual({ id: 'people', title: 'People', status: 'ok', detail: `${DEMO_PEOPLE} people in the file.` });
  });

  it('when All directories is searched with only the demo, then each person carries its directory', async () => {
    const res = await request(app).get('/api/people').query({ q: 'Müller' }).expect(200);
    expect((res.body as SearchResponse).people.map((p) => [p.displayName, p.directoryId])).toEqual([['Jürgen Müller', 'demo']]);
  });

  it('serves a local copy of Office.js', async () => {
    const res = await request(app).get('/office-js/office.js').expect(200);
    expect(res.text).toContain('Office');
  });

  it('when Office.js is set to the CDN, then it redirects there', async () => {
    const cdn = parseConfig({ ...demoConfigInput(), server: { officeJs: 'cdn' } }, {});
    const res = await request(createApp(cdn.config, { directories: [] })).get('/office-js/office.js').expect(302);
    expect(res.headers['location']).toBe('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
  });
});
