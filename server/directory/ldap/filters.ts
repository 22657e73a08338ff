/**
 * Every LDAP filter Dialpane sends, built as ldapts filter objects: user input only ever becomes
 * an assertion value, which travels as raw UTF-8 bytes in the BER-encoded request, so `*`, `(`,
 * `)` and `\` typed by a user are literal characters and `Müller` is sent as the bytes of Müller.
 * `toString()` of these objects gives the RFC 4515 text (with escapes) for logs and tests.
 */
import { AndFilter, EqualityFilter, ExtensibleFilter, type Filter, FilterParser, NotFilter, OrFilter, SubstringFilter } from 'ldapts';
import { PHONE_KINDS } from '../../../src/shared/api';
import type { AttributeMap } from '../attributes';
import type { ParsedQuery } from '../query';

export type LdapKind = 'ad' | 'ldap';

/** LDAP_MATCHING_RULE_BIT_AND: true when every bit of the value is set in the attribute. */
export const MATCHING_RULE_BIT_AND = '1.2.840.113556.1.4.803';
/** userAccountControl ACCOUNTDISABLE. */
export const ACCOUNT_DISABLED = 2;

/**
 * Who counts as a person. ad: users that are people and not disabled,
 * `(&(objectCategory=person)(objectClass=user)(!(userAccountControl:1.2.840.113556.1.4.803:=2)))`;
 * ldap: `(objectClass=inetOrgPerson)`. The configured filter, when given, is ANDed to it.
 */
export function peopleFilter(kind: LdapKind, configured?: string): Filter {
  const base: Filter[] =
    kind === 'ad'
      ? [
          new EqualityFilter({ attribute: 'objectCategory', value: 'person' }),
          new EqualityFilter({ attribute: 'objectClass', value: 'user' }),
          new NotFilter({ filter: new ExtensibleFilter({ matchType: 'userAccountControl', rule: MATCHING_RULE_BIT_AND, value: String(ACCOUNT_DISABLED) }) }),
        ]
      : [new EqualityFilter({ attribute: 'objectClass', value: 'inetOrgPerson' })];
  if (configured !== undefined) base.push(parseConfiguredFilter(configured));
  return new AndFilter({ filters: base });
}

/**
 * Parses the administrator's filter. ldapts turns each `\xx` escape into one character, so an
 * escaped UTF-8 sequence such as `\c3\bc` (ü) would reach the server as two wrong characters;
 * runs of escaped bytes that form valid UTF-8 are decoded to the characters they spell first.
 */
export function parseConfiguredFilter(text: string): Filter {
  const decoded = text.replace(/(?:\\[89a-fA-F][0-9a-fA-F])+/g, (run) => {
    const bytes = Buffer.from(run.replace(/\\/g, ''), 'hex');
    const chars = bytes.toString('utf8');
    return Buffer.from(chars, 'utf8').equals(bytes) ? chars : run;
  });
  return FilterParser.parseString(decoded);
}

const prefix = (attribute: string, text: string): Filter => new SubstringFilter({ attribute, initial: text });

/** The name, mail and account attributes matched by prefix (cn too: it is the display name's fallback). */
function prefixAttributes(map: AttributeMap): string[] {
  return [...new Set([map.displayName, map.givenName, map.surname, map.mail, map.accountName, 'cn'])];
}

/**
 * The candidates of a search as you type, a superset of what `personMatches` accepts (the caller
 * post-filters with it for the exact answer):
 * - the whole text as a prefix of display name, given name, surname, mail or account name;
 * - two or more words, on Active Directory: Ambiguous Name Resolution, `(anr=John Sm)`, which the
 *   DC expands over its indexed ANR attributes to given name John* and surname Sm* (either way
 *   round) or any ANR attribute starting with the whole text. One word stays the prefix filters
 *   above: ANR would add offices and proxy addresses that the answer then drops anyway.
 * - two or more words elsewhere: every word starts the given name, the surname or a word of the
 *   display name (a medial substring: a full scan, which ANR spares Active Directory);
 * - three or more digits: those digits in that order inside a phone number. LDAP cannot strip
 *   formatting, so each digit is its own `any` component: `(telephoneNumber=*4*0*8*5*)`.
 */
export function searchFilter(query: ParsedQuery, map: AttributeMap, kind: LdapKind): Filter {
  const alternatives: Filter[] = prefixAttributes(map).map((attribute) => prefix(attribute, query.text));
  if (query.words.length > 1 && kind === 'ad') {
    alternatives.push(new EqualityFilter({ attribute: 'anr', value: query.text }));
  } else if (query.words.length > 1) {
    alternatives.push(
      new AndFilter({
        filters: query.words.map(
          (word) =>
            new OrFilter({
              filters: [
                prefix(map.givenName, word),
                prefix(map.surname, word),
                prefix(map.displayName, word),
                new SubstringFilter({ attribute: map.displayName, any: [` ${word}`] }),
              ],
            }),
        ),
      }),
    );
  }
  if (query.digits !== undefined) {
    const any = [...query.digits];
    for (const kind of PHONE_KINDS) alternatives.push(new SubstringFilter({ attribute: map[kind], any }));
  }
  return new OrFilter({ filters: alternatives });
}

/** True when `searchFilter` may return entries `personMatches` rejects, so more must be fetched. */
export function needsPostFilter(query: ParsedQuery): boolean {
  return query.words.length > 1 || query.digits !== undefined;
}

/** Attributes whose values are bytes: requested as buffers, compared as bytes. */
export const BINARY_ATTRIBUTES = ['objectGUID', 'objectSid', 'thumbnailPhoto', 'jpegPhoto'] as const;
const isBinary = (attribute: string): boolean => BINARY_ATTRIBUTES.some((b) => b.toLowerCase() === attribute.toLowerCase());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The filter finding one person by the stable id of the API, or undefined when the id cannot be
 * one (a 404, not an error). objectGUID ids are base64url of the 16 bytes, matched as bytes (the
 * filter object sends them as an octet string; toString shows them `\xx`-escaped); entryUUID ids
 * must look like a UUID; any other configured id attribute is matched as text.
 */
export function personIdFilter(personId: string, map: AttributeMap, guidBytes: (id: string) => Buffer | undefined): Filter | undefined {
  if (personId.length === 0 || personId.length > 256 || /[\u0000-\u001f\u007f]/.test(personId)) return undefined;
  if (isBinary(map.id)) {
    const bytes = map.id.toLowerCase() === 'objectguid' ? guidBytes(personId) : /^[A-Za-z0-9_-]+$/.test(personId) ? Buffer.from(personId, 'base64url') : undefined;
    return bytes === undefined || bytes.length === 0 ? undefined : new EqualityFilter({ attribute: map.id, value: bytes });
  }
  if (map.id.toLowerCase() === 'entryuuid' && !UUID.test(personId)) return undefined;
  return new EqualityFilter({ attribute: map.id, value: personId });
}

/** Attributes ldapts must hand over as Buffers, in the spellings the server may use. */
export function bufferAttributes(map: AttributeMap): string[] {
  return [...new Set<string>([...BINARY_ATTRIBUTES, map.photo, ...(isBinary(map.id) ? [map.id] : [])])];
}

/**
 * The entry with this exact DN, as a filter (for resolving a manager inside the search base, with
 * the people filter): AD has the DN as the attribute distinguishedName, OpenLDAP as entryDN.
 */
export function dnFilter(kind: LdapKind, dn: string): Filter {
  return new EqualityFilter({ attribute: kind === 'ad' ? 'distinguishedName' : 'entryDN', value: dn });
}
