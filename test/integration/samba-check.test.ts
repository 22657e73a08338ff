/**
 * The directory check (GET /api/directories/:id/check) against the real Samba AD DC: for each way a
 * directory setup goes wrong, the exact step that fails, its cause in plain words and its fix.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { CheckStep, DirectoryCheck } from '../../src/shared/api';
import type { LoadedConfig } from '../../server/config/load';
import { SAMBA_BIND_FIXTURES, SAMBA_SERVICE_ACCOUNT } from '../fixtures/samba-fixture';
import { SAMBA_DIRECTORY_ID, SAMBA_FACTS, sambaDirectoryConfig, sambaTls, testServers } from '../servers/env';
import { startBlackHole, startUnansweredPort } from '../servers/tcp-proxy';
import { expiredCertificate, startTlsTerminator } from '../servers/tls-terminator';
import { openApp } from './helpers';

async function check(loaded: LoadedConfig): Promise<DirectoryCheck> {
  const t = openApp(loaded);
  try {
    const res = await request(t.app).get(`/api/directories/${SAMBA_DIRECTORY_ID}/check`).expect(200);
    return res.body as DirectoryCheck;
  } finally {
    await t.close();
  }
}

const host = (): string => testServers().samba.host;
const plain = (): string => `${host()}:389`;
const step = (result: DirectoryCheck, id: CheckStep['id']): CheckStep => result.steps.find((s) => s.id === id) as CheckStep;
const statuses = (result: DirectoryCheck): string[] => result.steps.map((s) => `${s.id}:${s.status}`);
const NOT_RUN = 'Not checked: an earlier step failed.';
const NO_TLS = 'Not used: ldap:// without startTls. The password travels unencrypted unless the network is trusted; use ldaps:// or startTls: true.';
const CHECK_CREDENTIALS = 'Check bindUser (a DN, user@domain or DOMAIN\\user; Active Directory rejects a bare user name) and the password in passwordEnv or passwordFile.';

describe('directory check on Samba Active Directory', () => {
  it('when everything is right, then every step passes and the people are counted', async () => {
    const result = await check(sambaDirectoryConfig());
    expect(result).toEqual({
      directoryId: SAMBA_DIRECTORY_ID,
      displayName: 'Monkey AD (Samba)',
      servers: [`ldap://${plain()}`],
      ok: true,
      people: SAMBA_FACTS.listedNames.length,
      steps: [
        { id: 'reach', title: 'Reach the server', status: 'ok', detail: `${plain()} accepts connections.` },
        { id: 'tls', title: 'TLS', status: 'skipped', detail: NO_TLS },
        { id: 'bind', title: 'Sign in (bind)', status: 'ok', detail: `Signed in as "svc-dialpane@monkey.com" on ${plain()}.` },
        { id: 'searchBase', title: 'Search base', status: 'ok', detail: 'CN=Users,DC=monkey,DC=com exists.' },
        { id: 'people', title: 'People', status: 'ok', detail: '1,510 people found under CN=Users,DC=monkey,DC=com.' },
      ],
    });
  });

  it.each([
    ['a full DN', SAMBA_SERVICE_ACCOUNT.dn],
    ['a user principal name', SAMBA_SERVICE_ACCOUNT.upn],
    ['a down-level name', SAMBA_SERVICE_ACCOUNT.downLevel],
  ])('when the bind identity is %s, then the bind step passes', async (_form, bindUser) => {
    const result = await check(sambaDirectoryConfig({ directory: { bindUser } }));
    expect(step(result, 'bind')).toEqual({ id: 'bind', title: 'Sign in (bind)', status: 'ok', detail: `Signed in as "${bindUser}" on ${plain()}.` });
    expect(result.ok).toBe(true);
  });
});

describe('directory check: the bind is refused', () => {
  it.each([
    ['disabled', SAMBA_BIND_FIXTURES.disabled, 'BIND_ACCOUNT_DISABLED', 'the account is disabled', 'Enable the account in Active Directory, or bind as another service account.'],
    ['expired', SAMBA_BIND_FIXTURES.accountExpired, 'BIND_ACCOUNT_EXPIRED', 'the account has expired', 'Extend the account\'s expiry date ("Account expires" → Never) in Active Directory.'],
    [
      'holding an expired password',
      SAMBA_BIND_FIXTURES.passwordExpired,
      'BIND_PASSWORD_EXPIRED',
      'the password has expired',
      'Set a new password for the account, update passwordEnv or passwordFile, and consider "Password never expires" for a service account.',
    ],
    [
      'due for a password change',
      SAMBA_BIND_FIXTURES.mustChange,
      'BIND_MUST_CHANGE_PASSWORD',
      'the password must be changed before the account can be used',
      'Set a new password for the account and clear "User must change password at next logon", then update passwordEnv or passwordFile.',
    ],
    [
      'locked out',
      SAMBA_BIND_FIXTURES.lockedOut,
      'BIND_LOCKED_OUT',
      'the account is locked out after too many wrong passwords',
      'Unlock the account in Active Directory, then check that passwordEnv or passwordFile holds the current password (a wrong one locks it again).',
    ],
    ['outside its logon hours', SAMBA_BIND_FIXTURES.logonHours, 'BIND_LOGON_HOURS', 'the account may not sign in at this time (logon hours)', 'Allow the service account to sign in at all hours (Account → Logon Hours in Active Directory Users and Computers).'],
    ['limited to other workstations', SAMBA_BIND_FIXTURES.workstation, 'BIND_WORKSTATION', 'the account may not sign in from this computer (logon workstations)', 'Clear the account\'s "Log On To" workstation list, or add this server to it.'],
  ])('when the account is %s, then the bind step names that reason and its fix', async (_situation, fixture, problem, reason, fix) => {
    const result = await check(sambaDirectoryConfig({ directory: { bindUser: fixture.upn }, password: fixture.password }));
    expect(result.ok).toBe(false);
    expect(statuses(result)).toEqual(['reach:ok', 'tls:skipped', 'bind:failed', 'searchBase:skipped', 'people:skipped']);
    expect(step(result, 'bind')).toEqual({ id: 'bind', title: 'Sign in (bind)', status: 'failed', problem, cause: `${plain()} refused the bind as "${fixture.upn}": ${reason}.`, fix });
    expect(step(result, 'people')).toEqual({ id: 'people', title: 'People', status: 'skipped', detail: NOT_RUN });
  });

  it.each([
    ['the password is wrong', SAMBA_SERVICE_ACCOUNT.upn, 'Wrong-Secret-4711'],
    ['the user does not exist (Samba answers 52e, as for a wrong password)', 'nobody@monkey.com', SAMBA_SERVICE_ACCOUNT.password],
    ['the user name is bare, without the domain', 'svc-dialpane', SAMBA_SERVICE_ACCOUNT.password],
  ])('when %s, then the bind step says "user name or password" and never shows the password', async (_situation, bindUser, password) => {
    const result = await check(sambaDirectoryConfig({ directory: { bindUser }, password }));
    expect(step(result, 'bind')).toEqual({
      id: 'bind',
      title: 'Sign in (bind)',
      status: 'failed',
      problem: 'BIND_BAD_CREDENTIALS',
      cause: `${plain()} refused the bind as "${bindUser}": the user name or password is wrong.`,
      fix: CHECK_CREDENTIALS,
    });
    expect(JSON.stringify(result)).not.toContain(password);
  });
});

describe('directory check: the search base', () => {
  it('when the search base does not exist, then it names the closest existing parent and suggests DNs from the RootDSE', async () => {
    const result = await check(sambaDirectoryConfig({ directory: { searchBase: 'OU=Staff,CN=Users,DC=monkey,DC=com' } }));
    expect(statuses(result)).toEqual(['reach:ok', 'tls:skipped', 'bind:ok', 'searchBase:failed', 'people:skipped']);
    expect(step(result, 'searchBase')).toEqual({
      id: 'searchBase',
      title: 'Search base',
      status: 'failed',
      problem: 'BASE_NOT_FOUND',
      cause: `The search base "OU=Staff,CN=Users,DC=monkey,DC=com" does not exist on ${plain()}. The closest existing parent is CN=Users,DC=monkey,DC=com.`,
      fix: 'Set searchBase to the container that holds the people, e.g. CN=Users,DC=monkey,DC=com.',
      suggestions: ['CN=Users,DC=monkey,DC=com', 'DC=monkey,DC=com'],
    });
  });

  it('when the search base is in another domain altogether, then it says none of its parents exist', async () => {
    const result = await check(sambaDirectoryConfig({ directory: { searchBase: 'CN=Users,DC=example,DC=org' } }));
    expect(step(result, 'searchBase')).toMatchObject({
      status: 'failed',
      problem: 'BASE_NOT_FOUND',
      cause: `The search base "CN=Users,DC=example,DC=org" does not exist on ${plain()}. None of its parents exist either: it is not in this directory.`,
      suggestions: ['CN=Users,DC=monkey,DC=com', 'DC=monkey,DC=com'],
    });
  });

  it('when the search base is not a DN, then it says the DN is malformed and shows the form', async () => {
    const result = await check(sambaDirectoryConfig({ directory: { searchBase: 'Users' } }));
    expect(step(result, 'searchBase')).toEqual({
      id: 'searchBase',
      title: 'Search base',
      status: 'failed',
      problem: 'BASE_MALFORMED',
      cause: 'The search base "Users" is not a valid DN (LDAP code 34).',
      fix: 'Write searchBase as a full DN, from the container up to the domain, e.g. CN=Users,DC=monkey,DC=com.',
      suggestions: ['CN=Users,DC=monkey,DC=com', 'DC=monkey,DC=com'],
    });
  });

  it('when the search base is the domain root, then the search references to other partitions do not disturb the count', async () => {
    // The sign-in tests' accounts (all named *-auth) are left out: those tests disable one of them
    // while this may run; so are the index sync tests' (*-idx), which come and go in OUs of their own.
    const result = await check(sambaDirectoryConfig({ directory: { searchBase: 'DC=monkey,DC=com', filter: '(!(|(sAMAccountName=*-auth)(sAMAccountName=*-idx)))' } }));
    expect(result.ok).toBe(true);
    // Every person under CN=Users plus the accounts of OU=Service Accounts that are not disabled:
    // the service account and six of the seven bind-failure accounts (locked out, expired and the
    // like are still enabled accounts; only svc-disabled has the disabled bit).
    expect(step(result, 'people').detail).toBe(`${(SAMBA_FACTS.listedNames.length + 7).toLocaleString('en-US')} people found under DC=monkey,DC=com.`);
  });
});

describe('directory check: nobody to show', () => {
  it('when the configured filter matches nobody, then the people step says so and names the filter', async () => {
    const result = await check(sambaDirectoryConfig({ directory: { filter: '(department=Astronauts)' } }));
    expect(result.people).toBe(0);
    expect(step(result, 'people')).toEqual({
      id: 'people',
      title: 'People',
      status: 'failed',
      problem: 'FILTER_MATCHES_NOBODY',
      cause:
        'The account can read CN=Users,DC=monkey,DC=com, but no entry there matches the people filter (&(objectCategory=person)(objectClass=user)(!(userAccountControl:1.2.840.113556.1.4.803:=2))(department=Astronauts)): the filter matches nobody, or the account may not read the attributes it tests.',
      fix: 'Check filter ((department=Astronauts)), which is ANDed with the people filter of kind ad.',
    });
  });

  it('when the search base holds nothing the account can see, then the people step says it cannot read it or it is empty', async () => {
    const result = await check(sambaDirectoryConfig({ directory: { searchBase: 'CN=Computers,DC=monkey,DC=com' } }));
    expect(step(result, 'people')).toEqual({
      id: 'people',
      title: 'People',
      status: 'failed',
      problem: 'NO_ENTRIES_VISIBLE',
      cause: 'The account sees nothing under CN=Computers,DC=monkey,DC=com: the container is empty, or the account may not read it.',
      fix: 'Set searchBase to the container that holds the people, and check that the bind account may read it (on Active Directory, Authenticated Users may by default).',
    });
  });
});

describe('directory check: reaching the server', () => {
  it('when nothing listens on the port, then the reach step says so and that 389 is only the default', async () => {
    const result = await check(sambaDirectoryConfig({ directory: { url: `ldap://${host()}:1` } }));
    expect(statuses(result)).toEqual(['reach:failed', 'tls:skipped', 'bind:skipped', 'searchBase:skipped', 'people:skipped']);
    expect(step(result, 'reach')).toEqual({
      id: 'reach',
      title: 'Reach the server',
      status: 'failed',
      problem: 'CONNECTION_REFUSED',
      cause: `The connection was refused by ${host()}:1.`,
      fix: 'Is the directory server running and listening on port 1? 389 is only the default port for ldap://; write the port in url when it differs.',
    });
  });

  it('when the host name does not resolve, then the reach step says it is unknown', async () => {
    const result = await check(sambaDirectoryConfig({ directory: { url: 'ldap://dc1.monkey.invalid' } }));
    expect(step(result, 'reach')).toEqual({
      id: 'reach',
      title: 'Reach the server',
      status: 'failed',
      problem: 'HOST_UNKNOWN',
      cause: 'The host name dc1.monkey.invalid could not be resolved.',
      fix: 'Check the host in url and that this machine can resolve it (try the full name, e.g. dc1.corp.example.com).',
    });
  });

  it('when the server never answers the connection, then the reach step reports a timeout', async () => {
    const silent = await startUnansweredPort();
    try {
      const result = await check(sambaDirectoryConfig({ directory: { url: `ldap://127.0.0.1:${silent.port}`, timeouts: { connectMs: 300, requestMs: 1000 } } }));
      expect(step(result, 'reach')).toEqual({
        id: 'reach',
        title: 'Reach the server',
        status: 'failed',
        problem: 'CONNECT_TIMEOUT',
        cause: `127.0.0.1:${silent.port} did not accept a connection in time.`,
        fix: 'A firewall may be dropping the connection, or the host is down; check url, or raise timeouts.connectMs.',
      });
    } finally {
      await silent.close();
    }
  });

  it('when the server accepts the connection but never answers the bind, then the bind step reports a timeout', async () => {
    const hole = await startBlackHole();
    try {
      const result = await check(sambaDirectoryConfig({ directory: { url: `ldap://127.0.0.1:${hole.port}`, timeouts: { connectMs: 300, requestMs: 400 } } }));
      expect(statuses(result)).toEqual(['reach:ok', 'tls:skipped', 'bind:failed', 'searchBase:skipped', 'people:skipped']);
      expect(step(result, 'bind')).toMatchObject({ problem: 'TIMEOUT', cause: `127.0.0.1:${hole.port} did not answer the bind in time.` });
    } finally {
      await hole.close();
    }
  });

  it('when the first domain controller is down and the second answers, then the check passes and names the one skipped', async () => {
    const result = await check(sambaDirectoryConfig({ directory: { url: undefined, urls: [`ldap://${host()}:1`, `ldap://${plain()}`] } }));
    expect(result.ok).toBe(true);
    expect(result.servers).toEqual([`ldap://${host()}:1`, `ldap://${plain()}`]);
    expect(step(result, 'reach').detail).toBe(`${plain()} accepts connections. Not answering, skipped by failover: ${host()}:1 (The connection was refused by ${host()}:1).`);
  });

  it('when no domain controller answers, then the reach step names each', async () => {
    const result = await check(sambaDirectoryConfig({ directory: { url: undefined, urls: [`ldap://${host()}:1`, `ldap://${host()}:2`] } }));
    expect(step(result, 'reach')).toMatchObject({
      status: 'failed',
      problem: 'CONNECTION_REFUSED',
      cause: `None of the 2 servers answered. The connection was refused by ${host()}:1. The connection was refused by ${host()}:2.`,
    });
  });
});

describe('directory check: TLS', () => {
  it('when ldaps:// is used with Samba\'s CA and the certificate\'s name, then TLS passes and names the certificate', async () => {
    const tls = sambaTls();
    const result = await check(sambaDirectoryConfig({ directory: { url: tls.ldapsUrl, tls: { caFile: tls.caFile, servername: tls.servername } } }));
    expect(result.ok).toBe(true);
    const expires = new X509Certificate(readFileSync(tls.caFile)).validTo; // Samba makes CA and host certificate together
    expect(step(result, 'tls')).toEqual({
      id: 'tls',
      title: 'TLS',
      status: 'ok',
      detail: `LDAPS works; the certificate of DC1.monkey.com, issued by DC1.monkey.com, is trusted and valid until ${new Date(expires).toISOString().slice(0, 10)}.`,
    });
  });

  it('when StartTLS is used with Samba\'s CA and the certificate\'s name, then TLS and the bind pass', async () => {
    const tls = sambaTls();
    const result = await check(sambaDirectoryConfig({ directory: { startTls: true, tls: { caFile: tls.caFile, servername: tls.servername } } }));
    expect(statuses(result)).toEqual(['reach:ok', 'tls:ok', 'bind:ok', 'searchBase:ok', 'people:ok']);
    expect(step(result, 'tls').detail).toMatch(/^StartTLS works; the certificate of DC1\.monkey\.com, issued by DC1\.monkey\.com, is trusted and valid until \d{4}-\d{2}-\d{2}\.$/);
  });

  it('when the CA file is not set, then TLS fails as untrusted and names the issuer', async () => {
    const result = await check(sambaDirectoryConfig({ directory: { url: sambaTls().ldapsUrl } }));
    expect(statuses(result)).toEqual(['reach:ok', 'tls:failed', 'bind:skipped', 'searchBase:skipped', 'people:skipped']);
    expect(step(result, 'tls')).toEqual({
      id: 'tls',
      title: 'TLS',
      status: 'failed',
      problem: 'TLS_UNTRUSTED',
      cause: `The certificate of ${host()}:636 is not trusted: it was issued by CN=DC1.monkey.com, OU=Samba - temporary autogenerated CA certificate, O=Samba Administration, which is not a CA this service trusts (tls.caFile is not set).`,
      fix: 'Export the certificate of the issuing CA "DC1.monkey.com" as PEM and set tls.caFile to that file.',
    });
  });

  it.each([
    ['ldaps://', (): Record<string, unknown> => ({ url: sambaTls().ldapsUrl, tls: { caFile: sambaTls().caFile } }), 636],
    ['StartTLS', (): Record<string, unknown> => ({ startTls: true, tls: { caFile: sambaTls().caFile } }), 389],
  ])('when %s reaches the DC by IP address without tls.servername, then TLS fails naming the names the certificate has', async (_how, directory, port) => {
    const result = await check(sambaDirectoryConfig({ directory: directory() }));
    expect(step(result, 'tls')).toEqual({
      id: 'tls',
      title: 'TLS',
      status: 'failed',
      problem: 'TLS_NAME_MISMATCH',
      cause: `The certificate of ${host()}:${port} is for DC1.monkey.com, not for ${host()}.`,
      fix: 'Set tls.servername: DC1.monkey.com (a name the certificate carries), or write that name in url when it resolves to this server.',
    });
  });

  it('when certificate checks are turned off, then TLS passes with a warning that the server is not authenticated', async () => {
    const result = await check(sambaDirectoryConfig({ directory: { url: sambaTls().ldapsUrl, tls: { rejectUnauthorized: false } } }));
    expect(result.ok).toBe(true);
    expect(step(result, 'tls').detail).toBe('LDAPS works, but the certificate is not verified (tls.rejectUnauthorized is false): the connection is encrypted, the server is not authenticated.');
  });

  it('when ldaps:// points at the plain LDAP port, then the TLS handshake fails and says which port speaks what', async () => {
    const result = await check(sambaDirectoryConfig({ directory: { url: `ldaps://${plain()}`, tls: { caFile: sambaTls().caFile, servername: sambaTls().servername } } }));
    expect(step(result, 'tls')).toMatchObject({
      status: 'failed',
      problem: 'TLS_FAILED',
      fix: 'Check that port 389 speaks LDAPS (636 on a domain controller), not plain LDAP (389); for a plain port use ldap:// with startTls: true.',
    });
    expect(step(result, 'tls').cause).toMatch(new RegExp(`^The LDAPS handshake with ${host().replace(/\./g, '\\.')}:389 failed: `));
  });

  describe('with an expired certificate (LDAPS terminated in front of the DC)', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'dialpane-expired-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('then TLS fails as expired, with the date', async () => {
      const certificate = await expiredCertificate(dir, 'dc2.monkey.com');
      const terminator = await startTlsTerminator(certificate, { host: host(), port: 389 });
      try {
        const result = await check(sambaDirectoryConfig({ directory: { url: `ldaps://127.0.0.1:${terminator.port}`, tls: { caFile: certificate.certFile, servername: 'dc2.monkey.com' } } }));
        const expired = new Date(new X509Certificate(readFileSync(certificate.certFile)).validTo).toISOString().slice(0, 10);
        expect(step(result, 'tls')).toEqual({
          id: 'tls',
          title: 'TLS',
          status: 'failed',
          problem: 'TLS_EXPIRED',
          cause: `The certificate of 127.0.0.1:${terminator.port} (dc2.monkey.com) expired on ${expired}.`,
          fix: 'Renew the certificate of the directory server; expired certificates are refused.',
        });
      } finally {
        await terminator.close();
      }
    });
  });
});

