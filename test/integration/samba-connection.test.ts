/**
 * Connecting to the real Samba AD DC: bind identities, TLS, and every failure as a stable
 * { code, message, hint } answer (503/504, never a 500 or a stack trace, never the password).
 */
import { Client } from 'ldapts';
import pino from 'pino';
import request from 'supertest';
import { createApp } from '../../server/app';
import { createDirectories } from '../../server/directory/create-directories';
import type { LoadedConfig } from '../../server/config/load';
import type { ApiError, SearchResponse } from '../../src/shared/api';
import { SAMBA_BIND_FIXTURES, SAMBA_SERVICE_ACCOUNT } from '../fixtures/samba-fixture';
import { SAMBA_DIRECTORY_ID, sambaDirectoryConfig, sambaTls, testServers } from '../servers/env';
import { startBlackHole } from '../servers/tcp-proxy';
import { openApp } from './helpers';

const people = `/api/directories/${SAMBA_DIRECTORY_ID}/people`;

/** Searches "Müller" (or opens Show All) on a fresh app for `loaded`; returns status and body. */
async function ask(loaded: LoadedConfig, query: Record<string, string> = { q: 'Müller' }): Promise<{ status: number; body: unknown }> {
  const t = openApp(loaded);
  try {
    const res = await request(t.app).get(people).query(query);
    return { status: res.status, body: res.body as unknown };
  } finally {
    await t.close();
  }
}

describe('binding to Samba Active Directory', () => {
  it.each([
    ['a user principal name', SAMBA_SERVICE_ACCOUNT.upn],
    ['a down-level name DOMAIN\\user', SAMBA_SERVICE_ACCOUNT.downLevel],
    ['a full DN', SAMBA_SERVICE_ACCOUNT.dn],
  ])('when the bind identity is %s, then search works', async (_form, bindUser) => {
    const { status, body } = await ask(sambaDirectoryConfig({ directory: { bindUser } }));
    expect(status).toBe(200);
    expect((body as SearchResponse).people.map((p) => p.displayName)).toEqual(['Jürgen Müller']);
  });

  it('when the password is wrong, then 503 DIRECTORY_BIND_FAILED names the bind user and reason but never the password', async () => {
    const wrong = 'Wrong-Secret-4711';
    const { status, body } = await ask(sambaDirectoryConfig({ password: wrong }));
    expect(status).toBe(503);
    expect(body).toEqual({
      code: 'DIRECTORY_BIND_FAILED',
      message: `${testServers().samba.host}:389 refused the bind as "svc-dialpane@monkey.com": the user name or password is wrong.`,
      hint: 'Check bindUser (a DN, user@domain or DOMAIN\\user; Active Directory rejects a bare user name) and the password in passwordEnv or passwordFile.',
    });
    expect(JSON.stringify(body)).not.toContain(wrong);
  });

  it.each([
    [SAMBA_BIND_FIXTURES.disabled, 'the account is disabled', 'Enable the account in Active Directory, or bind as another service account.'],
    [SAMBA_BIND_FIXTURES.lockedOut, 'the account is locked out after too many wrong passwords', 'Unlock the account in Active Directory, then check that passwordEnv or passwordFile holds the current password (a wrong one locks it again).'],
    [SAMBA_BIND_FIXTURES.passwordExpired, 'the password has expired', 'Set a new password for the account, update passwordEnv or passwordFile, and consider "Password never expires" for a service account.'],
  ])('when the bind account is $upn (AD sub-code $subCode), then the 503 names the same reason and fix as the directory check', async (fixture, reason, fix) => {
    const { status, body } = await ask(sambaDirectoryConfig({ directory: { bindUser: fixture.downLevel }, password: fixture.password }));
    expect(status).toBe(503);
    expect(body).toEqual({ code: 'DIRECTORY_BIND_FAILED', message: `${testServers().samba.host}:389 refused the bind as "${fixture.downLevel}": ${reason}.`, hint: fix });
  });

  it('when the bind fails, then the service log names the failure and never holds the password', async () => {
    const wrong = 'Wrong-Secret-4711';
    const lines: string[] = [];
    const loaded = sambaDirectoryConfig({ password: wrong });
    const directories = createDirectories(loaded);
    const app = createApp(loaded.config, { directories, logger: pino({ level: 'trace' }, { write: (line: string) => void lines.push(line) }) });
    try {
      await request(app).get(people).query({ q: 'Müller' }).expect(503);
    } finally {
      await Promise.all(directories.map((d) => d.close()));
    }
    const log = lines.join('');
    expect(log).toContain('DIRECTORY_BIND_FAILED');
    expect(log).toContain('InvalidCredentialsError');
    expect(log).not.toContain(wrong);
  });

  it('when the bind user is a bare account name, then 503 DIRECTORY_BIND_FAILED (AD wants user@domain, DOMAIN\\user or a DN)', async () => {
    const { status, body } = await ask(sambaDirectoryConfig({ directory: { bindUser: 'svc-dialpane' } }));
    expect(status).toBe(503);
    expect((body as ApiError).code).toBe('DIRECTORY_BIND_FAILED');
    expect((body as ApiError).hint).toContain('DOMAIN\\user');
  });
});

describe('reaching Samba Active Directory', () => {
  it('when nothing listens on the configured port, then 503 DIRECTORY_UNREACHABLE names the refused host:port', async () => {
    const host = testServers().samba.host;
    const { status, body } = await ask(sambaDirectoryConfig({ directory: { url: `ldap://${host}:1` } }));
    expect(status).toBe(503);
    expect(body).toEqual({
      code: 'DIRECTORY_UNREACHABLE',
      message: `The connection was refused by ${host}:1.`,
      hint: 'Is the directory server running and listening on port 1? 389 is only the default port for ldap://; write the port in url when it differs.',
    });
  });

  it('when the host name does not resolve, then 503 DIRECTORY_UNREACHABLE says so', async () => {
    const { status, body } = await ask(sambaDirectoryConfig({ directory: { url: 'ldap://dc1.monkey.invalid' } }));
    expect(status).toBe(503);
    expect((body as ApiError).code).toBe('DIRECTORY_UNREACHABLE');
    expect((body as ApiError).message).toMatch(/^The host name dc1\.monkey\.invalid could not be resolved/);
  });

  it('when Show All is asked of an unreachable directory, then it is 503 DIRECTORY_UNREACHABLE too', async () => {
    const { status, body } = await ask(sambaDirectoryConfig({ directory: { url: `ldap://${testServers().samba.host}:1` } }), {});
    expect(status).toBe(503);
    expect((body as ApiError).code).toBe('DIRECTORY_UNREACHABLE');
  });

  it('when the server accepts the connection but never answers, then 504 DIRECTORY_TIMEOUT after timeouts.requestMs', async () => {
    const hole = await startBlackHole();
    try {
      const started = Date.now();
      const { status, body } = await ask(sambaDirectoryConfig({ directory: { url: `ldap://127.0.0.1:${hole.port}`, timeouts: { connectMs: 1000, requestMs: 400 } } }));
      expect(status).toBe(504);
      expect(body).toEqual({ code: 'DIRECTORY_TIMEOUT', message: `127.0.0.1:${hole.port} did not answer the bind in time.`, hint: expect.stringContaining('timeouts.requestMs') });
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      await hole.close();
    }
  });
});

describe('search base on Samba Active Directory', () => {
  it('when the search base does not exist, then 503 DIRECTORY_SEARCH_BASE names it', async () => {
    const { status, body } = await ask(sambaDirectoryConfig({ directory: { searchBase: 'OU=Nowhere,DC=monkey,DC=com' } }));
    expect(status).toBe(503);
    expect(body).toEqual({
      code: 'DIRECTORY_SEARCH_BASE',
      message: `The search base "OU=Nowhere,DC=monkey,DC=com" does not exist on ${testServers().samba.host}:389.`,
      hint: 'Check searchBase: the DN of the container of the people, e.g. CN=Users,DC=monkey,DC=com. The directory check (dialpane doctor) names the closest existing parent.',
    });
  });

  it('when the search base is not a DN, then 503 DIRECTORY_SEARCH_BASE says it is malformed', async () => {
    const { status, body } = await ask(sambaDirectoryConfig({ directory: { searchBase: 'Users' } }));
    expect(status).toBe(503);
    expect(body).toEqual({
      code: 'DIRECTORY_SEARCH_BASE',
      message: 'The search base "Users" is not a valid DN (LDAP code 34).',
      hint: 'Write searchBase as a full DN, e.g. CN=Users,DC=monkey,DC=com.',
    });
  });

  it('when Show All starts under a missing search base, then 503 DIRECTORY_SEARCH_BASE', async () => {
    const { status, body } = await ask(sambaDirectoryConfig({ directory: { searchBase: 'OU=Nowhere,DC=monkey,DC=com' } }), {});
    expect(status).toBe(503);
    expect((body as ApiError).code).toBe('DIRECTORY_SEARCH_BASE');
  });

  it('when the search base is the whole domain, then the search references to other partitions are ignored, never followed', async () => {
    // The DC really answers a subtree search from the domain root with three references...
    const client = new Client({ url: testServers().samba.url });
    try {
      await client.bind(SAMBA_SERVICE_ACCOUNT.upn, SAMBA_SERVICE_ACCOUNT.password);
      const raw = await client.search('DC=monkey,DC=com', { filter: '(sAMAccountName=jdoe)', attributes: ['1.1'] });
      expect(raw.searchEntries).toHaveLength(1);
      expect([...raw.searchReferences].sort()).toEqual([
        'ldap://monkey.com/CN=Configuration,DC=monkey,DC=com',
        'ldap://monkey.com/DC=DomainDnsZones,DC=monkey,DC=com',
        'ldap://monkey.com/DC=ForestDnsZones,DC=monkey,DC=com',
      ]);
    } finally {
      await client.unbind();
    }
    // ...which the service ignores: no error, and no connection to the servers they name.
    for (const q of ['Jane Doe', 'John Sm']) {
      const { status, body } = await ask(sambaDirectoryConfig({ directory: { searchBase: 'DC=monkey,DC=com' } }), { q });
      expect(status).toBe(200);
      expect((body as SearchResponse).people.map((p) => p.displayName)).toEqual([q === 'Jane Doe' ? 'Jane Doe' : 'John Smith']);
    }
  });

  it('when a configured filter narrows the people, then only they are found', async () => {
    const { body } = await ask(sambaDirectoryConfig({ directory: { filter: '(department=Engineering)' } }), { q: 'Mateja' });
    expect((body as SearchResponse).people.map((p) => p.displayName)).toEqual(['Mateja Novak']);
    const { body: none } = await ask(sambaDirectoryConfig({ directory: { filter: '(department=Engineering)' } }), { q: 'Priya' });
    expect(none).toEqual({ people: [], more: false });
  });

  it('when the configured filter holds an escaped UTF-8 value, then it matches the characters it spells', async () => {
    const { body } = await ask(sambaDirectoryConfig({ directory: { filter: '(sn=M\\c3\\bcller)' } }), { q: 'Jürgen' });
    expect((body as SearchResponse).people.map((p) => p.displayName)).toEqual(['Jürgen Müller']);
  });
});

describe('TLS to Samba Active Directory', () => {
  it('when ldaps:// is used with the CA file and the certificate host name, then search works', async () => {
    const tls = sambaTls();
    const { status, body } = await ask(sambaDirectoryConfig({ directory: { url: tls.ldapsUrl, tls: { caFile: tls.caFile, servername: tls.servername } } }));
    expect(status).toBe(200);
    expect((body as SearchResponse).people.map((p) => p.displayName)).toEqual(['Jürgen Müller']);
  });

  it('when StartTLS is used on ldap:// with the CA file and the certificate host name, then search works', async () => {
    const tls = sambaTls();
    const { status, body } = await ask(sambaDirectoryConfig({ directory: { startTls: true, tls: { caFile: tls.caFile, servername: tls.servername } } }));
    expect(status).toBe(200);
    expect((body as SearchResponse).people.map((p) => p.displayName)).toEqual(['Jürgen Müller']);
  });

  it('when StartTLS is used but the certificate host name does not match, then the TLS failure is reported (the upgrade really happened)', async () => {
    const tls = sambaTls();
    const { status, body } = await ask(sambaDirectoryConfig({ directory: { startTls: true, tls: { caFile: tls.caFile } } }));
    expect(status).toBe(503);
    expect((body as ApiError).code).toBe('DIRECTORY_UNREACHABLE');
    expect((body as ApiError).message).toMatch(/^The TLS connection to .* failed: .*does not match certificate/);
  });

  it('when ldaps:// is used with certificate checks turned off, then search works without the CA', async () => {
    const { status, body } = await ask(sambaDirectoryConfig({ directory: { url: sambaTls().ldapsUrl, tls: { rejectUnauthorized: false } } }));
    expect(status).toBe(200);
    expect((body as SearchResponse).people.map((p) => p.displayName)).toEqual(['Jürgen Müller']);
  });

  it('when ldaps:// is used without the CA, then 503 DIRECTORY_UNREACHABLE explains the certificate check', async () => {
    const { status, body } = await ask(sambaDirectoryConfig({ directory: { url: sambaTls().ldapsUrl } }));
    expect(status).toBe(503);
    expect((body as ApiError).code).toBe('DIRECTORY_UNREACHABLE');
    expect((body as ApiError).message).toContain('TLS connection');
    expect((body as ApiError).hint).toContain('tls.caFile');
  });

  it('when the CA is given but the URL is an IP address without tls.servername, then the host name mismatch is reported', async () => {
    const tls = sambaTls();
    const { status, body } = await ask(sambaDirectoryConfig({ directory: { url: tls.ldapsUrl, tls: { caFile: tls.caFile } } }));
    expect(status).toBe(503);
    expect((body as ApiError).message).toMatch(/does not match certificate/);
    expect((body as ApiError).hint).toContain('tls.servername');
  });
});
