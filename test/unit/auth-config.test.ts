/** Configuration of sign-in and hardening: defaults, the loopback rule for "none", secrets, and what is refused. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { authWarnings } from '../../server/auth/create-auth';
import { OUTLOOK_FRAME_ANCESTORS } from '../../server/config/auth-schema';
import { ConfigError, demoConfigInput, parseConfig } from '../../server/config/load';

const ad = { id: 'corp', displayName: 'Monkey HQ', kind: 'ad', url: 'ldaps://dc1.monkey.com', bindUser: 'MONKEY\\svc-dialpane', passwordEnv: 'CORP_PW', searchBase: 'CN=Users,DC=monkey,DC=com' };
const ldif = { id: 'demo', displayName: 'Demo', kind: 'ldif', file: '/dev/null' };
const env = { CORP_PW: 's3cret' };

function problems(input: Record<string, unknown>, environment: NodeJS.ProcessEnv = env, baseDir = '/tmp'): string[] {
  try {
    parseConfig(input, environment, baseDir);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

const NOT_ON_LOOPBACK = (host: string): string =>
  `auth.mode: "none" (no sign-in) is allowed only on a loopback address, but server.host is ${host}: set auth.mode: directory so people sign in, or listen on 127.0.0.1 (DIALPANE_HOST)`;

describe('sign-in configuration', () => {
  it('when a directory is configured, then people sign in by default, with the documented limits and hardening', () => {
    const { config } = parseConfig({ directories: [ad] }, env, '/tmp');
    expect(config.auth).toEqual({ mode: 'directory', tokenMinutes: 15, sessionHours: 12, limits: { accountFailures: 3, addressFailures: 10, windowMinutes: 15, dialsPerMinute: 10 } });
    expect(config.security).toEqual({ corsOrigins: [], frameAncestors: OUTLOOK_FRAME_ANCESTORS, requestTimeoutMs: 30_000, maxUrlLength: 2048 });
  });

  it('when there are only LDIF directories (the demo), then there is no sign-in', () => {
    expect(parseConfig(demoConfigInput(), {}).config.auth.mode).toBe('none');
    expect(parseConfig({ directories: [ldif] }, {}, '/tmp').config.auth.mode).toBe('none');
  });

  it.each(['127.0.0.1', '127.0.0.2', 'localhost', '::1', '[::1]'])('when there is no sign-in and server.host is %s, then it starts', (host) => {
    expect(parseConfig({ directories: [ad], auth: { mode: 'none' }, server: { host } }, env, '/tmp').config.auth.mode).toBe('none');
  });

  it.each(['0.0.0.0', '::', '192.0.2.10', 'dialpane.monkey.com'])('when there is no sign-in and server.host is %s, then it refuses to start and says why', (host) => {
    expect(problems({ directories: [ad], auth: { mode: 'none' }, server: { host } })).toEqual([NOT_ON_LOOPBACK(host)]);
  });

  it('when the demo is started on all interfaces (DIALPANE_HOST=0.0.0.0), then it refuses to start', () => {
    expect(problems(demoConfigInput(), { DIALPANE_HOST: '0.0.0.0' })).toEqual([NOT_ON_LOOPBACK('0.0.0.0')]);
  });

  it('when DIALPANE_AUTH_MODE turns sign-in off on all interfaces, then it refuses to start', () => {
    expect(problems({ directories: [ad], server: { host: '0.0.0.0' } }, { ...env, DIALPANE_AUTH_MODE: 'none' })).toEqual([NOT_ON_LOOPBACK('0.0.0.0')]);
  });

  it.each([
    [{ directories: [ldif], auth: { mode: 'directory' } }, ['auth.mode: "directory" needs an ad or ldap directory to sign in against, and only LDIF directories are configured: add one, or set auth.mode: none and listen on 127.0.0.1']],
    [{ directories: [ad, ldif], auth: { directories: ['demo', 'hq'] } }, ['auth.directories[0]: "demo" is an LDIF file: nobody can sign in against it; name an ad or ldap directory', 'auth.directories[1]: "hq" is not a configured directory id; use one of corp, demo']],
    [{ directories: [ad], auth: { mode: 'sso' } }, ['auth.mode: must be one of "directory", "none"']],
    [{ directories: [ad], auth: { tokenMinutes: 600 } }, ['auth.tokenMinutes: 600 is too big: use 60 or less']],
    [{ directories: [ad], auth: { secretFile: 'a', secretEnv: 'B' } }, ['auth.secretFile: secretFile and secretEnv exclude each other: keep one']],
    [{ directories: [ad], security: { frameAncestors: ["https://outlook.office.com; script-src 'unsafe-inline'"] } }, ["security.frameAncestors[0]: must be 'self', 'none' or https://host (a leading *. allowed), e.g. https://outlook.office.com"]],
    [{ directories: [ad], security: { corsOrigins: ['https://pane.example.com/taskpane.html'] } }, ['security.corsOrigins[0]: must be an origin such as https://pane.example.com (scheme, host, optional port, no path)']],
  ])('when the configuration is %j, then it is refused with one line per problem', (input, expected) => {
    expect(problems(input as Record<string, unknown>)).toEqual(expected);
  });

  it('when the signing key comes from a file or the environment, then it is read; too short or missing is named', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dialpane-auth-config-'));
    writeFileSync(path.join(dir, 'key'), `${'k'.repeat(40)}\n`);
    writeFileSync(path.join(dir, 'short'), 'short\n');
    expect(Buffer.from(parseConfig({ directories: [ad], auth: { secretFile: 'key' } }, env, dir).signingSecret ?? []).toString()).toBe('k'.repeat(40));
    expect(Buffer.from(parseConfig({ directories: [ad], auth: { secretEnv: 'KEY' } }, { ...env, KEY: 'e'.repeat(32) }, dir).signingSecret ?? []).toString()).toBe('e'.repeat(32));
    expect(problems({ directories: [ad], auth: { secretFile: 'short' } }, env, dir)).toEqual([
      `auth.secretFile: ${path.join(dir, 'short')} holds fewer than 32 characters: write a long random key into it, e.g. the output of \`openssl rand -base64 48\``,
    ]);
    expect(problems({ directories: [ad], auth: { secretFile: 'nope' } }, env, dir)).toEqual([`auth.secretFile: ${path.join(dir, 'nope')} does not exist: create it with a long random key, readable only by this service`]);
    expect(problems({ directories: [ad], auth: { secretEnv: 'KEY' } }, env, dir)).toEqual(['auth.secretEnv: environment variable KEY is not set or empty: export KEY=<a long random key> before starting']);
    expect(parseConfig({ directories: [ad] }, { ...env, DIALPANE_AUTH_SECRET_FILE: path.join(dir, 'key') }, dir).config.auth.secretFile).toBe(path.join(dir, 'key'));
  });

  it('when a dialer device names the signed-in person\'s attributes, then it is accepted; unknown attributes are refused', () => {
    const ami = { id: 'pbx', displayName: 'PBX', kind: 'ami', host: 'pbx', username: 'dialpane', passwordEnv: 'CORP_PW' };
    expect(parseConfig({ directories: [ad], dialers: [{ ...ami, device: '{user.ipPhone}' }] }, env, '/tmp').config.dialers[0]).toMatchObject({ device: '{user.ipPhone}' });
    expect(problems({ directories: [ad], dialers: [{ ...ami, device: '{user.password}' }] })).toEqual([
      'dialers[0].device: must be up to 64 letters, digits and . _ @ : ; / + # * -, or {user.ipPhone}, {user.account}, {user.mail}, {user.telephoneNumber}, {user.mobile}',
    ]);
  });

  it('warns at start about passwords sent unencrypted and dialers that ring one phone for everyone', () => {
    const loaded = parseConfig(
      {
        directories: [{ ...ad, url: 'ldap://dc1.monkey.com' }, { ...ad, id: 'lab', url: 'ldap://127.0.0.1:3890' }, { ...ad, id: 'tls', url: 'ldap://dc2.monkey.com', startTls: true }],
        dialers: [
          { id: 'soft', displayName: 'Softphone', kind: 'baresip' },
          { id: 'pbx', displayName: 'PBX', kind: 'ami', host: 'pbx', username: 'dialpane', passwordEnv: 'CORP_PW', device: '{user.ipPhone}' },
        ],
      },
      env,
      '/tmp',
    );
    expect(authWarnings(loaded)).toEqual([
      'directory "corp": people\'s passwords go to dc1.monkey.com:389 unencrypted when they sign in: use an ldaps:// url or startTls: true',
      'dialer "soft" rings the same phone whoever asks, so it is not offered once people sign in: set its device from the person, e.g. device: "{user.ipPhone}" (WebDialer: profile.user: "{user.account}")',
    ]);
  });
});
