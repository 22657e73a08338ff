import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig, parseConfig } from '../../server/config/load';
import type { LdapDirectoryConfig } from '../../server/config/schema';
import { endpointsOf } from '../../server/directory/ldap/endpoint';

const directory = {
  id: 'corp',
  displayName: 'Monkey HQ',
  kind: 'ad',
  url: 'ldap://dc1.monkey.com',
  bindUser: 'MONKEY\\svc-dialpane',
  passwordEnv: 'CORP_PW',
  searchBase: 'CN=Users,DC=monkey,DC=com',
};
const env = { CORP_PW: 's3cret' };

function problems(input: Record<string, unknown>, environment: NodeJS.ProcessEnv = env): string[] {
  try {
    parseConfig(input, environment, '/tmp');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('configuration', () => {
  it('when a directory is valid, then defaults are filled in and the password is read from the environment', () => {
    const loaded = parseConfig({ directories: [directory] }, env, '/tmp');
    const d = loaded.config.directories[0];
    expect(d).toMatchObject({ kind: 'ad', pageSize: 500, startTls: false, timeouts: { connectMs: 5000, requestMs: 10000 }, tls: { rejectUnauthorized: true } });
    expect(loaded.config.server).toEqual({ host: '127.0.0.1', port: 3000, dataDir: '.dialpane', officeJs: 'local' });
    expect(loaded.config.phone.defaultCountry).toBe('US');
    expect(loaded.passwords.get('corp')).toBe('s3cret');
  });

  it('when the password comes from a file, then its trailing newline is ignored', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dialpane-config-'));
    writeFileSync(path.join(dir, 'pw'), 'from-file\n');
    const { passwordEnv: _unused, ...rest } = directory;
    const loaded = parseConfig({ directories: [{ ...rest, passwordFile: 'pw' }] }, {}, dir);
    expect(loaded.passwords.get('corp')).toBe('from-file');
  });

  it('when there is no configuration file, then the embedded demo directory is served', () => {
    const loaded = loadConfig(undefined, {});
    expect(loaded.config.directories).toEqual([expect.objectContaining({ id: 'demo', displayName: 'Demo directory', kind: 'ldif' })]);
    expect(loaded.source).toBe('embedded demo directory');
  });

  it('when environment variables are set, then they win over the file', () => {
    const loaded = parseConfig({ directories: [directory] }, { ...env, DIALPANE_PORT: '4443', DIALPANE_DEFAULT_COUNTRY: 'SI' }, '/tmp');
    expect(loaded.config.server.port).toBe(4443);
    expect(loaded.config.phone.defaultCountry).toBe('SI');
  });

  it.each([
    [{ directories: [] }, ['directories: must list at least one directory']],
    [{}, ['directories: is missing: add it (see the configuration reference in the README)']],
    [{ directories: [{ ...directory, url: 'dc1.monkey.com' }] }, ['directories[0].url: must look like ldap://dc1.example.com:389, ldaps://dc1.example.com:636 or ldap://[fd00::10]:389 (scheme, host, optional port)']],
    ...['ldap://dc1.monkey.com:0', 'ldaps://dc1.monkey.com:70000', 'ldap://dc1.monkey.com:99999/'].map((url): [Record<string, unknown>, string[]] => [
      { directories: [{ ...directory, url }] },
      ['directories[0].url: has a port outside 1 to 65535: write the port the directory listens on, e.g. :389, :636 or :3268, or leave it out'],
    ]),
    [{ directories: [{ ...directory, kind: 'novell' }] }, ['directories[0].kind: must be "ad", "ldap" or "ldif"']],
    [{ directories: [{ ...directory, kind: undefined }] }, ['directories[0].kind: is missing: add kind: "ad", "ldap" or "ldif"']],
    [{ directories: [{ ...directory, displayName: '' }] }, ['directories[0].displayName: must not be empty']],
    [{ directories: [{ ...directory, searchBase: ' ' }] }, ['directories[0].searchBase: must not be empty']],
    [{ directories: [{ ...directory, id: 'Corp HQ' }] }, ['directories[0].id: must be lower-case letters, digits and dashes, e.g. "corp"']],
    [{ directories: [{ ...directory, filter: 'department=Sales' }] }, ['directories[0].filter: is not a valid LDAP filter; write it in parentheses, e.g. (department=Sales)']],
    [{ directories: [{ ...directory, pasword: 'x' }] }, ['directories[0]: unknown key "pasword": remove it or check the spelling against the configuration reference in the README']],
    [{ directories: [{ ...directory, passwordEnv: undefined }] }, ['directories[0].passwordEnv: needs exactly one of passwordEnv or passwordFile: set passwordEnv: NAME and export NAME, or passwordFile: /path/to/file']],
    [{ directories: [directory, directory] }, ['directories[1].id: "corp" is used twice; every directory needs its own id']],
    [{ directories: [directory], phone: { defaultCountry: 'usa' } }, ['phone.defaultCountry: must be a two-letter ISO country code such as US, GB or SI']],
    [{ directories: [directory], server: { port: 'https' } }, ['server.port: must be number, not string']],
    [{ directories: [directory], server: 5 }, ['server: must be object, not number']],
    [{ directories: [directory], phone: 'US' }, ['phone: must be object, not string']],
    [{ directories: [directory], auth: ['none'] }, ['auth: must be object, not a list']],
    [{ directories: [null] }, ['directories[0]: must be object, not empty']],
    [{ directories: [{ ...directory, timeouts: { requestMs: 10 } }] }, ['directories[0].timeouts.requestMs: 10 is too small: use 100 or more']],
  ])('when the configuration is %j, then it is refused with one line per problem', (input, expected) => {
    expect(problems(input as Record<string, unknown>)).toEqual(expected);
  });

  it('when the password environment variable is not set, then the fix is named', () => {
    expect(problems({ directories: [directory] }, {})).toEqual([
      'directories[0].passwordEnv: environment variable CORP_PW is not set or empty: export CORP_PW=<bind password> before starting',
    ]);
  });

  it('when a section is empty (YAML `server:` with its keys commented out), then its defaults apply', () => {
    expect(parseConfig({ directories: [directory], server: null }, env, '/tmp').config.server.port).toBe(3000);
  });

  it("when a directory's tls.caFile does not exist, then start is refused naming it, resolved against the configuration's folder", () => {
    expect(problems({ directories: [{ ...directory, tls: { caFile: 'monkey-ca.pem' } }] })).toEqual([
      "directories[0].tls.caFile: /tmp/monkey-ca.pem does not exist: give the PEM file of the CA that issued the directory server's certificate",
    ]);
  });

  it("when a directory's tls.caFile is relative, then it is read from the configuration's folder", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dialpane-config-'));
    writeFileSync(path.join(dir, 'ca.pem'), '-----BEGIN CERTIFICATE-----\n');
    const loaded = parseConfig({ directories: [{ ...directory, tls: { caFile: 'ca.pem' } }] }, env, dir);
    expect(loaded.config.directories[0]).toMatchObject({ tls: { caFile: path.join(dir, 'ca.pem') } });
  });

  it('when server.tlsCertFile or tlsKeyFile does not exist, then each is named at start instead of an ENOENT stack trace', () => {
    expect(problems({ directories: [directory], server: { tlsCertFile: 'dialpane.crt', tlsKeyFile: '/nonexistent/dialpane.key' } })).toEqual([
      'server.tlsCertFile: /tmp/dialpane.crt does not exist: give the PEM certificate to serve, or remove tlsCertFile and tlsKeyFile to use the generated localhost certificate',
      'server.tlsKeyFile: /nonexistent/dialpane.key does not exist: give the PEM private key to serve, or remove tlsCertFile and tlsKeyFile to use the generated localhost certificate',
    ]);
  });

  it('when several keys are wrong, then each gets its own line', () => {
    expect(problems({ directories: [{ ...directory, url: 'x', searchBase: '' }] })).toHaveLength(2);
  });

  it('when the file is not valid YAML, then the file and the parser message are named', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dialpane-config-'));
    const file = path.join(dir, 'dialpane.yaml');
    writeFileSync(file, 'directories: [\n  - id: x\n');
    expect(() => loadConfig(file, {})).toThrow(ConfigError);
    try {
      loadConfig(file, {});
    } catch (error) {
      expect((error as ConfigError).problems[0]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is not valid YAML: `));
    }
  });

  it.each(['dialpane.json', 'dialpane.yaml'])('when %s starts with a UTF-8 byte order mark, then it is read like any other', (name) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dialpane-config-'));
    const file = path.join(dir, name);
    writeFileSync(file, `\uFEFF${JSON.stringify({ directories: [directory] })}`);
    expect(loadConfig(file, env).config.directories[0]).toMatchObject({ id: 'corp' });
  });

  it('when the file does not exist, then the path is named', () => {
    expect(() => loadConfig('/nonexistent/dialpane.yaml', {})).toThrow('configuration file /nonexistent/dialpane.yaml does not exist');
  });

  it('when the configuration path is a folder, then one line says so instead of a stack trace', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dialpane-config-'));
    expect(() => loadConfig(dir, {})).toThrow(ConfigError);
    expect(() => loadConfig(dir, {})).toThrow(`configuration file ${dir} is a folder, not a file: give the path of the JSON or YAML file in --config or DIALPANE_CONFIG`);
  });

  it('when the password file is a folder, then its key gets a line and the other problems still show', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dialpane-config-'));
    const { passwordEnv: _unused, ...rest } = directory;
    expect(problems({ directories: [{ ...rest, passwordFile: dir }, { ...directory, id: 'two' }] }, {})).toEqual([
      `directories[0].passwordFile: ${dir} is a folder, not a file: make it a file holding the bind password, readable by this service`,
      'directories[1].passwordEnv: environment variable CORP_PW is not set or empty: export CORP_PW=<bind password> before starting',
    ]);
  });

  it('when urls lists several domain controllers instead of url, then they are kept in order', () => {
    const { url: _unused, ...rest } = directory;
    const loaded = parseConfig({ directories: [{ ...rest, urls: ['ldap://dc1.monkey.com', 'ldaps://dc2.monkey.com:636'] }] }, env, '/tmp');
    expect(loaded.config.directories[0]).toMatchObject({ urls: ['ldap://dc1.monkey.com', 'ldaps://dc2.monkey.com:636'] });
  });

  it.each([
    ['both url and urls', { urls: ['ldap://dc2.monkey.com'] }],
    ['neither url nor urls', { url: undefined }],
  ])('when a directory has %s, then one line says to give exactly one', (_situation, change) => {
    expect(problems({ directories: [{ ...directory, ...change }] })).toEqual(['directories[0].url: needs exactly one of url (one server) or urls (several domain controllers, tried in order)']);
  });

  it('when a URL has neither the shape nor a valid port, then one line names the shape', () => {
    expect(problems({ directories: [{ ...directory, url: 'https://dc1:70000' }] })).toEqual([
      'directories[0].url: must look like ldap://dc1.example.com:389, ldaps://dc1.example.com:636 or ldap://[fd00::10]:389 (scheme, host, optional port)',
    ]);
  });

  it('when a URL names a bracketed IPv6 address, then it is accepted and messages name the server as [address]:port', () => {
    const { url: _unused, ...rest } = directory;
    const loaded = parseConfig({ directories: [{ ...rest, urls: ['ldap://[fd00::10]', 'ldaps://[::1]:3269'] }] }, env, '/tmp');
    const d = loaded.config.directories[0];
    expect(d?.kind === 'ldif' ? [] : endpointsOf(d as LdapDirectoryConfig).map((e) => [e.host, e.port, e.server])).toEqual([
      ['fd00::10', 389, '[fd00::10]:389'],
      ['::1', 3269, '[::1]:3269'],
    ]);
    expect(problems({ directories: [{ ...directory, url: 'ldap://fd00::10:389' }] })).toHaveLength(1);
  });

  it('when one of urls is not an LDAP URL, then its position is named', () => {
    const { url: _unused, ...rest } = directory;
    expect(problems({ directories: [{ ...rest, urls: ['ldap://dc1.monkey.com', 'https://dc2'] }] })).toEqual([
      'directories[0].urls[1]: must look like ldap://dc1.example.com:389, ldaps://dc1.example.com:636 or ldap://[fd00::10]:389 (scheme, host, optional port)',
    ]);
  });

  it('never puts the password into an error message', () => {
    const secret = 'hunter2-very-secret';
    const lines = problems({ directories: [{ ...directory, url: 'bad' }] }, { CORP_PW: secret });
    expect(lines.join('\n')).not.toContain(secret);
  });
});
