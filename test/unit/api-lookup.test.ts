/** POST /api/lookup/emails on the embedded demo directory (LDIF): matches, aliases and every refusal. */
import request from 'supertest';
import { createApp } from '../../server/app';
import { demoConfigInput, parseConfig } from '../../server/config/load';
import { createDirectories } from '../../server/directory/create-directories';
import type { ApiError, EmailLookupResponse } from '../../src/shared/api';

const loaded = parseConfig(demoConfigInput(), {});
const app = createApp(loaded.config, { directories: createDirectories(loaded) });
const post = (body: unknown): request.Test => request(app).post('/api/lookup/emails').send(body as object);
const names = (answer: EmailLookupResponse): string[][] => answer.matches.map((m) => [m.address, m.directoryId, m.person.displayName]);

describe('POST /api/lookup/emails on the demo directory', () => {
  test('when a message names Jane by mail, José by mail and a stranger, then two matches and one not found', async () => {
    const res = await post({ addresses: ['jdoe@monkey.com', 'jgarcia@monkey.com', 'partner@example.org'] }).expect(200);
    const answer = res.body as EmailLookupResponse;
    expect(names(answer)).toEqual([
      ['jdoe@monkey.com', 'demo', 'Jane Doe'],
      ['jgarcia@monkey.com', 'demo', 'José García'],
    ]);
    expect(answer.notFound).toEqual(['partner@example.org']);
    expect(answer.failures).toBeUndefined();
    expect(answer.matches[0]?.person.phones.map((p) => p.raw)).toEqual(['+1 (408) 555-0100', '+1 (669) 555-0100', '4100']);
  });

  test('when Jane is named by her smtp: alias in capitals, then she is found', async () => {
    const answer = (await post({ addresses: ['Jane.Doe@MONKEY.com'] }).expect(200)).body as EmailLookupResponse;
    expect(names(answer)).toEqual([['Jane.Doe@MONKEY.com', 'demo', 'Jane Doe']]);
    expect(answer.notFound).toEqual([]);
  });

  test('when the disabled colleague is named, then he is not in the directory', async () => {
    const answer = (await post({ addresses: ['femployee@monkey.com'], directoryId: 'demo' }).expect(200)).body as EmailLookupResponse;
    expect(answer).toEqual({ matches: [], notFound: ['femployee@monkey.com'] });
  });

  test.each([
    [{}, 'addresses: Invalid input: expected array, received undefined.'],
    [{ addresses: [] }, 'addresses: must name at least one address.'],
    [{ addresses: ['jdoe@monkey.com', 'Jane Doe'] }, 'addresses.1: is not an email address.'],
    [{ addresses: ['<jdoe@monkey.com>'] }, 'addresses.0: is not an email address.'],
    [{ addresses: ['SMTP:jdoe@monkey.com'] }, 'addresses.0: is not an email address.'],
    [{ addresses: [`${'a'.repeat(250)}@x.io`] }, 'addresses.0: must be at most 254 characters.'],
    [{ addresses: Array.from({ length: 101 }, (_, i) => `p${i}@monkey.com`) }, 'addresses: must name at most 100 addresses; send the rest in another request.'],
    [{ addresses: ['jdoe@monkey.com'], extra: 1 }, 'body: unknown field "extra".'],
  ])('when the body is %j, then 400 BAD_REQUEST says %j', async (body, message) => {
    const res = await post(body).expect(400);
    expect(res.body).toEqual({ code: 'BAD_REQUEST', message, hint: 'Send {"addresses": ["name@example.com", …]} and optionally "directoryId" (every directory when absent).' });
  });

  test('when the directory does not exist, then 404 DIRECTORY_NOT_FOUND names the ones that do', async () => {
    const res = await post({ addresses: ['jdoe@monkey.com'], directoryId: 'nope' }).expect(404);
    const error = res.body as ApiError;
    expect(error).toEqual({ code: 'DIRECTORY_NOT_FOUND', message: 'There is no directory "nope".', hint: 'Use one of the ids from GET /api/directories: demo, or leave directoryId out.' });
  });

  test('when the body is not JSON, then 400 and no stack trace', async () => {
    const res = await request(app).post('/api/lookup/emails').set('Content-Type', 'application/json').send('{"addresses": [').expect(400);
    expect(res.body).toEqual({ code: 'BAD_REQUEST', message: 'The request could not be read.', hint: 'Send valid JSON with Content-Type: application/json.' });
  });
});
