import type { Logger } from 'pino';
import type { LoadedConfig } from '../config/load';
import { startupWarnings } from '../config/warnings';
import { PhoneNormalizer } from '../phone/normalize';
import type { Directory } from './directory';
import { LdapDirectory } from './ldap-directory';
import { LdifDirectory } from './ldif-directory';

export interface CreateOptions {
  /** Where start-up warnings go (certificate checks turned off, see config/warnings.ts). */
  logger?: Logger;
}

/** One Directory per configured entry, chosen by `kind`. */
export function createDirectories({ config, passwords }: LoadedConfig, options: CreateOptions = {}): Directory[] {
  for (const warning of startupWarnings(config)) options.logger?.warn(warning);
  const phones = new PhoneNormalizer(config.phone);
  return config.directories.map((d) => {
    if (d.kind === 'ldif') return new LdifDirectory(d.id, d.displayName, d.file, phones);
    const password = passwords.get(d.id);
    if (password === undefined) throw new Error(`no password was read for directory ${d.id}`);
    return new LdapDirectory(d, password, phones);
  });
}
