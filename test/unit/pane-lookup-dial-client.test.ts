/**
 * The pane's lookup and dialing calls (src/taskpane/mail/lookup-client.ts, dialing/dial-client.ts)
 * with Node's real fetch against the real service on the demo directory with a link dialer.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app';
import { demoConfigInput, parseConfig } from '../../server/config/load';
import { createDialers } from '../../server/dial/create-dialers';
import { createDirectories } from '../../server/directory/create-directories';
import { DialpaneClient } from '../../src/taskpane/api';
import { fetchDialers, fetchPreview, newIdempotencyKey, placeCall } from '../../src/taskpane/dialing/dial-client';
import { isLookupResponse, lookupEmails } from '../../src/taskpane/mail/lookup-client';
import { clientMessages } from '../../src/taskpane/strings';
import { IDEMPOTENCY_KEY_PATTERN } from '../../src/shared/api';

describe('pane lookup and dialing calls', () => {
  let server: http.Server;
  let client: DialpaneClient;
  let janeId: string;

  beforeAll(async () => {
    const loaded = parseConfig({ ...demoConfigInput(), dialers: [{ id: 'phone-app', displayName: 'Phone app', kind: 'uri' }] }, {});
    const directories = createDirectories(loaded);
    const app = createApp(loaded.config, { directories, dialers: createDialers(loaded) });
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    client = new DialpaneClient(clientMessages, `http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    janeId = (await directories[0]?.search('Jane Doe', 1))?.people[0]?.id ?? '';
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('when the addresses of a message are looked up, then the typed answer names the match and the stranger', async () => {
    const result = await lookupEmails(client, ['Jane.Doe@monkey.com', 'pat@partner.example']);
    expect(result.ok && [result.data.matches.map((m) => [m.address, m.directoryId, m.person.displayName]), result.data.notFound]).toEqual([[['Jane.Doe@monkey.com', 'demo', 'Jane Doe']], ['pat@partner.example']]);
  });

  test('when the service refuses the body, then its code, message and hint come through', async () => {
    const result = await lookupEmails(client, ['not an address']);
    expect(result).toEqual({ ok: false, error: { code: 'BAD_REQUEST', status: 400, message: 'addresses.0: is not an email address.', hint: 'Send {"addresses": ["name@example.com", …]} and optionally "directoryId" (every directory when absent).' } });
  });

  test.each([
    [{ matches: [], notFound: [] }, true],
    [{ matches: [{ address: 'a@b.c', directoryId: 'd', person: { id: '1', displayName: 'A', phones: [] } }], notFound: [], failures: [] }, true],
    [{ matches: [{ address: 'a@b.c', person: { id: '1', displayName: 'A', phones: [] } }], notFound: [] }, false],
    [{ matches: [], notFound: [1] }, false],
    [{ people: [] }, false],
  ])('when the answer is %j, then it is %s a lookup answer', (body, ok) => {
    expect(isLookupResponse(body)).toBe(ok);
  });

  test('when the dialers are listed and Jane is previewed on the phone app, then the link to open comes back', async () => {
    const dialers = await fetchDialers(client);
    expect(dialers.ok && dialers.data.map((d) => [d.id, d.kind, d.inPane])).toEqual([['phone-app', 'uri', true]]);
    const preview = await fetchPreview(client, { dialerId: 'phone-app', directoryId: 'demo', personId: janeId, phoneIndex: 0 });
    expect(preview).toEqual({ ok: true, data: { dialerId: 'phone-app', dialed: '+14085550100', preview: 'will dial +1 408 555 0100', uri: 'tel:+14085550100' } });
  });

  test('when a link dialer is asked to place the call, then the typed refusal says the pane opens it', async () => {
    const result = await placeCall(client, { dialerId: 'phone-app', directoryId: 'demo', personId: janeId, phoneIndex: 0, idempotencyKey: newIdempotencyKey() });
    expect(!result.ok && [result.error.code, result.error.status]).toEqual(['DIALER_IN_PANE', 400]);
  });

  test('when keys are made for two clicks, then they differ and the service accepts their form', () => {
    const [a, b] = [newIdempotencyKey(), newIdempotencyKey()];
    expect(a).not.toBe(b);
    expect(IDEMPOTENCY_KEY_PATTERN.test(a)).toBe(true);
  });
});
