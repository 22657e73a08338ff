/**
 * The pane's session handling (src/taskpane/session.ts and the client's token use) with Node's real
 * fetch against the real service with sign-in on. Tokens come from the service's own TokenService
 * and key; the directory is never asked (nothing listens on its port), so no sign-in here binds.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app';
import { createAuth } from '../../server/auth/create-auth';
import { TokenService } from '../../server/auth/tokens';
import { parseConfig } from '../../server/config/load';
import { createDirectories } from '../../server/directory/create-directories';
import type { SessionResponse } from '../../src/shared/api';
import { DialpaneClient } from '../../src/taskpane/api';
import { refreshDelayMs, SessionStore } from '../../src/taskpane/session';
import { clientMessages } from '../../src/taskpane/strings';

const key = randomBytes(32);
const clock = { ms: Date.parse('2026-03-02T09:00:00Z'), now: () => clock.ms };
const loaded = parseConfig({ directories: [{ id: 'corp', displayName: 'Corp', kind: 'ad', url: 'ldap://127.0.0.1:1', bindUser: 'svc@corp.test', passwordEnv: 'PW', searchBase: 'DC=corp,DC=test' }] }, { PW: 'x' }, '/tmp');
const tokens = new TokenService({ key, tokenMinutes: 15, sessionHours: 12, now: clock.now });

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem = (k: string): string | null => this.items.get(k) ?? null;
  setItem = (k: string, v: string): void => void this.items.set(k, v);
  removeItem = (k: string): void => void this.items.delete(k);
}

async function session(): Promise<SessionResponse> {
  const { token, expiresAt } = await tokens.issue({ directoryId: 'corp', id: 'A1', displayName: 'Jane Doe', attributes: { account: 'jdoe' }, authTime: Math.floor(clock.ms / 1000) });
  return { token, expiresAt: new Date(expiresAt * 1000).toISOString(), user: { directoryId: 'corp', displayName: 'Jane Doe', account: 'jdoe' } };
}

let base: string;
let server: http.Server;
beforeAll(async () => {
  const app = createApp(loaded.config, { directories: createDirectories(loaded), auth: createAuth(loaded, { signingKey: key, now: clock.now }) });
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the pane\'s session', () => {
  it('when the service answers 401 to a pane without a token, then the store asks for sign-in, without a notice', async () => {
    const store = new SessionStore(new MemoryStorage(), clock.now);
    const client = new DialpaneClient(clientMessages, base, undefined, store);
    const result = await client.directories();
    expect(result).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'Sign in to use Dialpane.', hint: 'Sign in again in the Dialpane pane.', status: 401 } });
    expect(store.get()).toEqual({ status: 'needs-sign-in' });
  });

  it('when signed in, then the token goes with every request; once expired, the form comes back saying so', async () => {
    const storage = new MemoryStorage();
    const store = new SessionStore(storage, clock.now);
    store.signedIn(await session());
    const client = new DialpaneClient(clientMessages, base, undefined, store);
    expect(await client.directories()).toEqual({ ok: true, data: [{ id: 'corp', displayName: 'Corp' }] });
    clock.ms += 15 * 60_000;
    await client.directories();
    expect(store.get()).toEqual({ status: 'needs-sign-in', notice: 'Your session has expired.' });
    expect(storage.items.size).toBe(0);
  });

  it('when signed out, then the service forgets the token and the store drops it', async () => {
    const store = new SessionStore(new MemoryStorage(), clock.now);
    const mine = await session();
    store.signedIn(mine);
    const client = new DialpaneClient(clientMessages, base, undefined, store);
    await client.signOut();
    expect(store.get()).toEqual({ status: 'needs-sign-in' });
    store.signedIn(mine); // the old token, as a copy elsewhere would still hold it
    expect(await client.directories()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'You have signed out.' } });
  });

  it('when the pane reloads, then a kept session is used until it expires; a damaged entry is ignored', async () => {
    const storage = new MemoryStorage();
    const kept = await session();
    new SessionStore(storage, clock.now).signedIn(kept);
    expect(new SessionStore(storage, clock.now).get()).toEqual({ status: 'signed-in', session: kept });
    expect(new SessionStore(storage, () => Date.parse(kept.expiresAt)).get()).toEqual({ status: 'anonymous' });
    storage.setItem('dialpane.session', '{"token":');
    expect(new SessionStore(storage, clock.now).get()).toEqual({ status: 'anonymous' });
  });

  it('when a sign-in is refused, then the store is not told to show the form again (no loop), and the refusal is returned', async () => {
    const store = new SessionStore(new MemoryStorage(), clock.now);
    const client = new DialpaneClient(clientMessages, base, undefined, store);
    const result = await client.signIn({ directoryId: 'corp', username: 'jdoe', password: ' ' });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: 'password: is empty.', status: 400 } });
    expect(store.get()).toEqual({ status: 'anonymous' });
  });

  it('refreshes a third of the token\'s life before it ends, at least a minute before', () => {
    const s = { token: 't', expiresAt: new Date(clock.ms + 15 * 60_000).toISOString(), user: { directoryId: 'corp', displayName: 'Jane' } };
    expect(refreshDelayMs(s, clock.ms, 15 * 60_000)).toBe(10 * 60_000);
    expect(refreshDelayMs(s, clock.ms, 2 * 60_000)).toBe(14 * 60_000);
    expect(refreshDelayMs(s, clock.ms + 20 * 60_000, 15 * 60_000)).toBe(0);
  });
});
