/** The email lookup's LDAP filter (one OR for every address, escaped) and how answers map back to addresses. */
import { emailLookupFilter, lookupSizeLimit } from '../../server/directory/ldap/email-lookup';
import { addressedPerson, chunked, matchAddresses, uniqueAddresses } from '../../server/directory/email-match';
import { AttributeBag } from '../../server/directory/entry';
import type { Person } from '../../src/shared/api';

const person = (id: string, displayName: string): Person => ({ id, displayName, phones: [] });
function bag(values: Record<string, string[]>): AttributeBag {
  const b = new AttributeBag('cn=x');
  for (const [name, list] of Object.entries(values)) for (const v of list) b.add(name, v);
  return b;
}

describe('email lookup filter', () => {
  test('when two addresses are looked up on AD, then one OR holds mail and both proxyAddresses prefixes for each', () => {
    expect(emailLookupFilter(['sam@monkey.com', 'Priya.Patel@monkey.co.uk'], 'mail', 'proxyAddresses').toString()).toBe(
      '(|(mail=sam@monkey.com)(proxyAddresses=smtp:sam@monkey.com)(proxyAddresses=SMTP:sam@monkey.com)(mail=Priya.Patel@monkey.co.uk)(proxyAddresses=smtp:Priya.Patel@monkey.co.uk)(proxyAddresses=SMTP:Priya.Patel@monkey.co.uk))',
    );
  });

  test('when the directory is plain LDAP, then only mail (or its mapped attribute) is asked', () => {
    expect(emailLookupFilter(['sam@monkey.com'], 'rfc822Mailbox', undefined).toString()).toBe('(|(rfc822Mailbox=sam@monkey.com))');
  });

  test('when an address holds filter characters, then they are escaped values, not filter syntax', () => {
    expect(emailLookupFilter(['*)(uid=*@x'], 'mail', undefined).toString()).toBe('(|(mail=\\2a\\29\\28uid=\\2a@x))');
  });

  test.each([
    [1, 14],
    [50, 210],
    [100, 410],
    [1000, 1000],
  ])('when %i addresses are asked, then the size limit is %i', (n, limit) => {
    expect(lookupSizeLimit(n)).toBe(limit);
  });

  test('when a list is chunked, then parts keep order and size', () => {
    expect(chunked([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
});

describe('matching answers to addresses', () => {
  const sam = person('1', 'Sam Carter');
  const priya = person('2', 'Priya Patel');
  const former = person('3', 'Aaron Former');

  test('when addresses repeat in other cases or with spaces, then each is kept once in its first spelling', () => {
    expect(uniqueAddresses([' A@x.io', 'a@X.io', 'b@x.io', ''])).toEqual(['A@x.io', 'b@x.io']);
  });

  test('when an entry holds an smtp: alias, a SIP and an X500 address, then only mail and smtp: entries count', () => {
    const entry = addressedPerson(bag({ mail: ['PPatel@monkey.com'], proxyAddresses: ['SMTP:ppatel@monkey.com', 'smtp:Priya.Patel@monkey.co.uk', 'SIP:priya@monkey.com', 'X500:/o=Monkey/cn=ppatel'] }), priya, 'mail', 'proxyAddresses');
    expect(entry).toEqual({ person: priya, mail: ['ppatel@monkey.com'], aliases: ['ppatel@monkey.com', 'priya.patel@monkey.co.uk'] });
    expect(addressedPerson(bag({ mail: ['x@y.z'], proxyAddresses: ['smtp:alias@y.z'] }), priya, 'mail', undefined).aliases).toEqual([]);
  });

  test('when a stale alias of a former colleague names someone else\'s mail, then the mail owner wins, whatever the order', () => {
    const candidates = [
      { person: former, mail: ['former@monkey.com'], aliases: ['sam@monkey.com'] },
      { person: sam, mail: ['sam@monkey.com'], aliases: [] },
    ];
    expect(matchAddresses(['SAM@monkey.com'], candidates)).toEqual(new Map([['sam@monkey.com', sam]]));
    expect(matchAddresses(['sam@monkey.com'], [...candidates].reverse())).toEqual(new Map([['sam@monkey.com', sam]]));
  });

  test('when two entries share an address the same way, then the first by display name answers', () => {
    const candidates = [
      { person: sam, mail: ['team@monkey.com'], aliases: [] },
      { person: former, mail: ['team@monkey.com'], aliases: [] },
    ];
    expect(matchAddresses(['team@monkey.com'], candidates).get('team@monkey.com')).toBe(former);
  });
});
