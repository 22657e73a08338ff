/**
 * Property-based (fast-check): hostile and random input at every route of the service on the demo
 * directory — search text, ids, cursors, numbers, JSON bodies of any shape, raw bodies, headers,
 * broken percent-encoding. Whatever arrives, the answer is never a 500: it is a success or a
 * { code, message, hint } refusal in JSON.
 */
import fc from 'fast-check';
import request from 'supertest';
import { createApp } from '../../server/app';
import { demoConfigInput, parseConfig } from '../../server/config/load';
import { createDialers } from '../../server/dial/create-dialers';
import { createDirectories } from '../../server/directory/create-directories';
import { hostileText } from '../support/hostile';

const loaded = parseConfig({ ...demoConfigInput(), dialers: [{ id: 'tel', displayName: 'Phone app', kind: 'uri' }] }, {});
const app = createApp(loaded.config, { directories: createDirectories(loaded), dialers: createDialers(loaded) });

/** Text as it may appear raw in a URL: stray "%", broken escapes, reserved characters. */
const rawUrlText = fc.string({ unit: fc.constantFrom('%', 'E', '0', 'A', 'z', '/', '?', '&', '=', '#', ';', '+', '.', '~', '-', '_', '*', '(', ')', "'", '!'), maxLength: 30 });
const number = fc.oneof(fc.integer().map(String), fc.double().map(String), fc.constantFrom('', '0', '-1', '1e3', '0x10', '999999999999', 'NaN', 'Infinity', ' 5', '5 '), hostileText);
const anyJson = fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom('dialerId', 'directoryId', 'personId', 'phoneIndex', 'number', 'idempotencyKey', 'emails', 'device', 'line', 'username', 'password', '__proto__', 'constructor'), fc.jsonValue()));
const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 200 });

function assertAnswered(res: request.Response): void {
  expect(res.status).toBeLessThan(500);
  if (res.status >= 400) {
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({ code: expect.any(String), message: expect.any(String), hint: expect.any(String) });
  }
}

const RUNS = { numRuns: 300 };

// Hundreds of generated cases per test: more than Jest's default 5 s on a slow machine.
jest.setTimeout(60_000);

describe('hostile input at every route (demo directory)', () => {
  it('search: any q, limit and cursor', async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ q: fc.option(hostileText), limit: fc.option(number), cursor: fc.option(hostileText) }), async ({ q, limit, cursor }) => {
        const params = Object.entries({ q, limit, cursor }).filter(([, v]) => v !== null).map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`);
        assertAnswered(await request(app).get(`/api/directories/demo/people?${params.join('&')}`));
        assertAnswered(await request(app).get(`/api/people?${params.join('&')}`));
      }),
      RUNS,
    );
  });

  it('search: repeated and nested query parameters', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('q=ab&q=cd', 'q[]=ab', 'q[a]=b', 'limit=1&limit=2&q=jo', 'cursor=a&cursor=b', 'q=jo&cursor=x'), async (query) => {
        assertAnswered(await request(app).get(`/api/directories/demo/people?${query}`));
      }),
    );
  });

  it('directory and person ids: any text, encoded or raw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileText.map(encodeURIComponent), rawUrlText), fc.oneof(hostileText.map(encodeURIComponent), rawUrlText), async (directory, person) => {
        assertAnswered(await request(app).get(`/api/directories/${directory}/people/${person}`));
        assertAnswered(await request(app).get(`/api/directories/${directory}/people`));
        assertAnswered(await request(app).get(`/api/directories/${directory}/people/${person}/photo`));
        assertAnswered(await request(app).get(`/api/directories/${directory}/check`));
        assertAnswered(await request(app).get(`/api/dialers/${directory}/devices`));
      }),
      RUNS,
    );
  });

  it('dial, preview, sign-in and email lookup: JSON bodies of any shape', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/api/dial', '/api/dial/preview', '/api/session', '/api/session/refresh', '/api/lookup/emails'), anyJson, async (path, body) => {
        assertAnswered(await request(app).post(path).set('Content-Type', 'application/json').send(JSON.stringify(body)));
      }),
      RUNS,
    );
  });

  it('dial: well-formed bodies with hostile values', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ dialerId: fc.oneof(fc.constant('tel'), hostileText), number: hostileText, idempotencyKey: fc.oneof(hostileText, fc.constant('click-00000001')), device: fc.option(hostileText, { nil: undefined }) }),
        async (body) => {
          assertAnswered(await request(app).post('/api/dial').send(body));
          assertAnswered(await request(app).post('/api/dial/preview').send({ dialerId: body.dialerId, number: body.number }));
        },
      ),
      RUNS,
    );
  });

  it('email lookup: lists of hostile addresses', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostileText, { maxLength: 60 }), async (emails) => {
        assertAnswered(await request(app).post('/api/lookup/emails').send({ emails }));
      }),
      RUNS,
    );
  });

  it('reverse lookup by number: any number and directoryId, also repeated', async () => {
    await fc.assert(
      fc.asyncProperty(fc.option(hostileText), fc.option(hostileText), fc.boolean(), async (number, directoryId, twice) => {
        const params = Object.entries({ number, directoryId }).filter(([, v]) => v !== null).map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`);
        if (twice) params.push(...params);
        assertAnswered(await request(app).get(`/api/lookup?${params.join('&')}`));
      }),
      RUNS,
    );
  });

  it('raw bodies with any content type', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=utf-16', 'multipart/form-data'), fc.string({ maxLength: 300 }), async (type, body) => {
        assertAnswered(await request(app).post('/api/dial').set('Content-Type', type).send(body));
      }),
      RUNS,
    );
  });

  it('headers: any Authorization, Origin, Accept and Content-Length-free junk', async () => {
    await fc.assert(
      fc.asyncProperty(printable, printable, printable, async (authorization, origin, accept) => {
        const res = await request(app).get('/api/directories').set('Authorization', authorization).set('Origin', origin).set('Accept', accept).set('X-Forwarded-For', origin);
        assertAnswered(res);
      }),
      RUNS,
    );
  });

  it('any path and method under /api', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('get', 'post', 'put', 'patch', 'delete', 'options', 'head'), rawUrlText, async (method, path) => {
        const res = await request(app)[method](`/api/${path}`);
        expect(res.status).toBeLessThan(500);
      }),
      RUNS,
    );
  });
});
