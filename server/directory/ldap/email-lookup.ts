/**
 * The email lookup on LDAP: every address of a message in ONE search, an OR of escaped equality
 * filters, `(|(mail=a)(proxyAddresses=smtp:a)(proxyAddresses=SMTP:a)(mail=b)…)`, ANDed with the
 * people filter by the caller. Equality filters use the attribute's index on every directory
 * (AD indexes mail and proxyAddresses), so a message with 50 recipients costs one indexed search
 * instead of 50 round trips.
 */
import { EqualityFilter, type Filter, OrFilter } from 'ldapts';
import type { Person } from '../../../src/shared/api';
import type { AttributeMap } from '../attributes';
import { addressedPerson, chunked, matchAddresses, uniqueAddresses, type AddressedPerson } from '../email-match';
import { requestedAttributes, type AttributeBag } from '../entry';

/**
 * Addresses per search. A message rarely has more than the API's 100; a bigger list is split
 * only to keep one filter well below the request sizes servers accept.
 */
export const LOOKUP_CHUNK = 100;

/**
 * The filter for `addresses`. Values travel as BER octet strings, never as filter text, so an
 * address holding `*`, `(` or `)` is literal. On AD both prefixes are asked for: AD compares
 * proxyAddresses case-insensitively, but a directory with an AD-like schema may compare it
 * exactly, and the primary address is written `SMTP:`, aliases `smtp:`.
 */
export function emailLookupFilter(addresses: readonly string[], mailAttribute: string, proxyAttribute: string | undefined): Filter {
  const filters: Filter[] = [];
  for (const address of addresses) {
    filters.push(new EqualityFilter({ attribute: mailAttribute, value: address }));
    if (proxyAttribute !== undefined) {
      filters.push(new EqualityFilter({ attribute: proxyAttribute, value: `smtp:${address}` }));
      filters.push(new EqualityFilter({ attribute: proxyAttribute, value: `SMTP:${address}` }));
    }
  }
  return new OrFilter({ filters });
}

/** Room for a few entries per address (shared mailboxes, duplicates) without ever asking for more than AD's page of 1,000. */
export const lookupSizeLimit = (addresses: number): number => Math.min(1000, addresses * 4 + 10);

export interface LdapEmailLookup {
  map: AttributeMap;
  /** True on Active Directory: proxyAddresses exists there. */
  withProxyAddresses: boolean;
  /** One LDAP search of the people matching `filter` (the caller adds its people filter). */
  search(filter: Filter, attributes: string[], sizeLimit: number): Promise<AttributeBag[]>;
  toPerson(bag: AttributeBag): Person | undefined;
}

export async function lookupByEmail(addresses: readonly string[], ldap: LdapEmailLookup): Promise<Map<string, Person>> {
  const wanted = uniqueAddresses(addresses);
  // proxyAddresses exists on Active Directory; the attribute map may name it differently.
  const proxy = ldap.withProxyAddresses ? ldap.map.proxyAddresses : undefined;
  const attributes = [...new Set([...requestedAttributes(ldap.map), ...(proxy === undefined ? [] : [proxy])])];
  const candidates: AddressedPerson[] = [];
  // One after the other: a message is one part; more parts would only compete for the connection.
  for (const part of chunked(wanted, LOOKUP_CHUNK)) {
    const bags = await ldap.search(emailLookupFilter(part, ldap.map.mail, proxy), attributes, lookupSizeLimit(part.length));
    for (const bag of bags) {
      const person = ldap.toPerson(bag);
      if (person !== undefined) candidates.push(addressedPerson(bag, person, ldap.map.mail, proxy));
    }
  }
  return matchAddresses(wanted, candidates);
}
