/**
 * Filter building for LDAP and Active Directory: the text form (RFC 4515, for reading) and the
 * bytes that go on the wire (BER), where user input must arrive as literal UTF-8 assertion values.
 */
import { BerWriter, type Filter } from 'ldapts';
import { attributeMap } from '../../server/directory/attributes';
import { guidBytesFromId } from '../../server/directory/entry';
import { candidateLimit } from '../../server/directory/ldap-directory';
import { needsPostFilter, parseConfiguredFilter, peopleFilter, personIdFilter, searchFilter } from '../../server/directory/ldap/filters';
import { parseQuery } from '../../server/directory/query';

const ad = attributeMap('ad');
const ldap = attributeMap('ldap');

/** The BER bytes of a filter as ldapts sends it in a SearchRequest. */
function wire(filter: Filter): Buffer {
  const writer = new BerWriter();
  filter.write(writer);
  return writer.buffer;
}

describe('people filter', () => {
  it('when the directory is Active Directory, then people are enabled users', () => {
    expect(peopleFilter('ad').toString()).toBe('(&(objectCategory=person)(objectClass=user)(!(userAccountControl:1.2.840.113556.1.4.803:=2)))');
  });

  it('when the directory is plain LDAP, then people are inetOrgPersons', () => {
    expect(peopleFilter('ldap').toString()).toBe('(&(objectClass=inetOrgPerson))');
  });

  it('when a filter is configured, then it is ANDed to the default one', () => {
    expect(peopleFilter('ad', '(|(department=Sales)(company=Monkey Inc.))').toString()).toBe(
      '(&(objectCategory=person)(objectClass=user)(!(userAccountControl:1.2.840.113556.1.4.803:=2))(|(department=Sales)(company=Monkey Inc.)))',
    );
  });
});

describe('configured filter', () => {
  it.each([
    ['(sn=M\\c3\\bcller)', 'Müller'],
    ['(sn=M\\C3\\BCller)', 'Müller'],
    ['(sn=Müller)', 'Müller'],
    ['(cn=Jos\\c3\\a9 Garc\\c3\\ada)', 'José García'],
    ['(cn=\\28CJ\\29)', '(CJ)'],
    ['(cn=a\\2ab)', 'a*b'],
  ])('when the administrator writes %s, then the value is %j', (text, value) => {
    const filter = parseConfiguredFilter(text) as Filter & { value: string };
    expect(filter.value).toBe(value);
  });

  it('when escaped bytes are not valid UTF-8, then they stay single characters as RFC 4515 reads them', () => {
    expect((parseConfiguredFilter('(x=\\ff\\fe)') as Filter & { value: string }).value).toBe('\u00ff\u00fe');
  });
});

describe('search filter', () => {
  it('when one word is typed, then it is a prefix of the name, mail and account attributes', () => {
    expect(searchFilter(parseQuery('Jane'), ad, 'ad').toString()).toBe('(|(displayName=Jane*)(givenName=Jane*)(sn=Jane*)(mail=Jane*)(sAMAccountName=Jane*)(cn=Jane*))');
    expect(needsPostFilter(parseQuery('Jane'))).toBe(false);
  });

  it('when the directory is plain LDAP, then the account attribute is uid', () => {
    expect(searchFilter(parseQuery('jdoe'), ldap, 'ldap').toString()).toBe('(|(displayName=jdoe*)(givenName=jdoe*)(sn=jdoe*)(mail=jdoe*)(uid=jdoe*)(cn=jdoe*))');
  });

  it('when two words are typed on plain LDAP, then each must start the given name, the surname or a word of the display name', () => {
    expect(searchFilter(parseQuery('John Sm'), ldap, 'ldap').toString()).toBe(
      '(|(displayName=John Sm*)(givenName=John Sm*)(sn=John Sm*)(mail=John Sm*)(uid=John Sm*)(cn=John Sm*)' +
        '(&(|(givenName=John*)(sn=John*)(displayName=John*)(displayName=* John*))(|(givenName=Sm*)(sn=Sm*)(displayName=Sm*)(displayName=* Sm*))))',
    );
    expect(needsPostFilter(parseQuery('John Sm'))).toBe(true);
  });

  it('when two words are typed on Active Directory, then Ambiguous Name Resolution takes the place of the per-word substrings', () => {
    expect(searchFilter(parseQuery('John Sm'), ad, 'ad').toString()).toBe(
      '(|(displayName=John Sm*)(givenName=John Sm*)(sn=John Sm*)(mail=John Sm*)(sAMAccountName=John Sm*)(cn=John Sm*)(anr=John Sm))',
    );
    expect(needsPostFilter(parseQuery('John Sm'))).toBe(true);
  });

  it('when the ANR text holds filter syntax, then it is one literal value on the wire', () => {
    const bytes = wire(searchFilter(parseQuery('Doe *)(x=*'), ad, 'ad'));
    expect(bytes.includes(Buffer.from('Doe *)(x=*', 'utf8'))).toBe(true);
  });

  it('when phone digits are typed with formatting, then each digit is its own substring component on every phone attribute', () => {
    const text = searchFilter(parseQuery('(408) 555'), ad, 'ad').toString();
    for (const attribute of ['telephoneNumber', 'mobile', 'ipPhone', 'homePhone', 'otherTelephone']) expect(text).toContain(`(${attribute}=*4*0*8*5*5*5*)`);
    expect(needsPostFilter(parseQuery('(408) 555'))).toBe(true);
  });

  it.each([
    ['*)(objectClass=*', '(displayName=\\2a\\29\\28objectClass=\\2a*)'],
    ['a*b', '(displayName=a\\2ab*)'],
    ['back\\slash', '(displayName=back\\5cslash*)'],
    ['Doe, Jane', '(displayName=Doe, Jane*)'],
  ])('when the text %j holds filter syntax, then it is an escaped literal value: %s', (q, expected) => {
    const filter = searchFilter(parseQuery(q), ad, 'ad');
    expect(filter.toString()).toContain(expected);
    expect(filter.toString()).not.toContain('(objectClass=*)');
  });

  it('when "*)(objectClass=*" is sent, then the wire carries it as one literal substring value', () => {
    const bytes = wire(searchFilter(parseQuery('*)(objectClass=*'), ad, 'ad'));
    expect(bytes.includes(Buffer.from('*)(objectClass=*', 'utf8'))).toBe(true);
    expect(bytes.includes(Buffer.from('\\2a', 'utf8'))).toBe(false);
  });

  it.each([['Müller'], ['José'], ['Ljubljana Žiga'], ['山田']])('when %s is searched, then the wire carries its UTF-8 bytes, not escapes', (q) => {
    const bytes = wire(searchFilter(parseQuery(q), ad, 'ad'));
    expect(bytes.includes(Buffer.from(q.split(' ')[0] as string, 'utf8'))).toBe(true);
    expect(bytes.includes(Buffer.from('\\c3', 'utf8'))).toBe(false);
  });
});

describe('person id filter', () => {
  const guid = Buffer.from('5e8341512f8c1644808267df80e88b54', 'hex');
  const id = guid.toString('base64url');

  it('when the id is a base64url objectGUID, then the filter compares the 16 bytes, shown escaped', () => {
    const filter = personIdFilter(id, ad, guidBytesFromId);
    expect(filter?.toString()).toBe('(objectGUID=\\5e\\83\\41\\51\\2f\\8c\\16\\44\\80\\82\\67\\df\\80\\e8\\8b\\54)');
    expect(wire(filter as Filter).includes(guid)).toBe(true);
  });

  it('when a GUID byte is a filter character, then it still travels as that byte', () => {
    const tricky = Buffer.from('2a28295c000102030405060708090a0b', 'hex'); // * ( ) \ NUL …
    const filter = personIdFilter(tricky.toString('base64url'), ad, guidBytesFromId);
    expect(filter?.toString()).toBe('(objectGUID=\\2a\\28\\29\\5c\\00\\01\\02\\03\\04\\05\\06\\07\\08\\09\\0a\\0b)');
    expect(wire(filter as Filter).includes(tricky)).toBe(true);
  });

  it.each([['abc'], ['*)(objectClass=*'], ['CN=Doe\\, Jane,CN=Users,DC=monkey,DC=com'], [''], ['A'.repeat(23)]])('when the AD id is %j, then it cannot be a GUID and no search is made', (bad) => {
    expect(personIdFilter(bad, ad, guidBytesFromId)).toBeUndefined();
  });

  it('when the directory is plain LDAP, then the id is an entryUUID compared as text', () => {
    expect(personIdFilter('1407d000-839a-1041-87f4-7b730bb7c632', ldap, guidBytesFromId)?.toString()).toBe('(entryUUID=1407d000-839a-1041-87f4-7b730bb7c632)');
    expect(personIdFilter('not-a-uuid', ldap, guidBytesFromId)).toBeUndefined();
  });

  it('when the administrator maps the id to a text attribute, then any printable id is compared escaped', () => {
    const map = attributeMap('ldap', { id: 'employeeNumber' });
    expect(personIdFilter('42)(x=*', map, guidBytesFromId)?.toString()).toBe('(employeeNumber=42\\29\\28x=\\2a)');
    expect(personIdFilter('a\u0000b', map, guidBytesFromId)).toBeUndefined();
  });
});

describe('how many candidates a search asks for', () => {
  it.each([
    [25, false, 26],
    [200, false, 201],
    [25, true, 250],
    [100, true, 505],
    [200, true, 1000],
  ])('when the limit is %i and post-filtering is %s, then sizeLimit is %i', (limit, post, expected) => {
    expect(candidateLimit(limit, post)).toBe(expected);
  });
});
