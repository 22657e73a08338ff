import type { Logger } from 'pino';
import { ConfigError, unreadable, type LoadedConfig } from '../config/load';
import type { LdifDirectoryConfig } from '../config/schema';
import { startupWarnings } from '../config/warnings';
import { PhoneNormalizer } from '../phone/normalize';
import { NumberKeys } from '../phone/number-key';
import type { Directory } from './directory';
import { DirectoryIndex } from './index/directory-index';
import { IndexedDirectory } from './index/indexed-directory';
import { LdapIndexSource } from './index/ldap-index-source';
import { LdapDirectory } from './ldap-directory';
import { LdifSyntaxError } from './ldif';
import { LdifDirectory } from './ldif-directory';

export interface CreateOptions {
  /** Where start-up warnings go (certificate checks turned off, see config/warnings.ts), and index syncs. */
  logger?: Logger;
  /** False: live directories only, whatever `index` says (the doctor checks the directory, and must not start a full load of it). */
  indexes?: boolean;
}

/**
 * One Directory per configured entry, chosen by `kind`. An LDAP directory with `index.enabled`
 * comes wrapped in an IndexedDirectory whose index starts loading at once, in the background.
 */
export function createDirectories({ config, passwords }: LoadedConfig, options: CreateOptions = {}): Directory[] {
  for (const warning of startupWarnings(config)) options.logger?.warn(warning);
  const phones = new PhoneNormalizer(config.phone);
  const keys = new NumberKeys(config.phone);
  return config.directories.map((d, i) => {
    if (d.kind === 'ldif') return ldifDirectory(d, i, phones);
    const password = passwords.get(d.id);
    if (password === undefined) throw new Error(`no password was read for directory ${d.id}`);
    const live = new LdapDirectory(d, password, phones);
    if (!d.index.enabled || options.indexes === false) return live;
    const index = new DirectoryIndex(d.id, new LdapIndexSource(d, password, phones), keys, d.index, options.logger);
    return new IndexedDirectory(live, index, keys).start();
  });
}

/** The LDIF file is read at start: a file that is not LDIF (or not a file) is a configuration problem, not a crash. */
function ldifDirectory(d: LdifDirectoryConfig, i: number, phones: PhoneNormalizer): LdifDirectory {
  try {
    return new LdifDirectory(d.id, d.displayName, d.file, phones);
  } catch (error) {
    if (error instanceof LdifSyntaxError) throw new ConfigError([`directories[${i}].file: ${error.message}: point file at an LDIF export (RFC 2849) or fix that line`]);
    if (error !== null && typeof error === 'object' && 'code' in error) throw new ConfigError([`directories[${i}].file: ${d.file} ${unreadable(error)}: point file at an LDIF file this service can read`]);
    throw error;
  }
}
