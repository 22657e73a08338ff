/** The parts of signing in, one by one: typed names, AD's bind answers, the per-account limit, tokens, and "my phone". */
import { InvalidCredentialsError, InsufficientAccessError } from 'ldapts';
import { AccountLimiter } from '../../server/auth/account-limiter';
import { bindRefusal, refusalError } from '../../server/auth/bind-outcome';
import { dnsDomainOf, isUnder, parseIdentity } from '../../server/auth/identity';
import type { SignedInUser } from '../../server/auth/signed-in-user';
import { TokenService } from '../../server/auth/tokens';
import type { DialerTraits } from '../../server/dial/dialer';
import { ownDevice, renderUserTemplate } from '../../server/dial/own-device';
import { DialpaneError } from '../../server/errors';

describe('typed user names', () => {
  it.each([
    ['CN=Doe\\, Jane,CN=Users,DC=monkey,DC=com', { form: 'dn', dn: 'CN=Doe\\, Jane,CN=Users,DC=monkey,DC=com' }],
    ['uid=jdoe,ou=people,dc=monkey,dc=com', { form: 'dn', dn: 'uid=jdoe,ou=people,dc=monkey,dc=com' }],
    ['jdoe@monkey.com', { form: 'upn', upn: 'jdoe@monkey.com', local: 'jdoe', domain: 'monkey.com' }],
    ['MONKEY\\jdoe', { form: 'downlevel', domain: 'MONKEY', account: 'jdoe' }],
    ['  jdoe ', { form: 'account', account: 'jdoe' }],
    ['Jane Doe', { form: 'account', account: 'Jane Doe' }],
    ['CN=jdoe', { form: 'account', account: 'CN=jdoe' }],
    ['*)(uid=*', { form: 'account', account: '*)(uid=*' }],
  ])('"%s" is %j', (typed, identity) => {
    expect(parseIdentity(typed)).toEqual(identity);
  });

  it.each([[''], ['   '], ['MONKEY\\'], ['\\jdoe'], ['a\\b\\c'], ['@monkey.com'], ['jdoe@'], ['jdoe\u0000'], ['x'.repeat(257)]])('"%s" cannot be anyone', (typed) => {
    expect(parseIdentity(typed)).toBeUndefined();
  });

  it('reads the DNS domain of a search base and tells whether a DN lies beneath it', () => {
    expect(dnsDomainOf('CN=Users,DC=monkey,DC=com')).toBe('monkey.com');
    expect(dnsDomainOf('ou=people,o=monkey')).toBeUndefined();
    expect(isUnder('CN=Jane Doe, OU=Sign-in, DC=Monkey,DC=com', 'ou=sign-in,dc=monkey,dc=com')).toBe(true);
    expect(isUnder('CN=Administrator,CN=Users,DC=monkey,DC=com', 'OU=Sign-in,DC=monkey,DC=com')).toBe(false);
    expect(isUnder('CN=x,DC=evilmonkey,DC=com', 'DC=monkey,DC=com')).toBe(false);
  });
});

describe('what a failed bind means to the person', () => {
  const ad = (code: string): InvalidCredentialsError => new InvalidCredentialsError(`80090308: LdapErr: DSID-0C0903A9, comment: AcceptSecurityContext error, data ${code}, v1db1`);
  it.each([
    ['52e', 'credentials', 'SIGN_IN_FAILED', 401],
    ['525', 'credentials', 'SIGN_IN_FAILED', 401],
    ['775', 'locked', 'ACCOUNT_LOCKED', 403],
    ['533', 'disabled', 'ACCOUNT_DISABLED', 403],
    ['701', 'accountExpired', 'ACCOUNT_EXPIRED', 403],
    ['532', 'passwordExpired', 'PASSWORD_EXPIRED', 403],
    ['773', 'mustChange', 'PASSWORD_MUST_CHANGE', 403],
    ['530', 'restricted', 'SIGN_IN_RESTRICTED', 403],
    ['531', 'restricted', 'SIGN_IN_RESTRICTED', 403],
    ['99f', 'credentials', 'SIGN_IN_FAILED', 401],
  ])('AD data %s is %s: %s %i', (code, refusal, errorCode, status) => {
    const found = bindRefusal(ad(code));
    expect(found).toBe(refusal);
    const error = refusalError(found ?? 'credentials');
    expect([error.code, error.status]).toEqual([errorCode, status]);
  });

  it('an OpenLDAP refusal without a reason is a wrong user name or password; other errors are not refusals', () => {
    expect(bindRefusal(new InvalidCredentialsError(''))).toBe('credentials');
    expect(bindRefusal(new InsufficientAccessError('no'))).toBeUndefined();
    expect(bindRefusal(new Error('ECONNREFUSED'))).toBeUndefined();
  });
});

describe('the per-account limit of failed sign-ins', () => {
  const clock = { ms: 0, now: () => clock.ms };
  const limiter = (limit = 3): AccountLimiter => new AccountLimiter({ limit, windowMs: 15 * 60_000, now: clock.now });
  const refused = (l: AccountLimiter, key: string): DialpaneError | undefined => {
    try {
      l.begin(key).released();
      return undefined;
    } catch (error) {
      return error as DialpaneError;
    }
  };

  it('when attempts are in flight at once, then they take the slots first: the limit holds before any bind answers', () => {
    const l = limiter(3);
    const inFlight = [l.begin('jdoe'), l.begin('jdoe'), l.begin('jdoe')];
    expect(refused(l, 'jdoe')).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 5 });
    inFlight.forEach((a) => a.released());
    expect(refused(l, 'jdoe')).toBeUndefined();
  });

  it('when failures fill the window, then 429 until the oldest leaves it, with the seconds to wait', () => {
    const l = limiter(3);
    for (let i = 0; i < 3; i++) {
      l.begin('jdoe').failed();
      clock.ms += 60_000;
    }
    expect(refused(l, 'jdoe')).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 12 * 60 });
    expect(refused(l, 'asmith')).toBeUndefined();
    clock.ms += 12 * 60_000;
    expect(refused(l, 'jdoe')).toBeUndefined();
    expect(l.failures('jdoe')).toBe(2);
  });

  it('when a sign-in succeeds, then the account\'s failures are forgotten (as AD resets badPwdCount)', () => {
    const l = limiter(3);
    l.begin('jdoe').failed();
    l.begin('jdoe').failed();
    l.begin('jdoe').succeeded();
    expect(l.failures('jdoe')).toBe(0);
  });

  it('when an attempt ends twice, then it counts once', () => {
    const l = limiter(3);
    const attempt = l.begin('jdoe');
    attempt.failed();
    attempt.failed();
    attempt.released();
    expect(l.failures('jdoe')).toBe(1);
  });
});

describe('tokens', () => {
  const clock = { ms: Date.parse('2026-03-02T09:00:00Z'), now: () => clock.ms };
  const service = new TokenService({ key: new Uint8Array(32).fill(1), tokenMinutes: 15, sessionHours: 12, now: clock.now });
  const user: SignedInUser = { directoryId: 'corp', id: 'A1b2', displayName: 'Jane Doe', attributes: { account: 'jdoe', ipPhone: '4100' }, authTime: Math.floor(clock.ms / 1000) };

  it('when issued and verified, then the user comes back whole, until the token expires', async () => {
    const { token, expiresAt } = await service.issue(user);
    expect(expiresAt).toBe(Math.floor(clock.ms / 1000) + 900);
    expect((await service.verify(token)).user).toEqual(user);
    clock.ms += 900_000 - 1000;
    await expect(service.verify(token)).resolves.toMatchObject({ user });
    clock.ms += 1000;
    await expect(service.verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'Your session has expired.' });
  });

  it('when revoked, then it stops working at once; the session closes sessionHours after the password', async () => {
    const { token, expiresAt } = await service.issue(user);
    const { tokenId } = await service.verify(token);
    service.revoke(tokenId, expiresAt);
    await expect(service.verify(token)).rejects.toMatchObject({ message: 'You have signed out.' });
    expect(service.sessionOpen({ ...user, authTime: Math.floor(clock.ms / 1000) - 12 * 3600 + 1 })).toBe(true);
    expect(service.sessionOpen({ ...user, authTime: Math.floor(clock.ms / 1000) - 12 * 3600 })).toBe(false);
  });
});

describe('my phone', () => {
  const user: SignedInUser = { directoryId: 'corp', id: 'A1', displayName: 'Jane Doe', attributes: { account: 'jdoe', ipPhone: ' 4100 ', mail: 'jdoe@monkey.com' }, authTime: 0 };
  const traits = (extra: Partial<DialerTraits>): DialerTraits => ({
    id: 'd',
    displayName: 'Desk',
    kind: 'http',
    internationalPrefix: '+',
    postDial: undefined,
    applyDialRules: true,
    allowUserDevice: true,
    sipUris: false,
    inPane: false,
    ownership: 'template',
    ...extra,
  });
  const code = (fn: () => unknown): string | undefined => {
    try {
      fn();
      return undefined;
    } catch (error) {
      return (error as DialpaneError).code;
    }
  };

  it('fills {user.…} from the person and refuses when an attribute is missing', () => {
    expect(renderUserTemplate('PJSIP/{user.ipPhone}', user)).toBe('PJSIP/4100');
    expect(renderUserTemplate('{user.account}@pbx', user)).toBe('jdoe@pbx');
    expect(renderUserTemplate('{user.mobile}', user)).toBeUndefined();
  });

  it.each([
    ['template dialer, nothing named', traits({ defaultDevice: '{user.ipPhone}' }), {}, { device: '4100' }],
    ['template dialer, own device named', traits({ defaultDevice: '{user.ipPhone}' }), { device: '4100' }, { device: '4100' }],
    ['verified dialer (WebDialer), device named', traits({ kind: 'webdialer', ownership: 'verified', profileUser: '{user.account}' }), { device: 'SEP1', line: '4100 ; p' }, { device: 'SEP1', line: '4100 ; p', profileUser: 'jdoe' }],
    ['link in the pane', traits({ kind: 'uri', ownership: 'pane', inPane: true }), {}, {}],
  ])('signed in, %s', (_case, t, requested, expected) => {
    expect(ownDevice(t, requested, user)).toEqual(expected);
  });

  it.each([
    ['someone else\'s device', traits({ defaultDevice: '{user.ipPhone}' }), { device: '4101' }, 'DEVICE_NOT_YOURS'],
    ['a line', traits({ defaultDevice: '{user.ipPhone}' }), { line: '2' }, 'DEVICE_NOT_YOURS'],
    ['a shared phone', traits({ ownership: 'shared', defaultDevice: '4100' }), {}, 'DIALER_SHARED'],
    ['a template naming a missing attribute', traits({ defaultDevice: '{user.mobile}' }), {}, 'DEVICE_REQUIRED'],
    ['a device on a dialer that takes none from requests', traits({ kind: 'webdialer', ownership: 'verified', profileUser: '{user.account}', allowUserDevice: false }), { device: 'SEP1' }, 'DIALER_UNSUPPORTED'],
  ])('signed in, naming %s is refused', (_case, t, requested, expected) => {
    expect(code(() => ownDevice(t, requested, user))).toBe(expected);
  });

  it('without sign-in, the request may name any device the dialer allows; a {user.…} device needs sign-in', () => {
    expect(ownDevice(traits({ defaultDevice: '4100', ownership: 'shared' }), {}, undefined)).toEqual({ device: '4100', line: undefined });
    expect(ownDevice(traits({ defaultDevice: '4100', ownership: 'shared' }), { device: '4200' }, undefined)).toEqual({ device: '4200', line: undefined });
    expect(code(() => ownDevice(traits({ defaultDevice: '{user.ipPhone}' }), {}, undefined))).toBe('DEVICE_REQUIRED');
    expect(code(() => ownDevice(traits({ allowUserDevice: false }), { device: '1' }, undefined))).toBe('DIALER_UNSUPPORTED');
  });
});
