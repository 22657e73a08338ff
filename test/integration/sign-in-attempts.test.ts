/**
 * What one sign-in costs the account on the DC. Active Directory locks an account after N bad
 * attempts, so the service must make exactly one bind per attempt and none for input it can refuse
 * itself. The tests read badPwdCount on the DC (as Administrator) before and after.
 */
import request from 'supertest';
import { AUTH_ACCOUNTS, authAccountDn, authUpn } from '../fixtures/samba-auth-fixture';
import { SAMBA_DOMAIN } from '../fixtures/samba-fixture';
import type { ApiError } from '../../src/shared/api';
import { startLdapCountingProxy } from '../servers/ldap-counting-proxy';
import { testServers } from '../servers/env';
import { startBlackHole } from '../servers/tcp-proxy';
import { badPwdCount, openSignInApp, sambaSignInConfig, signInRequest, type SignedInApp } from './auth-helpers';

const { badpwd } = AUTH_ACCOUNTS;

let t: SignedInApp;
beforeAll(() => {
  t = openSignInApp(sambaSignInConfig({ auth: { limits: { accountFailures: 10, addressFailures: 100 } } }));
});
afterAll(() => t.close());

describe('bad attempts on the DC', () => {
  it('when the password is wrong once, then the DC counts exactly one bad attempt; a right one resets it', async () => {
    expect(await badPwdCount(badpwd)).toBe(0);
    await signInRequest(t.app, badpwd.account, 'wrong-password-1').expect(401);
    expect(await badPwdCount(badpwd)).toBe(1);
    await signInRequest(t.app, authUpn(badpwd), 'wrong-password-2').expect(401);
    expect(await badPwdCount(badpwd)).toBe(2);
    await signInRequest(t.app, badpwd.account).expect(200);
    expect(await badPwdCount(badpwd)).toBe(0);
  });

  it('when the password is empty or blank, then 400 comes before any bind: the DC counts nothing', async () => {
    for (const password of ['', ' ', '\t\n']) {
      await request(t.app).post('/api/session').send({ directoryId: 'samba', username: badpwd.account, password }).expect(400);
    }
    expect(await badPwdCount(badpwd)).toBe(0);
  });

  it('when the password is too long to be real, then 400 comes before any bind', async () => {
    await request(t.app).post('/api/session').send({ directoryId: 'samba', username: badpwd.account, password: 'x'.repeat(513) }).expect(400);
    expect(await badPwdCount(badpwd)).toBe(0);
  });

  it('when the same account is tried in every identity form, then they all count against one per-account limit', async () => {
    const limited = openSignInApp(sambaSignInConfig({ auth: { limits: { accountFailures: 3, addressFailures: 100 } } }));
    try {
      const forms = [badpwd.account, authUpn(badpwd), `${SAMBA_DOMAIN}\\${badpwd.account}`];
      for (const username of forms) await signInRequest(limited.app, username, 'wrong-again').expect(401);
      const res = await signInRequest(limited.app, authAccountDn(badpwd), 'wrong-again').expect(429);
      expect(res.body).toEqual({ code: 'RATE_LIMITED', message: 'Too many failed sign-ins for this account.', hint: 'Wait a while before trying again, so that your account is not locked.' });
      expect(await badPwdCount(badpwd)).toBe(3);
    } finally {
      await limited.close();
      // Leave the DC's counter at 0 for the other tests of this file.
      await signInRequest(t.app, badpwd.account).expect(200);
    }
  });

  it('when the first DC takes the bind and never answers, then the sign-in fails without a second bind at the next DC (the first may have counted it)', async () => {
    const hung = await startBlackHole();
    const dc2 = await startLdapCountingProxy(testServers().samba.url);
    const both = openSignInApp(
      sambaSignInConfig({ directory: { url: undefined, urls: [`ldap://127.0.0.1:${hung.port}`, dc2.url], timeouts: { connectMs: 500, requestMs: 4000 } } }),
    );
    try {
      const res = await signInRequest(both.app, badpwd.account, 'wrong-password-3');
      expect((res.body as ApiError).code).toBe('DIRECTORY_TIMEOUT');
      // The service account's lookup failed over to the second DC (its bind, its search); the person's bind did not.
      expect(dc2.count('bind')).toBe(1);
      expect(await badPwdCount(badpwd)).toBe(0);
    } finally {
      await both.close();
      await Promise.all([hung.close(), dc2.close()]);
    }
  });
});
