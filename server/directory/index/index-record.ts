/**
 * One person as the directory index keeps them: the Person serialized once, exactly as the API
 * sends it in lists, plus what searches compare, precomputed and folded the way personMatches
 * folds (query.ts), so answering a search never folds or serializes anything per person.
 *
 * Compact on purpose (the index holds every person of the search base): no arrays per person —
 * name words and phone digits are joined into one string each — and the values thousands of
 * people share (given names, surnames) are one string each through an Interner. Unique values (ids,
 * mail, display names) are not interned: the interner's map would cost more than it saves.
 */
import type { Person } from '../../../src/shared/api';
import type { NumberKeys } from '../../phone/number-key';
import { numberMapKey } from '../../phone/number-key';
import { fold, nameWords, phoneDigits } from '../query';
import type { Interner } from './interner';

/** A person as a source (LDAP, a file) delivers it, with the addresses the email lookup matches. */
export interface SourcePerson {
  person: Person;
  /** Lower-case `mail` values. */
  mails: readonly string[];
  /** Lower-case `smtp:` addresses of proxyAddresses (Active Directory), without the prefix. */
  aliases: readonly string[];
}

/** Separates the parts of the joined strings; never a character of a folded word or a digit. */
export const WORD_SEPARATOR = ' ';
export const DIGIT_SEPARATOR = '|';

export class IndexRecord {
  constructor(
    readonly id: string,
    /** Raw display name: with id, the sort key (byDisplayName). */
    readonly displayName: string,
    /** JSON of the Person, as lists answer it. */
    readonly json: string,
    /** Folded display name, given name, surname, mail and account name (undefined when absent). */
    readonly display: string,
    readonly given: string | undefined,
    readonly surname: string | undefined,
    readonly mail: string | undefined,
    readonly account: string | undefined,
    /** ` word word …`: each folded name word preceded by a space, so ` ${w}` is found iff a word starts with w. */
    readonly words: string,
    /** Digits of each phone, `|`-separated, so a digit run never spans two numbers. */
    readonly digits: string,
    /** Reverse-lookup map keys of the phones (`+14085550100`, `x4100`), space-separated. */
    readonly numbers: string,
    /** Email lookup keys: mails, then aliases, space-separated; `mailCount` of them are mails. */
    readonly emails: string,
    readonly mailCount: number,
  ) {}

  /** The folded values a search matches by prefix. */
  prefixes(): string[] {
    const list = [this.display];
    for (const v of [this.given, this.surname, this.mail, this.account]) if (v !== undefined && !list.includes(v)) list.push(v);
    return list;
  }

  person(): Person {
    return JSON.parse(this.json) as Person;
  }
}

const optionalFold = (value: string | undefined, intern: Interner): string | undefined => (value === undefined ? undefined : intern.of(fold(value)));

export function indexRecord(source: SourcePerson, keys: NumberKeys, intern: Interner): IndexRecord {
  const { person } = source;
  const words = [...new Set(nameWords(person).filter((w) => w !== ''))];
  const numbers: string[] = [];
  for (const phone of person.phones) {
    const key = keys.phoneKey(phone);
    const mapKey = key && numberMapKey(key);
    if (mapKey !== undefined && !numbers.includes(mapKey)) numbers.push(mapKey);
  }
  const emails = [...new Set([...source.mails, ...source.aliases])];
  const mailCount = new Set(source.mails).size;
  return new IndexRecord(
    person.id,
    person.displayName,
    JSON.stringify(person),
    fold(person.displayName),
    optionalFold(person.givenName, intern),
    optionalFold(person.surname, intern),
    person.mail === undefined ? undefined : fold(person.mail),
    person.accountName === undefined ? undefined : fold(person.accountName),
    words.length === 0 ? '' : `${WORD_SEPARATOR}${words.join(WORD_SEPARATOR)}`,
    person.phones.map((p) => phoneDigits(p.raw)).join(DIGIT_SEPARATOR),
    numbers.join(' '),
    emails.join(' '),
    mailCount,
  );
}
