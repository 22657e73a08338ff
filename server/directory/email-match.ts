/**
 * Matching email addresses to people, the same way for every backend: an entry answers to its
 * `mail` and, on Active Directory, to the `smtp:` entries of proxyAddresses (Exchange's list of
 * the addresses that deliver to a mailbox: `SMTP:` the primary one, `smtp:` the aliases).
 * Addresses compare case-insensitively, as mail systems and AD's matching rules do.
 */
import type { Person } from '../../src/shared/api';
import { byDisplayName, type AttributeBag } from './entry';

export const PROXY_ADDRESSES = 'proxyAddresses';
const SMTP_PREFIX = /^smtp:/i;

export const addressKey = (address: string): string => address.trim().toLowerCase();

/** A person with the addresses their entry answers to (lowercased). */
export interface AddressedPerson {
  person: Person;
  mail: string[];
  aliases: string[];
}

/** @param proxyAttribute the proxyAddresses attribute (AD), or undefined where the directory has none. */
export function addressedPerson(bag: AttributeBag, person: Person, mailAttribute: string, proxyAttribute: string | undefined): AddressedPerson {
  const mail = bag.strings(mailAttribute).map(addressKey).filter(Boolean);
  const aliases = proxyAttribute !== undefined
    ? bag
        .strings(proxyAttribute)
        .filter((value) => SMTP_PREFIX.test(value))
        .map((value) => addressKey(value.replace(SMTP_PREFIX, '')))
        .filter(Boolean)
    : [];
  return { person, mail, aliases };
}

/** The addresses once each (case-insensitively), in their first spelling. */
export function uniqueAddresses(addresses: readonly string[]): string[] {
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const address of addresses) {
    const key = addressKey(address);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    unique.push(address.trim());
  }
  return unique;
}

/**
 * For each wanted address, the person it belongs to. When two entries claim one address (a stale
 * alias left on a former colleague's entry), the one whose `mail` it is wins over an alias, then
 * the first by display name, so the answer never depends on the order the server sent.
 */
export function matchAddresses(wanted: readonly string[], candidates: readonly AddressedPerson[]): Map<string, Person> {
  const ordered = [...candidates].sort((a, b) => byDisplayName(a.person, b.person));
  const found = new Map<string, Person>();
  for (const address of wanted) {
    const key = addressKey(address);
    const person = ordered.find((c) => c.mail.includes(key))?.person ?? ordered.find((c) => c.aliases.includes(key))?.person;
    if (person !== undefined) found.set(key, person);
  }
  return found;
}

/** Splits a list into parts of at most `size`. */
export function chunked<T>(items: readonly T[], size: number): T[][] {
  const parts: T[][] = [];
  for (let i = 0; i < items.length; i += size) parts.push(items.slice(i, i + size));
  return parts;
}
