/**
 * Sign-in as the configuration asks for it: the directories people sign in against (each with its
 * own service-account lookups) and the token signing key. createApp builds the services from this;
 * tests pass their own key and clock here, explicitly.
 */
import type { LoadedConfig } from '../config/load';
import { isLoopbackHost, signInDirectoryIds } from '../config/auth-schema';
import type { LdapDirectoryConfig } from '../config/schema';
import { endpointsOf } from '../directory/ldap/endpoint';
import { ownershipOf } from '../dial/own-device';
import { PhoneNormalizer } from '../phone/normalize';
import { LdapAccounts } from './ldap-accounts';
import type { AccountDirectory } from './sign-in-service';
import { generatedSigningKey } from './signing-key';
import type { DirectorySummary } from '../../src/shared/api';

export interface AuthDeps {
  directories: { summary: DirectorySummary; accounts: AccountDirectory }[];
  signingKey: Uint8Array;
  /** Clock of tokens and limits (ms); tests pass one so nothing waits. */
  now?: () => number;
  /** Closes the directories' sign-in connections. */
  close(): Promise<void>;
}

export interface CreateAuthOptions {
  /** Instead of auth.secretFile / secretEnv / the key generated into server.dataDir. */
  signingKey?: Uint8Array;
  now?: () => number;
}

/** Undefined when auth.mode is "none". */
export function createAuth(loaded: LoadedConfig, options: CreateAuthOptions = {}): AuthDeps | undefined {
  const { config } = loaded;
  if (config.auth.mode === 'none') return undefined;
  const ids = new Set(signInDirectoryIds(config));
  const phones = new PhoneNormalizer(config.phone);
  const directories = config.directories
    .filter((d): d is LdapDirectoryConfig => d.kind !== 'ldif' && ids.has(d.id))
    .map((d) => {
      const password = loaded.passwords.get(d.id);
      if (password === undefined) throw new Error(`no password was read for directory ${d.id}`);
      return { summary: { id: d.id, displayName: d.displayName }, accounts: new LdapAccounts(d, password, phones) };
    });
  return {
    directories,
    signingKey: options.signingKey ?? loaded.signingSecret ?? generatedSigningKey(config.server.dataDir),
    ...(options.now === undefined ? {} : { now: options.now }),
    close: async () => {
      await Promise.all(directories.map((d) => d.accounts.close()));
    },
  };
}

/** What an administrator should hear at start: settings that work but weaken sign-in. */
export function authWarnings({ config }: Pick<LoadedConfig, 'config'>): string[] {
  if (config.auth.mode === 'none') return [];
  const warnings: string[] = [];
  const ids = new Set(signInDirectoryIds(config));
  for (const d of config.directories) {
    if (d.kind === 'ldif' || !ids.has(d.id)) continue;
    for (const { scheme, host, server } of endpointsOf(d)) {
      if (scheme === 'ldap' && !d.startTls && !isLoopbackHost(host)) {
        warnings.push(`directory "${d.id}": people's passwords go to ${server} unencrypted when they sign in: use an ldaps:// url or startTls: true`);
      }
    }
  }
  for (const d of config.dialers) {
    if (ownershipOf(d) === 'shared') {
      warnings.push(`dialer "${d.id}" rings the same phone whoever asks, so it is not offered once people sign in: set its device from the person, e.g. device: "{user.ipPhone}" (WebDialer: profile.user: "{user.account}")`);
    }
  }
  return warnings;
}
