/**
 * The pane's data layer (src/taskpane/api.ts) with Node's real fetch against the real service
 * (createApp on the demo directory) on port 0, plus small servers that misbehave like proxies do.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app';
import { demoConfigInput, parseConfig } from '../../server/config/load';
import { createDirectories } from '../../server/directory/create-directories';
import { DialpaneClient } from '../../src/taskpane/api';
import { clientMessages, strings } from '../../src/taskpane/strings';

async function listen(handler: http.RequestListener): Promise<{ base: string; close: () => Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}/pane/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('pane data layer (DialpaneClient)', () => {
  let service: Awaited<ReturnType<typeof listen>>;
  let client: DialpaneClient;

  beforeAll(async () => {
    const loaded = parseConfig(demoConfigInput(), {});
    const app = createApp(loaded.config, { directories: createDirectories(loaded) });
    // The pane lives at the service root; a base URL with a path checks that API URLs are relative to it.
    service = await listen((req, res) => {
      req.url = req.url?.replace(/^\/pane/, '') ?? '/';
      app(req, res);
    });
    client = new DialpaneClient(clientMessages, service.base);
  });
  afterAll(() => service.close());

  test('when directories are listed, then the typed list arrives', async () => {
    expect(await client.directories()).toEqual({ ok: true, data: [{ id: 'demo', displayName: 'Demo directory' }] });
  });

  test('when a UTF-8 name is searched, then the query is encoded and the person found', async () => {
    const result = await client.search('demo', 'Müller', 25);
    expect(result.ok && result.data.people.map((p) => p.displayName)).toEqual(['Jürgen Müller']);
  });

  test('when Show All pages are followed, then every person arrives once', async () => {
    const ids = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const result = await client.page('demo', cursor);
      if (!result.ok) throw new Error(result.error.message);
      result.data.people.forEach((p) => ids.add(p.id));
      cursor = result.data.nextCursor;
      pages++;
    } while (cursor !== null);
    expect(pages).toBeGreaterThan(1);
    expect(ids.size).toBe(203);
  });

  test('when a person is fetched by id, then their phones come with it', async () => {
    const found = await client.search('demo', 'Jane Doe', 5);
    if (!found.ok || !found.data.people[0]) throw new Error('Jane Doe not found');
    const person = await client.person('demo', found.data.people[0].id);
    expect(person.ok && person.data.phones.some((p) => p.dialable && p.tel === 'tel:+1-408-555-0100')).toBe(true);
  });

  test('when the service answers an error, then its code, message, hint and status are kept', async () => {
    const result = await client.search('nope', 'ab', 25);
    expect(result).toEqual({ ok: false, error: { code: 'DIRECTORY_NOT_FOUND', status: 404, message: 'There is no directory "nope".', hint: expect.stringContaining('demo') } });
  });

  test('when a request is aborted, then the result says ABORTED (and callers drop it)', async () => {
    const controller = new AbortController();
    const pending = client.search('demo', 'Ada', 25, controller.signal);
    controller.abort();
    const result = await pending;
    expect(!result.ok && result.error.code).toBe('ABORTED');
  });

  test('when nothing listens, then the result is NETWORK with the pane’s own message and hint', async () => {
    const gone = await listen(() => undefined);
    await gone.close();
    const result = await new DialpaneClient(clientMessages, gone.base).directories();
    expect(result).toEqual({ ok: false, error: { code: 'NETWORK', status: 0, ...strings.error.network } });
  });

  test('when a proxy answers an HTML error page, then the result is BAD_RESPONSE naming the status', async () => {
    const proxy = await listen((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html><body>Bad Gateway</body></html>');
    });
    try {
      const result = await new DialpaneClient(clientMessages, proxy.base).directories();
      expect(result).toEqual({ ok: false, error: { code: 'BAD_RESPONSE', status: 502, ...strings.error.badResponse(502) } });
    } finally {
      await proxy.close();
    }
  });

  test('when JSON of the wrong shape arrives with 200, then the result is BAD_RESPONSE, not a crash later', async () => {
    const odd = await listen((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ people: 'everyone' }));
    });
    try {
      const result = await new DialpaneClient(clientMessages, odd.base).search('demo', 'ab', 25);
      expect(!result.ok && result.error.code).toBe('BAD_RESPONSE');
    } finally {
      await odd.close();
    }
  });
});
