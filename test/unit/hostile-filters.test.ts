/**
 * Property-based (fast-check): whatever a person types — filter syntax, NULs, backslashes,
 * astral characters, random bytes — the LDAP filters built from it carry it only as assertion
 * values. The filter's shape (operators, attributes, number of components) depends on the text's
 * word count and digits alone, never on its characters; the BER the wire carries decodes to the
 * same filter; and the RFC 4515 text form parses back to it (escaping is complete).
 */
import fc from 'fast-check';
import { BerReader, BerWriter, type Filter, FilterParser } from 'ldapts';
import { identityFilter } from '../../server/auth/account-filter';
import { parseIdentity, type Identity } from '../../server/auth/identity';
import { attributeMap } from '../../server/directory/attributes';
import { guidBytesFromId } from '../../server/directory/entry';
import { personIdFilter, searchFilter } from '../../server/directory/ldap/filters';
import { parseQuery, type ParsedQuery } from '../../server/directory/query';
import { leaves, shape } from '../support/filter-shape';
import { hostileText } from '../support/hostile';

const ad = attributeMap('ad');
const ldap = attributeMap('ldap');

/** Same operators, attributes (servers compare them case-insensitively; the BER reader lowercases them) and values. */
function sameFilter(actual: Filter, expected: Filter): void {
  expect(shape(actual)).toBe(shape(expected));
  expect(leaves(actual).map((l) => l.value)).toEqual(leaves(expected).map((l) => l.value));
}

function roundTrips(filter: Filter): void {
  const writer = new BerWriter();
  filter.write(writer);
  sameFilter(FilterParser.parse(new BerReader(writer.buffer)), filter);
  sameFilter(FilterParser.parseString(filter.toString()), filter);
}

/** Keeps what decides the filter's shape (spaces, digits, phone punctuation), turns every other UTF-16 unit into "a". */
const benign = (text: string): string => text.replace(/[^\d\s+().\-/]/g, 'a');

function tryParse(text: string): ParsedQuery | undefined {
  try {
    return parseQuery(text);
  } catch {
    return undefined;
  }
}

// Hundreds of generated cases per test: more than Jest's default 5 s on a slow machine.
jest.setTimeout(60_000);

describe('search filters from hostile text', () => {
  it('carry the text only as values, in a shape that does not depend on its characters, and encode faithfully', () => {
    fc.assert(
      fc.property(hostileText, (typed) => {
        const query = tryParse(typed);
        if (query === undefined) return;
        for (const [map, kind] of [[ad, 'ad'], [ldap, 'ldap']] as const) {
          const filter = searchFilter(query, map, kind);
          const allowed = new Set([query.text, ...query.words, ...query.words.map((w) => ` ${w}`), ...[...(query.digits ?? '')]]);
          expect(leaves(filter).filter((l) => !allowed.has(l.value))).toEqual([]);
          const twin = tryParse(benign(query.text));
          expect(twin).toBeDefined();
          expect(shape(filter)).toBe(shape(searchFilter(twin as ParsedQuery, map, kind)));
          roundTrips(filter);
        }
      }),
      { numRuns: 1500 },
    );
  });
});

describe('sign-in lookups from hostile user names', () => {
  const parts = (identity: Exclude<Identity, { form: 'dn' }>): string[] => (identity.form === 'upn' ? [identity.upn, identity.local] : [identity.account]);
  const SHAPES = new Set(['(userprincipalname=_)', '(|(userprincipalname=_)(samaccountname=_))', '(samaccountname=_)', '(mail=_)', '(uid=_)']);

  it('put the typed name only into equality values of the account attributes', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, hostileText.map((t) => `${t}@monkey.com`), hostileText.map((t) => `MONKEY\\${t}`)), (typed) => {
        const identity = parseIdentity(typed);
        if (identity === undefined || identity.form === 'dn') return;
        for (const [kind, map] of [['ad', ad], ['ldap', ldap]] as const) {
          const filter = identityFilter(identity, kind, map, 'CN=Users,DC=monkey,DC=com');
          expect(SHAPES.has(shape(filter))).toBe(true);
          expect(leaves(filter).map((l) => l.value).filter((v) => !parts(identity).includes(v))).toEqual([]);
          roundTrips(filter);
        }
      }),
      { numRuns: 1500 },
    );
  });
});

describe('person ids from hostile path segments', () => {
  it('are either no filter (404) or one equality on the id attribute', () => {
    fc.assert(
      fc.property(fc.oneof(hostileText, fc.base64String({ maxLength: 30 }).map((b) => b.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''))), (id) => {
        for (const map of [ad, ldap]) {
          const filter = personIdFilter(id, map, guidBytesFromId);
          if (filter === undefined) continue;
          expect(shape(filter)).toBe(`(${map.id.toLowerCase()}=_)`);
          roundTrips(filter);
        }
      }),
      { numRuns: 1500 },
    );
  });
});
