/**
 * Lockout: lockme-auth and ratelimit-auth have a password policy (PSO) that locks them after
 * AUTH_LOCKOUT_THRESHOLD (4) bad attempts. The service's default per-account limit (3) must answer
 * 429 before the DC ever locks an account; with the limit raised, the DC's lockout shows as
 * "account locked". The per-address limit answers 429 for guesses spread over many names.
 */
import { AUTH_ACCOUNTS, AUTH_LOCKOUT_THRESHOLD } from '../fixtures/samba-auth-fixture';
import type { ApiError } from '../../src/shared/api';
import { badPwdCount, openSignInApp, readAccount, sambaSignInConfig, signInRequest } from './auth-helpers';

const { lockme, ratelimit } = AUTH_ACCOUNTS;

describe('account lockout', () => {
  it('when the service\'s limit is above the DC\'s threshold and the DC locks the account, then even the right password answers "account locked"', async () => {
    const t = openSignInApp(sambaSignInConfig({ auth: { limits: { accountFailures: 10, addressFailures: 100 } } }));
    try {
      for (let i = 0; i < AUTH_LOCKOUT_THRESHOLD; i++) await signInRequest(t.app, lockme.account, `wrong-${i}`).expect(401);
      const res = await signInRequest(t.app, lockme.account).expect(403);
      expect(res.body).toEqual({ code: 'ACCOUNT_LOCKED', message: 'Your account is locked.', hint: 'Wait until it unlocks, or ask your IT help desk to unlock it.' });
      expect(await badPwdCount(lockme)).toBe(AUTH_LOCKOUT_THRESHOLD);
    } finally {
      await t.close();
    }
  });

  it('when the default limits apply, then the 4th attempt is 429 with Retry-After and the DC never locks the account', async () => {
    const t = openSignInApp(sambaSignInConfig());
    try {
      for (let i = 0; i < 3; i++) await signInRequest(t.app, ratelimit.account, `wrong-${i}`).expect(401);
      const res = await signInRequest(t.app, ratelimit.account).expect(429);
      expect((res.body as ApiError).code).toBe('RATE_LIMITED');
      expect(res.headers['retry-after']).toBe(String(15 * 60));
      expect(await readAccount(ratelimit, ['badPwdCount', 'lockoutTime'])).toEqual({ badPwdCount: '3', lockoutTime: undefined });
      // Once the window has passed, the right password signs in and the DC forgets the bad attempts.
      t.clock.advance(15 * 60_000);
      await signInRequest(t.app, ratelimit.account).expect(200);
      expect(await badPwdCount(ratelimit)).toBe(0);
    } finally {
      await t.close();
    }
  });

  it('when one address fails with many names, then the per-address limit answers 429 with Retry-After', async () => {
    const t = openSignInApp(sambaSignInConfig({ auth: { limits: { accountFailures: 3, addressFailures: 5 } } }));
    try {
      for (let i = 0; i < 5; i++) await signInRequest(t.app, `nobody-${i}-auth`, 'whatever').expect(401);
      const res = await signInRequest(t.app, 'nobody-5-auth', 'whatever').expect(429);
      expect(res.body).toEqual({ code: 'RATE_LIMITED', message: 'Too many failed sign-ins from your address.', hint: 'Wait a while before trying again.' });
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    } finally {
      await t.close();
    }
  });

  it('when an attempt succeeds, then it does not count against the address', async () => {
    const t = openSignInApp(sambaSignInConfig({ auth: { limits: { accountFailures: 3, addressFailures: 2 } } }));
    try {
      for (let i = 0; i < 4; i++) await signInRequest(t.app, AUTH_ACCOUNTS.signin.account).expect(200);
      await signInRequest(t.app, 'nobody-auth', 'whatever').expect(401);
      await signInRequest(t.app, 'nobody-auth', 'whatever').expect(401);
      await signInRequest(t.app, AUTH_ACCOUNTS.signin.account).expect(429);
    } finally {
      await t.close();
    }
  });
});
