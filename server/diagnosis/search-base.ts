/**
 * Step 4 of the directory check: does the search base exist? When it does not, the closest
 * parent that does (found by walking up the DN: ldapts does not pass on the server's matchedDN,
 * and Samba does not send one) and DNs that exist, read from the RootDSE.
 */
import { InvalidDNSyntaxError, NoSuchObjectError, type Client } from 'ldapts';
import type { CheckStep } from '../../src/shared/api';
import type { LdapDirectoryConfig } from '../config/schema';
import { parentDn } from '../directory/ldap/dn';
import { toDirectoryError, type ErrorContext } from '../directory/ldap/errors';
import { failed, failedWith, ok } from './steps';

async function exists(client: Client, dn: string): Promise<boolean> {
  try {
    await client.search(dn, { scope: 'base', filter: '(objectClass=*)', attributes: ['1.1'] });
    return true;
  } catch (error) {
    if (error instanceof NoSuchObjectError || error instanceof InvalidDNSyntaxError) return false;
    throw error;
  }
}

async function closestExistingParent(client: Client, dn: string): Promise<string | undefined> {
  for (let parent = parentDn(dn); parent !== undefined; parent = parentDn(parent)) {
    if (await exists(client, parent)) return parent;
  }
  return undefined;
}

const strings = (value: unknown): string[] => [value].flat().filter((v): v is string => typeof v === 'string' && v !== '');

/**
 * DNs that exist and may be what was meant: on Active Directory the domain's users container and
 * the domain itself (RootDSE defaultNamingContext); elsewhere the naming contexts.
 */
export async function suggestedBases(client: Client, config: Pick<LdapDirectoryConfig, 'searchBase'>): Promise<string[]> {
  const { searchEntries } = await client.search('', { scope: 'base', filter: '(objectClass=*)', attributes: ['defaultNamingContext', 'namingContexts'] });
  const root = searchEntries[0] ?? { dn: '' };
  const domain = strings(root['defaultNamingContext'])[0];
  const candidates = domain !== undefined ? [`CN=Users,${domain}`, domain] : strings(root['namingContexts']).filter((dn) => !/^cn=(schema|configuration|subschema)/i.test(dn));
  return candidates.filter((dn) => dn.toLowerCase() !== config.searchBase.toLowerCase());
}

export async function checkSearchBase(client: Client, config: LdapDirectoryConfig, context: ErrorContext): Promise<CheckStep> {
  const base = config.searchBase;
  try {
    await client.search(base, { scope: 'base', filter: '(objectClass=*)', attributes: ['1.1'] });
    return ok('searchBase', `${base} exists.`);
  } catch (error) {
    const mapped = toDirectoryError(error, 'search', context);
    if (!(error instanceof NoSuchObjectError) && !(error instanceof InvalidDNSyntaxError)) return failedWith('searchBase', mapped);
    // The hints are extras: if reading them fails too, the diagnosis above still stands without them.
    const suggestions = await suggestedBases(client, config).catch(() => []);
    const example = suggestions[0] ?? 'CN=Users,DC=example,DC=com';
    if (error instanceof InvalidDNSyntaxError) {
      return failed('searchBase', 'BASE_MALFORMED', mapped.message, `Write searchBase as a full DN, from the container up to the domain, e.g. ${example}.`, suggestions);
    }
    const parent = await closestExistingParent(client, base).catch(() => undefined);
    const where = parent === undefined ? ' None of its parents exist either: it is not in this directory.' : ` The closest existing parent is ${parent}.`;
    return failed('searchBase', 'BASE_NOT_FOUND', `${mapped.message}${where}`, `Set searchBase to the container that holds the people, e.g. ${example}.`, suggestions);
  }
}
