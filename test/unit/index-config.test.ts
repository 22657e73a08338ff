/**
 * The index's configuration keys (server/config/schema.ts): `index: on | off`, or its settings,
 * which mean on; and which directories createDirectories wraps in an index.
 */
import { ConfigError, parseConfig } from '../../server/config/load';
import { INDEX_DEFAULTS } from '../../server/config/schema';
import { createDirectories } from '../../server/directory/create-directories';
import { IndexedDirectory } from '../../server/directory/index/indexed-directory';
import { LdapDirectory } from '../../server/directory/ldap-directory';
import { LdifDirectory } from '../../server/directory/ldif-directory';
import { DEMO_LDIF_PATH } from '../../server/directory/demo';

const directory = { id: 'corp', displayName: 'Monkey HQ', kind: 'ad', url: 'ldap://127.0.0.1:1', bindUser: 'svc@monkey.com', passwordEnv: 'CORP_PW', searchBase: 'CN=Users,DC=monkey,DC=com' };
const env = { CORP_PW: 's3cret' };

const indexOf = (index: unknown): unknown => {
  const loaded = parseConfig({ directories: [{ ...directory, ...(index === undefined ? {} : { index }) }] }, env, '/tmp');
  const d = loaded.config.directories[0];
  return d?.kind === 'ldif' ? undefined : d?.index;
};

function problems(index: unknown): string[] {
  try {
    indexOf(index);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('index configuration', () => {
  it('when index is not set, then it is on with the documented defaults', () => {
    expect(indexOf(undefined)).toEqual({ enabled: true, syncIntervalSeconds: 60, deletionCheckEvery: 10, fullReloadEvery: 1440, maxPeople: 500_000 });
    expect(INDEX_DEFAULTS).toEqual({ syncIntervalSeconds: 60, deletionCheckEvery: 10, fullReloadEvery: 1440, maxPeople: 500_000 });
  });

  it.each([
    ['on', true],
    ['off', false],
    [true, true],
    [false, false],
  ])('when index is %j, then the index is enabled: %s', (value, enabled) => {
    expect(indexOf(value)).toEqual({ enabled, ...INDEX_DEFAULTS });
  });

  it('when settings are given, then they mean on and the rest keep their defaults', () => {
    expect(indexOf({ syncIntervalSeconds: 5, deletionCheckEvery: 0 })).toEqual({ ...INDEX_DEFAULTS, enabled: true, syncIntervalSeconds: 5, deletionCheckEvery: 0 });
  });

  it.each([
    ['of', 'directories[0].index: must be on, off, or the index settings (syncIntervalSeconds, deletionCheckEvery, fullReloadEvery, maxPeople)'],
    [3, 'directories[0].index: must be on, off, or the index settings (syncIntervalSeconds, deletionCheckEvery, fullReloadEvery, maxPeople)'],
    [{ syncIntervalSeconds: 0 }, 'directories[0].index.syncIntervalSeconds: 0 is too small: use 1 or more'],
    [{ maxPeople: 1.5 }, 'directories[0].index.maxPeople: must be int, not number'],
    [{ enabled: true }, 'directories[0].index: unknown key "enabled": remove it or check the spelling against the configuration reference in the README'],
  ])('when index is %j, then the configuration is refused naming the key: %s', (value, problem) => {
    expect(problems(value)).toEqual([problem]);
  });

  it('when a directory is indexed, then createDirectories wraps it; off stays the live directory; an LDIF file never has one', async () => {
    const loaded = parseConfig(
      {
        directories: [
          { ...directory, index: { syncIntervalSeconds: 3600 } },
          { ...directory, id: 'live', index: 'off' },
          { id: 'demo', displayName: 'Demo', kind: 'ldif', file: DEMO_LDIF_PATH },
        ],
      },
      env,
      '/tmp',
    );
    const directories = createDirectories(loaded);
    try {
      expect(directories.map((d) => d.constructor)).toEqual([IndexedDirectory, LdapDirectory, LdifDirectory]);
      const indexed = directories[0] as IndexedDirectory;
      expect(indexed.index.settings.syncIntervalSeconds).toBe(3600);
    } finally {
      await Promise.all(directories.map((d) => d.close()));
    }
    // The doctor checks each directory live and must not start a full read of it.
    const live = createDirectories(loaded, { indexes: false });
    try {
      expect(live.map((d) => d.constructor)).toEqual([LdapDirectory, LdapDirectory, LdifDirectory]);
    } finally {
      await Promise.all(live.map((d) => d.close()));
    }
  });
});
