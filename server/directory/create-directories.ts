import type { LoadedConfig } from '../config/load';
import { PhoneNormalizer } from '../phone/normalize';
import type { Directory } from './directory';
import { LdapDirectory } from './ldap-directory';
import { LdifDirectory } from './ldif-directory';

/** One Directory per configured entry, chosen by `kind`. */
export function createDirectories({ config, passwords }: LoadedConfig): Directory[] {
  const phones = new PhoneNormalizer(config.phone);
  return config.directories.map((d) => {
    if (d.kind === 'ldif') return new LdifDirectory(d.id, d.displayName, d.file, phones);
    const password = passwords.get(d.id);
    if (password === undefined) throw new Error(`no password was read for directory ${d.id}`);
    return new LdapDirectory(d, password, phones);
  });
}
