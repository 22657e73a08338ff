/**
 * The service's structured logs around signing in: one JSON line per request (method, path,
 * status, duration — no query string) and one per sign-in outcome, and the password, the token and
 * the Authorization header nowhere, whatever is logged.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { LOG_REDACT_PATHS } from '../../server/app';
import type { SessionResponse } from '../../src/shared/api';
import { AUTH_ACCOUNTS, AUTH_PASSWORD } from '../fixtures/samba-auth-fixture';
import { bearer, openSignInApp, sambaSignInConfig, signInRequest, type SignedInApp } from './auth-helpers';

const WRONG_PASSWORD = 'Wr0ng-But-Secret-Passw0rd!';

class Captured extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter((l) => l !== ''));
    done();
  }
  get records(): Record<string, unknown>[] {
    return this.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  }
}

let out: Captured;
let t: SignedInApp;
let token: string;

beforeAll(async () => {
  out = new Captured();
  // A logger as an embedding program might pass: debug level and no redaction of its own.
  t = openSignInApp(sambaSignInConfig(), { logger: pino({ level: 'debug' }, out) });
  await signInRequest(t.app, AUTH_ACCOUNTS.logs.account, WRONG_PASSWORD).expect(401);
  token = ((await signInRequest(t.app, AUTH_ACCOUNTS.logs.account, AUTH_PASSWORD).expect(200)).body as SessionResponse).token;
  await request(t.app).get('/api/directories/samba/people').query({ q: 'Lola secret-query' }).set(bearer(token)).expect(200);
  await request(t.app).post('/api/session').set('Content-Type', 'application/json').send(`{"directoryId":"samba","username":"x","password":"${WRONG_PASSWORD}"`).expect(400);
  await request(t.app).delete('/api/session').set(bearer(token)).expect(204);
});
afterAll(() => t.close());

describe('logs of signing in', () => {
  it('never hold the passwords, the token or the Authorization header', () => {
    const all = out.lines.join('\n');
    expect(out.lines.length).toBeGreaterThan(0);
    for (const secret of [AUTH_PASSWORD, WRONG_PASSWORD, token, token.split('.')[2] as string, 'Bearer']) expect(all).not.toContain(secret);
  });

  it('log each request as method, path, status and duration, without the query string', () => {
    const requests = out.records.filter((r) => r['msg'] === 'request').map(({ method, path, status, durationMs }) => ({ method, path, status, timed: typeof durationMs === 'number' }));
    expect(requests).toEqual([
      { method: 'POST', path: '/api/session', status: 401, timed: true },
      { method: 'POST', path: '/api/session', status: 200, timed: true },
      { method: 'GET', path: '/api/directories/samba/people', status: 200, timed: true },
      { method: 'POST', path: '/api/session', status: 400, timed: true },
      { method: 'DELETE', path: '/api/session', status: 204, timed: true },
    ]);
    expect(out.lines.join('\n')).not.toContain('secret-query');
  });

  it('log each sign-in with its outcome and the account, never what was typed as the password', () => {
    const signIns = out.records.filter((r) => r['event'] === 'sign-in').map(({ outcome, account, directory }) => ({ outcome, account, directory }));
    expect(signIns).toEqual([
      { outcome: 'credentials', account: 'logs-auth', directory: 'samba' },
      { outcome: 'ok', account: 'logs-auth', directory: 'samba' },
    ]);
  });

  it('redact passwords, tokens and authorization headers even where code logs them by mistake (the paths main.ts and createApp use)', () => {
    const sink = new Captured();
    const logger = pino({ level: 'debug', redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' } }, sink);
    logger.info({ password: AUTH_PASSWORD, req: { headers: { authorization: `Bearer ${token}`, cookie: 'sid=1' } }, session: { token }, err: { body: `{"password":"${AUTH_PASSWORD}"}` } }, 'careless');
    expect(sink.lines.join('\n')).not.toContain(AUTH_PASSWORD);
    expect(sink.lines.join('\n')).not.toContain(token);
    expect(JSON.parse(sink.lines[0] as string)).toEqual(
      expect.objectContaining({ password: '[redacted]', req: { headers: { authorization: '[redacted]', cookie: '[redacted]' } }, session: { token: '[redacted]' }, err: { body: '[redacted]' } }),
    );
  });
});
