/**
 * What tests use to reach the real directory servers started by the Jest global setup
 * (test/servers/global-setup.ts; it passes them to the workers in DIALPANE_TEST_SERVERS and
 * writes a copy to test-output/servers.json for scripts outside Jest).
 *
 * Configurations — validated exactly like the service validates a file (parseConfig), with the
 * bind password passed through an environment object, never inline:
 *
 *   import { createApp } from '../../server/app';
 *   import { createDirectories } from '../../server/directory/create-directories';
 *   import { sambaDirectoryConfig, SAMBA_DIRECTORY_ID } from '../servers/env';
 *
 *   const loaded = sambaDirectoryConfig();                 // one directory, id "samba", kind ad
 *   const directories = createDirectories(loaded);
 *   const app = createApp(loaded.config, { directories });
 *   // GET /api/directories/samba/people?q=Müller ... and at the end:
 *   await Promise.all(directories.map((d) => d.close()));   // or Jest keeps the sockets open
 *
 *   sambaDirectoryConfig({ directory: { searchBase: 'OU=Nowhere,DC=monkey,DC=com' } }) // any directory key
 *   sambaDirectoryConfig({ password: 'wrong' })                                       // another bind password
 *   sambaDirectoryConfig({ config: { phone: { defaultCountry: 'GB' } } })             // top-level keys
 *   slapdDirectoryConfig()                                  // id "slapd", kind ldap, capped at 1,000
 *   directoriesConfig([sambaEntry(), slapdEntry(), sambaEntry({ id: 'gc' })])  // several, in this order
 *
 * Sign-in: these configurations run WITHOUT it (auth.mode none, on loopback) unless the test
 * passes `config: { auth: { mode: 'directory', ... } }`; test/integration/auth-helpers.ts builds
 * the signed-in app and the Samba sign-in accounts (test/fixtures/samba-auth-fixture.ts).
 *
 * The Samba directory binds as svc-dialpane@monkey.com over ldap://127.0.0.2:389, searches
 * CN=Users,DC=monkey,DC=com, and uses phone.defaultCountry US with extensionContext monkey.com
 * (so ipPhone extensions are dialable). sambaTls() has the CA file and certificate host name for
 * ldaps:// and StartTLS.
 *
 * Fixture facts (who is there, how many) come from the same deterministic generators the setup
 * loaded: SAMBA_FACTS and SLAPD_FACTS below.
 */
import type { LoadedConfig } from '../../server/config/load';
import { parseConfig } from '../../server/config/load';
import { mailOf, NAMED_PEOPLE, type FixturePerson } from '../fixtures/people';
import { SAMBA_BUILTIN_PEOPLE, SAMBA_SERVICE_ACCOUNT, SAMBA_USERS_DN, sambaFixture } from '../fixtures/samba-fixture';
import { SLAPD_PEOPLE_DN, SLAPD_SERVICE_ACCOUNT, SLAPD_SIZE_LIMIT, slapdFixture } from '../fixtures/slapd-fixture';
import { currentServers, SERVERS_FILE, type ServersRecord } from './servers-file';

export const SAMBA_DIRECTORY_ID = 'samba';
export const SLAPD_DIRECTORY_ID = 'slapd';
/** The environment variable the test configurations name in passwordEnv. */
export const TEST_PASSWORD_ENV = 'DIALPANE_TEST_BIND_PASSWORD';

export interface TestDirectoryOptions {
  /** Keys of the directory entry to set or change, e.g. `{ url: 'ldap://127.0.0.2:1' }`. */
  directory?: Record<string, unknown>;
  /** The bind password to use instead of the service account's. */
  password?: string;
  /** Top-level configuration keys to set, e.g. `{ phone: { defaultCountry: 'GB' } }`. */
  config?: Record<string, unknown>;
}

/** The running servers; fails with the reason when the global setup did not start them. */
export function testServers(): ServersRecord {
  const servers = currentServers();
  if (!servers) {
    throw new Error(`${SERVERS_FILE} is missing: the test servers were not started. Run the tests through the root jest config (npx jest --selectProjects integration), whose global setup starts them.`);
  }
  return servers;
}

/**
 * Test directories search live unless a test turns the index on (`directory: { index: 'on' }`, or
 * its settings): the tests written for live searches count connections and LDAP searches, which
 * an index loading in the background would change. test/integration/index-*.test.ts cover it.
 */
const LIVE = { index: 'off' } as const;

function build(directory: Record<string, unknown>, password: string, options: TestDirectoryOptions): LoadedConfig {
  const input = {
    phone: { defaultCountry: 'US', extensionContext: 'monkey.com' },
    // Without sign-in unless the test says otherwise (config: { auth: { mode: 'directory' } }):
    // the tests of searching and dialing are about that; the sign-in tests turn it on.
    auth: { mode: 'none' },
    ...options.config,
    directories: [{ ...LIVE, ...directory, passwordEnv: TEST_PASSWORD_ENV, ...options.directory }],
  };
  return parseConfig(input, { [TEST_PASSWORD_ENV]: options.password ?? password }, process.cwd(), 'test/servers/env.ts');
}

/** The directory entry of the Samba AD DC, before validation (for configurations with several directories). */
export function sambaDirectoryInput(): Record<string, unknown> {
  return {
    id: SAMBA_DIRECTORY_ID,
    displayName: 'Monkey AD (Samba)',
    kind: 'ad',
    url: testServers().samba.url,
    bindUser: SAMBA_SERVICE_ACCOUNT.upn,
    searchBase: SAMBA_USERS_DN,
  };
}

/** A validated configuration with the Samba AD DC as its only directory (id "samba"). */
export function sambaDirectoryConfig(options: TestDirectoryOptions = {}): LoadedConfig {
  return build(sambaDirectoryInput(), SAMBA_SERVICE_ACCOUNT.password, options);
}

/** The directory entry of the OpenLDAP server, before validation. */
export function slapdDirectoryInput(): Record<string, unknown> {
  return {
    id: SLAPD_DIRECTORY_ID,
    displayName: 'Monkey OpenLDAP',
    kind: 'ldap',
    url: testServers().slapd.url,
    bindUser: SLAPD_SERVICE_ACCOUNT.dn,
    searchBase: SLAPD_PEOPLE_DN,
  };
}

/** A validated configuration with the OpenLDAP server as its only directory (id "slapd"). */
export function slapdDirectoryConfig(options: TestDirectoryOptions = {}): LoadedConfig {
  return build(slapdDirectoryInput(), SLAPD_SERVICE_ACCOUNT.password, options);
}

/** One directory of a configuration with several: its entry (any keys changed) and its bind password. */
export interface DirectoryEntry {
  input: Record<string, unknown>;
  password?: string;
}

export const sambaEntry = (changes: Record<string, unknown> = {}): DirectoryEntry => ({ input: { ...LIVE, ...sambaDirectoryInput(), ...changes }, password: SAMBA_SERVICE_ACCOUNT.password });
export const slapdEntry = (changes: Record<string, unknown> = {}): DirectoryEntry => ({ input: { ...LIVE, ...slapdDirectoryInput(), ...changes }, password: SLAPD_SERVICE_ACCOUNT.password });

/**
 * A validated configuration with several directories, in this order; each LDAP one reads its
 * password from a variable of its own (DIALPANE_TEST_BIND_PASSWORD_0, _1, …), never inline.
 */
export function directoriesConfig(entries: readonly DirectoryEntry[], config: Record<string, unknown> = {}): LoadedConfig {
  const env: Record<string, string> = {};
  const directories = entries.map((entry, i) => {
    if (entry.password === undefined) return entry.input;
    env[`${TEST_PASSWORD_ENV}_${i}`] = entry.password;
    return { ...entry.input, passwordEnv: `${TEST_PASSWORD_ENV}_${i}` };
  });
  return parseConfig({ phone: { defaultCountry: 'US', extensionContext: 'monkey.com' }, auth: { mode: 'none' }, ...config, directories }, env, process.cwd(), 'test/servers/env.ts');
}

/** For ldaps:// and StartTLS against Samba: its CA and the host name in its certificate. */
export function sambaTls(): { ldapsUrl: string; caFile: string; servername: string } {
  const { samba } = testServers();
  return { ldapsUrl: samba.ldapsUrl, caFile: samba.caFile, servername: samba.tlsServername };
}

export interface DirectoryFacts {
  /** Display names of everyone Show All lists and a search can find, sorted. */
  listedNames: readonly string[];
  /** People present in the directory that must never be listed nor found. */
  hiddenNames: readonly string[];
  /** The fixture people by account name (mail is `<account>@monkey.com`). */
  byAccount: ReadonlyMap<string, FixturePerson>;
}

function facts(people: readonly FixturePerson[], extraListed: readonly string[]): DirectoryFacts {
  return {
    listedNames: [...people.filter((p) => !p.disabled).map((p) => p.displayName), ...extraListed].sort(),
    hiddenNames: people.filter((p) => p.disabled).map((p) => p.displayName),
    byAccount: new Map(people.map((p) => [p.account, p])),
  };
}

/** Samba: the fixture people under CN=Users plus the built-in Administrator; Disabled Dan hidden. */
export const SAMBA_FACTS: DirectoryFacts = facts(sambaFixture().people, SAMBA_BUILTIN_PEOPLE);
/** slapd: every inetOrgPerson under ou=people (more than SLAPD_SIZE_LIMIT). */
export const SLAPD_FACTS: DirectoryFacts & { sizeLimit: number } = { ...facts(slapdFixture().people, []), sizeLimit: SLAPD_SIZE_LIMIT };

/** A named fixture person by display name (throws for a typo, so tests fail loudly). */
export function namedPerson(displayName: string): FixturePerson & { mail: string } {
  const person = NAMED_PEOPLE.find((p) => p.displayName === displayName);
  if (!person) throw new Error(`no named fixture person "${displayName}"`);
  return { ...person, mail: mailOf(person) };
}
