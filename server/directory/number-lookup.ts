/**
 * Reverse lookup (caller ID): the people of a directory with a phone that is a given number. A
 * directory with an index answers from its map of normalized numbers (IndexedDirectory); any other
 * directory — or an index still loading — through its own search: the number's national digits
 * as a digit search (on LDAP, the digit substring filter), then an exact comparison of the
 * normalized numbers of each person found.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { SEARCH_MAX_LIMIT, type Person } from '../../src/shared/api';
import { sameNumber, type NumberKey, type NumberKeys } from '../phone/number-key';
import type { Directory } from './directory';
import { byDisplayName } from './entry';

export interface PhoneMatch {
  person: Person;
  /** The first of the person's phones that is the number. */
  phoneIndex: number;
}

/** A Directory that answers reverse lookups itself. */
export interface NumberLookup {
  lookupNumber(key: NumberKey): Promise<PhoneMatch[]>;
}

export const answersNumbers = (directory: Directory): directory is Directory & NumberLookup =>
  typeof (directory as Partial<NumberLookup>).lookupNumber === 'function';

/** The people among `people` with a phone that is `key`, by display name. */
export function phoneMatches(people: readonly Person[], key: NumberKey, keys: NumberKeys): PhoneMatch[] {
  const matches: PhoneMatch[] = [];
  for (const person of [...people].sort(byDisplayName)) {
    const phoneIndex = person.phones.findIndex((phone) => sameNumber(key, keys.phoneKey(phone)));
    if (phoneIndex >= 0) matches.push({ person, phoneIndex });
  }
  return matches;
}

/**
 * The digits every spelling of the number contains: the national significant number of an E.164
 * number (`+44 (0)20 7946 0000`, `020 7946 0000` and `0044 20 7946 0000` all contain 2079460000),
 * or the extension itself.
 */
export function searchDigits(key: NumberKey): string | undefined {
  if (key.extension !== undefined) return key.extension.replace(/\D/g, '');
  if (key.e164 === undefined) return undefined;
  return parsePhoneNumberFromString(key.e164)?.nationalNumber;
}

/** Reverse lookup through Directory.search: at most SEARCH_MAX_LIMIT people with those digits are compared. */
export async function lookupBySearch(directory: Directory, key: NumberKey, keys: NumberKeys): Promise<PhoneMatch[]> {
  const digits = searchDigits(key);
  if (digits === undefined || digits.length < 3) return [];
  const { people } = await directory.search(digits, SEARCH_MAX_LIMIT);
  return phoneMatches(people, key, keys);
}

export function lookupNumberIn(directory: Directory, key: NumberKey, keys: NumberKeys): Promise<PhoneMatch[]> {
  return answersNumbers(directory) ? directory.lookupNumber(key) : lookupBySearch(directory, key, keys);
}
