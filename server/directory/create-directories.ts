import type { Logger } from 'pino';
import type { LoadedConfig } from '../config/load';
import { startupWarnings } from '../config/warnings';
import { PhoneNormalizer } from '../phone/normalize';
import { NumberKeys } from '../phone/number-key';
import type { Directory } from './directory';
import { DirectoryIndex } from './index/directory-index';
import { IndexedDirectory } from './index/indexed-directory';
import { LdapIndexSource } from './index/ldap-index-source';
import { LdapDirectory } from './ldap-directory';
import { LdifDirectory } from './ldif-directory';

export interface CreateOptions {
  /** Where start-up warnings go (certificate checks turned off, see config/warnings.ts), and index syncs. */
  logger?: Logger;
}

/**
 * One Directory per configured entry, chosen by `kind`. An LDAP directory with `index.enabled`
 * comes wrapped in an IndexedDirectory whose index starts loading at once, in the background.
 */
export function createDirectories({ config, passwords }: LoadedConfig, options: CreateOptions = {}): Directory[] {
  for (const warning of startupWarnings(config)) options.logger?.warn(warning);
  const phones = new PhoneNormalizer(config.phone);
  const keys = new NumberKeys(config.phone);
  return config.directories.map((d) => {
    if (d.kind === 'ldif') return new LdifDirectory(d.id, d.displayName, d.file, phones);
    const password = passwords.get(d.id);
    if (password === undefined) throw new Error(`no password was read for directory ${d.id}`);
    const live = new LdapDirectory(d, password, phones);
    if (!d.index.enabled) return live;
    const index = new DirectoryIndex(d.id, new LdapIndexSource(d, password, phones), keys, d.index, options.logger);
    return new IndexedDirectory(live, index, keys).start();
  });
}
