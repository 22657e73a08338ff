/**
 * The AD sub-codes of a refused bind (LDAP result 49), read from the diagnostic message as AD and
 * Samba send it, and the strong-authentication refusal (result 8): the table the API's 503s and the
 * directory check share. The Samba tests meet every code Samba can produce; 525 (real AD's "no
 * such user") and the codes no server sends here are checked on the message text alone.
 */
import { ConfidentialityRequiredError, InvalidCredentialsError, StrongAuthRequiredError } from 'ldapts';
import { bindRefusal as signInRefusal } from '../../server/auth/bind-outcome';
import { adSubCode, bindRefusal } from '../../server/directory/ldap/bind-reasons';
import { toDirectoryError, type ErrorContext } from '../../server/directory/ldap/errors';

const adMessage = (code: string): string => `80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data ${code}, v4563`;

const context: ErrorContext = {
  url: 'ldap://dc1.monkey.com:389',
  scheme: 'ldap',
  host: 'dc1.monkey.com',
  port: 389,
  server: 'dc1.monkey.com:389',
  bindUser: 'MONKEY\\svc-dialpane',
  searchBase: 'CN=Users,DC=monkey,DC=com',
  password: 'Secret-Pass-1',
};

describe('AD bind refusals', () => {
  it.each([
    ['525', 'BIND_USER_NOT_FOUND', 'the user does not exist'],
    ['52e', 'BIND_BAD_CREDENTIALS', 'the user name or password is wrong'],
    ['52E', 'BIND_BAD_CREDENTIALS', 'the user name or password is wrong'],
    ['530', 'BIND_LOGON_HOURS', 'the account may not sign in at this time (logon hours)'],
    ['531', 'BIND_WORKSTATION', 'the account may not sign in from this computer (logon workstations)'],
    ['532', 'BIND_PASSWORD_EXPIRED', 'the password has expired'],
    ['533', 'BIND_ACCOUNT_DISABLED', 'the account is disabled'],
    ['701', 'BIND_ACCOUNT_EXPIRED', 'the account has expired'],
    ['773', 'BIND_MUST_CHANGE_PASSWORD', 'the password must be changed before the account can be used'],
    ['775', 'BIND_LOCKED_OUT', 'the account is locked out after too many wrong passwords'],
    ['568', 'BIND_REFUSED', 'Active Directory reason code 568'],
  ])('when AD answers data %s, then the problem is %s: %s', (code, problem, reason) => {
    expect(bindRefusal(adMessage(code))).toMatchObject({ problem, reason, subCode: code.toLowerCase() });
  });

  it('when a server sends no sub-code (OpenLDAP), then it is invalid credentials without a guess', () => {
    expect(adSubCode('')).toBeUndefined();
    expect(bindRefusal('')).toEqual({
      problem: 'BIND_BAD_CREDENTIALS',
      reason: 'invalid credentials: the bind name or password is wrong',
      fix: 'Check bindUser (a DN, user@domain or DOMAIN\\user; Active Directory rejects a bare user name) and the password in passwordEnv or passwordFile.',
    });
  });

  it('when the API maps a refused bind, then its 503 carries the same reason and fix', () => {
    const error = toDirectoryError(new InvalidCredentialsError(adMessage('775')), 'bind', context);
    expect([error.code, error.status, error.problem, error.message, error.hint]).toEqual([
      'DIRECTORY_BIND_FAILED',
      503,
      'BIND_LOCKED_OUT',
      'dc1.monkey.com:389 refused the bind as "MONKEY\\svc-dialpane": the account is locked out after too many wrong passwords.',
      'Unlock the account in Active Directory, then check that passwordEnv or passwordFile holds the current password (a wrong one locks it again).',
    ]);
  });

  it.each([
    ['8, strongAuthRequired', new StrongAuthRequiredError('00002028: LdapErr: DSID-0C090259, comment: The server requires binds to turn on integrity checking if SSL\\TLS are not already active on the connection, data 0, v4563'), 8],
    ['13, confidentialityRequired', new ConfidentialityRequiredError('TLS confidentiality required'), 13],
  ])('when the server answers %s to a plain bind, then the fix is LDAPS or StartTLS', (_code, ldapError, code) => {
    const error = toDirectoryError(ldapError, 'bind', context);
    expect([error.code, error.problem, error.message, error.hint]).toEqual([
      'DIRECTORY_BIND_FAILED',
      'BIND_STRONG_AUTH_REQUIRED',
      `dc1.monkey.com:389 refuses simple binds over an unencrypted connection (LDAP code ${code}, strong authentication required).`,
      'Use an ldaps:// url (port 636) or set startTls: true, with tls.caFile naming the CA of the directory certificate.',
    ]);
  });

  it('when a server echoes the password in its message, then neither the answer nor the logged cause carries it', () => {
    const error = toDirectoryError(new InvalidCredentialsError(`bad password Secret-Pass-1 ${adMessage('52e')}`), 'bind', context);
    expect(`${error.message} ${error.hint}`).not.toContain('Secret-Pass-1');
    const cause = error.cause as Error;
    expect([cause.name, cause.message]).toEqual(['InvalidCredentialsError', `bad password ******** ${adMessage('52e')} Code: 0x31`]); // ldapts appends the code
  });
});

describe('a password that occurs in the server’s own message', () => {
  it('when the password is "090" (inside AD’s 80090308), then the cause keeps its class and code, loses the password, and still reads as a refusal', () => {
    const raw = new InvalidCredentialsError(adMessage('52e'));
    const error = toDirectoryError(raw, 'bind', { ...context, password: '090' });
    const cause = error.cause as InvalidCredentialsError;
    expect(cause).toBeInstanceOf(InvalidCredentialsError);
    expect(cause.code).toBe(49);
    expect(cause.message).toBe('80********308: LdapErr: DSID-0C********44E, comment: AcceptSecurityContext error, data 52e, v4563 Code: 0x31');
    expect(cause.stack).not.toContain('090');
    expect(signInRefusal(cause)).toBe('credentials');
  });
});
