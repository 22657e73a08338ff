/**
 * Email addresses of the people of an LDIF directory, for lookups in memory: `mail` and the `smtp:`
 * entries of proxyAddresses (the demo follows Active Directory), mapped to the people the
 * directory lists (disabled accounts are not among them).
 */
import type { Person } from '../../src/shared/api';
import { addressedPerson, PROXY_ADDRESSES, type AddressedPerson } from './email-match';
import { byDisplayName, personIdFrom, type AttributeBag } from './entry';

/** The LDIF directory's id attribute (it reads AD attribute names with entryUUID as the id). */
const ID_ATTRIBUTE = 'entryUUID';

export function emailIndex(bags: readonly AttributeBag[], people: ReadonlyMap<string, Person>): Map<string, Person> {
  const candidates: AddressedPerson[] = [];
  for (const bag of bags) {
    const id = personIdFrom(bag.all(ID_ATTRIBUTE)[0]);
    const person = id === undefined ? undefined : people.get(id);
    if (person !== undefined) candidates.push(addressedPerson(bag, person, 'mail', PROXY_ADDRESSES));
  }
  // The precedence of matchAddresses (mail before alias, then by name), built in two passes.
  const ordered = candidates.sort((a, b) => byDisplayName(a.person, b.person));
  const index = new Map<string, Person>();
  for (const c of ordered) for (const key of c.mail) if (!index.has(key)) index.set(key, c.person);
  for (const c of ordered) for (const key of c.aliases) if (!index.has(key)) index.set(key, c.person);
  return index;
}
