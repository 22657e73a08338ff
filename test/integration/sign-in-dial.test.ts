/**
 * Dialing once people sign in: only signed-in people dial, only from their own phone, and not too
 * often. The phones are a recording action-URL server (device from {user.ipPhone}) and the
 * WebDialer stand-in (UserProfile user from {user.account}; it refuses devices of other users the
 * way Unified CM does); the people are the Samba sign-in accounts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { ApiError, DialerSummary } from '../../src/shared/api';
import { FakeWebdialer } from '../dial/support/fake-webdialer';
import { RecordingServer } from '../dial/support/recording-http';
import { AUTH_ACCOUNTS } from '../fixtures/samba-auth-fixture';
import { bearer, openSignInApp, sambaSignInConfig, signedIn, type SignedInApp } from './auth-helpers';

const WD_PASSWORD = 'wd-app-s3cret';
const { dialer: dora, signin: sigrid, nophone: nora } = AUTH_ACCOUNTS;

let tmp: string;
let secretFile: string;
let phone: RecordingServer;
let cucm: FakeWebdialer;
let t: SignedInApp;
let doraToken: string;
let sigridToken: string;
let keys = 0;
const key = (): string => `click-${(keys += 1).toString().padStart(4, '0')}-dial`;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'dialpane-sign-in-dial-'));
  secretFile = path.join(tmp, 'webdialer.pw');
  writeFileSync(secretFile, WD_PASSWORD, { mode: 0o600 });
  phone = await new RecordingServer().start();
  cucm = await new FakeWebdialer({
    users: {
      'dialpane-app': { password: WD_PASSWORD, proxy: true, devices: [] },
      'dialer-auth': { password: 'x', devices: [{ deviceName: 'SEP00000000DORA', lines: ['4712 ; no partition'], phoneDesc: 'Dora', phoneType: 'Cisco 8845' }] },
      'signin-auth': { password: 'x', devices: [{ deviceName: 'SEP0000000SIGRID', lines: ['4711 ; no partition'], phoneDesc: 'Sigrid', phoneType: 'Cisco 8845' }] },
    },
  }).start();
  t = openSignInApp(dialConfig(100));
  doraToken = (await signedIn(t.app, dora.account)).token;
  sigridToken = (await signedIn(t.app, sigrid.account)).token;
});

function dialConfig(dialsPerMinute: number): ReturnType<typeof sambaSignInConfig> {
  return sambaSignInConfig({
    auth: { limits: { dialsPerMinute } },
    config: {
      dialers: [
        { id: 'desk', displayName: 'Desk phone', kind: 'http', applyDialRules: false, url: `http://127.0.0.1:${phone.port}/dial?ext={device}&number={number}`, device: '{user.ipPhone}' },
        { id: 'lobby', displayName: 'Lobby phone', kind: 'http', applyDialRules: false, url: `http://127.0.0.1:${phone.port}/dial?ext={device}&number={number}`, device: '4100' },
        { id: 'cucm', displayName: 'Cisco phone', kind: 'webdialer', applyDialRules: false, url: `http://127.0.0.1:${cucm.port}`, user: 'dialpane-app', passwordFile: secretFile, profile: { user: '{user.account}' } },
        { id: 'tel', displayName: 'Phone app', kind: 'uri' },
      ],
    },
  });
}
afterAll(async () => {
  await t?.close();
  await phone?.stop();
  await cucm?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const dial = (token: string, body: Record<string, unknown>) => request(t.app).post('/api/dial').set(bearer(token)).send({ number: '+1 408 555 0100', idempotencyKey: key(), ...body });
const error = (body: unknown): ApiError => body as ApiError;

describe('dialing as a signed-in person', () => {
  it('lists the dialers with the person\'s own device, and never the shared phone', async () => {
    const res = await request(t.app).get('/api/dialers').set(bearer(doraToken)).expect(200);
    expect((res.body as DialerSummary[]).map(({ id, defaultDevice, userDevice, listsDevices }) => ({ id, defaultDevice, userDevice, listsDevices }))).toEqual([
      { id: 'desk', defaultDevice: '4712', userDevice: false, listsDevices: false },
      { id: 'cucm', defaultDevice: undefined, userDevice: true, listsDevices: false },
      { id: 'tel', defaultDevice: undefined, userDevice: false, listsDevices: false },
    ]);
  });

  it('when Dora calls through the desk dialer, then her own phone (her ipPhone 4712) dials', async () => {
    const before = phone.requests.length;
    await dial(doraToken, { dialerId: 'desk' }).expect(200);
    expect(phone.requests.slice(before).map((r) => r.url)).toEqual(['/dial?ext=4712&number=%2B14085550100']);
  });

  it('when Dora names Sigrid\'s phone, then 403 DEVICE_NOT_YOURS and no phone is asked', async () => {
    const before = phone.requests.length;
    const res = await dial(doraToken, { dialerId: 'desk', device: '4711' }).expect(403);
    expect(res.body).toEqual({ code: 'DEVICE_NOT_YOURS', message: 'You can only call from your own phone.', hint: 'Leave device and line out of the request: Desk phone rings the phone of your directory entry.' });
    await dial(doraToken, { dialerId: 'desk', line: '1' }).expect(403);
    expect(phone.requests.length).toBe(before);
  });

  it('when Dora names her own phone, then it dials', async () => {
    await dial(doraToken, { dialerId: 'desk', device: '4712' }).expect(200);
  });

  it('when the dialer rings one phone for everyone, then 403 DIALER_SHARED', async () => {
    const res = await dial(sigridToken, { dialerId: 'lobby' }).expect(403);
    expect(error(res.body).code).toBe('DIALER_SHARED');
  });

  it('when the person has no phone in the directory, then 400 DEVICE_REQUIRED says so', async () => {
    const { token } = await signedIn(t.app, nora.account);
    const res = await dial(token, { dialerId: 'desk' }).expect(400);
    expect(error(res.body).code).toBe('DEVICE_REQUIRED');
    expect(error(res.body).message).toBe('Desk phone (desk) cannot find your phone: your directory entry lacks what "{user.ipPhone}" names, or holds something that is not a device name.');
  });

  it('when WebDialer places the call, then the UserProfile user is the signed-in person, and another person\'s device is refused by the phone system', async () => {
    await dial(sigridToken, { dialerId: 'cucm', device: 'SEP0000000SIGRID' }).expect(200);
    expect(cucm.calls.at(-1)).toEqual({ userID: 'dialpane-app', destination: '+14085550100', user: 'signin-auth', deviceName: 'SEP0000000SIGRID', lineNumber: undefined });
    const res = await dial(sigridToken, { dialerId: 'cucm', device: 'SEP00000000DORA' }).expect(502);
    expect(error(res.body).code).toBe('DIALER_REJECTED');
    expect(cucm.calls.filter((c) => c.deviceName === 'SEP00000000DORA')).toEqual([]);
  });

  it('when devices are asked for, then they are not listed (WebDialer would list its own user\'s phones)', async () => {
    const res = await request(t.app).get('/api/dialers/cucm/devices').set(bearer(sigridToken)).expect(400);
    expect(error(res.body).code).toBe('DIALER_UNSUPPORTED');
  });

  it('when another person sends the same idempotency key, then their own call is placed, not Dora\'s replayed', async () => {
    const shared = 'click-shared-key-0001';
    const before = phone.requests.length;
    await dial(doraToken, { dialerId: 'desk', idempotencyKey: shared }).expect(200);
    await dial(sigridToken, { dialerId: 'desk', idempotencyKey: shared }).expect(200);
    expect(phone.requests.slice(before).map((r) => r.url)).toEqual(['/dial?ext=4712&number=%2B14085550100', '/dial?ext=4711&number=%2B14085550100']);
  });

  it('when a person places more calls a minute than allowed, then 429 with Retry-After; others still call', async () => {
    const limited = openSignInApp(dialConfig(2));
    try {
      const [bea, other] = [(await signedIn(limited.app, AUTH_ACCOUNTS.browser.account)).token, (await signedIn(limited.app, sigrid.account)).token];
      const call = (token: string) => request(limited.app).post('/api/dial').set(bearer(token)).send({ dialerId: 'desk', number: '+1 408 555 0100', idempotencyKey: key() });
      for (let i = 0; i < 2; i++) await call(bea).expect(200);
      const res = await call(bea).expect(429);
      expect(error(res.body)).toEqual({ code: 'RATE_LIMITED', message: 'Too many calls in a short time.', hint: 'Wait a minute before calling again.' });
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
      await call(other).expect(200);
    } finally {
      await limited.close();
    }
  });
});
