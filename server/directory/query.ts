/**
 * What the user typed, split into the parts a directory matches: words (prefix of a name, mail or
 * account) and digits (a run inside a phone number). Shared by every Directory so they agree.
 */
import { badQuery } from '../errors';
import { SEARCH_MAX_QUERY_LENGTH, SEARCH_MIN_LENGTH, type Person } from '../../src/shared/api';

export interface ParsedQuery {
  /** The whole text, trimmed, spaces collapsed. */
  text: string;
  /** Words, for "John Sm" = given name John + surname Sm. */
  words: string[];
  /** Digits when the text looks like part of a phone number (3 or more digits), else undefined. */
  digits: string | undefined;
}

export const MIN_PHONE_DIGITS = 3;

export function parseQuery(input: unknown): ParsedQuery {
  if (typeof input !== 'string') throw badQuery('The search text is missing.', 'Pass the text to search as ?q=…, or no q and a cursor for Show All.');
  // Control characters never belong in a name and break some servers' filter parsers.
  const text = input.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
  if (text.length < SEARCH_MIN_LENGTH) throw badQuery(`The search text is shorter than ${SEARCH_MIN_LENGTH} characters.`, `Type at least ${SEARCH_MIN_LENGTH} characters, or use Show All.`);
  if (text.length > SEARCH_MAX_QUERY_LENGTH) throw badQuery(`The search text is longer than ${SEARCH_MAX_QUERY_LENGTH} characters.`, 'Search by the start of a name, an e-mail address or part of a phone number.');
  const digitsOnly = /^[+\d\s().\-/]+$/.test(text) ? text.replace(/\D/g, '') : '';
  return {
    text,
    words: text.split(' '),
    digits: digitsOnly.length >= MIN_PHONE_DIGITS ? digitsOnly : undefined,
  };
}

/** How names and search text are compared: NFC, then lower case. The index folds with the same function. */
export const fold = (s: string): string => s.normalize('NFC').toLocaleLowerCase();

/** The digits of a phone value, whatever its formatting: what digit searches run against. */
export const phoneDigits = (raw: string): string => raw.replace(/\D/g, '');

/** The words of a person's names that each word of a multi-word search may start ("John Sm"). */
export function nameWords(person: Pick<Person, 'displayName' | 'givenName' | 'surname'>): string[] {
  return [person.displayName, person.givenName, person.surname].filter((v): v is string => v !== undefined).flatMap((v) => fold(v).split(/[\s,]+/));
}

function startsWith(value: string | undefined, prefix: string): boolean {
  return value !== undefined && fold(value).startsWith(prefix);
}

/**
 * The in-memory meaning of a search; LDAP filters are built to match the same people, and the
 * directory index (index/people-index.ts) answers exactly this, faster (a property test checks it).
 */
/** What personMatches reads of a person: a Person, or a sketch of one whose phones are still raw (entry.ts). */
export type Matchable = Pick<Person, 'displayName' | 'givenName' | 'surname' | 'mail' | 'accountName'> & { phones: readonly { raw: string }[] };

export function personMatches(person: Matchable, query: ParsedQuery): boolean {
  if (query.digits !== undefined && person.phones.some((p) => phoneDigits(p.raw).includes(query.digits!))) return true;
  const whole = fold(query.text);
  if ([person.displayName, person.givenName, person.surname, person.mail, person.accountName].some((v) => startsWith(v, whole))) return true;
  // "John Sm": every word is the start of some word of the name.
  if (query.words.length > 1) {
    const words = nameWords(person);
    return query.words.every((w) => words.some((n) => n.startsWith(fold(w))));
  }
  return false;
}
