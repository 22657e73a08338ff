import { parseLdif, LdifSyntaxError } from '../../server/directory/ldif';

describe('LDIF reader', () => {
  it('reads plain, base64 and folded values, and keeps binary attributes as bytes', () => {
    const [entry] = parseLdif(
      [
        'version: 1',
        '# a comment',
        'dn: CN=Doe\\, Jane,CN=Users,DC=monkey,DC=com',
        'cn:: SsO8cmdlbiBNw7xsbGVy',
        'description: a long line that',
        '  continues here',
        'objectGUID:: AAECAwQFBgcICQoLDA0ODw==',
        'telephoneNumber: +1 408 555 0100',
        'telephoneNumber: +1 408 555 0101',
      ].join('\n'),
    );
    expect(entry?.dn).toBe('CN=Doe\\, Jane,CN=Users,DC=monkey,DC=com');
    expect(entry?.first('CN')).toBe('Jürgen Müller');
    expect(entry?.first('description')).toBe('a long line that continues here');
    expect(entry?.all('objectguid')[0]).toEqual(Buffer.from([...Array(16).keys()]));
    expect(entry?.strings('telephoneNumber')).toEqual(['+1 408 555 0100', '+1 408 555 0101']);
  });

  it('separates entries by blank lines', () => {
    expect(parseLdif('dn: cn=a\ncn: a\n\ndn: cn=b\ncn: b\n').map((e) => e.dn)).toEqual(['cn=a', 'cn=b']);
  });

  it('when a line is not attribute: value, then the file and line are named', () => {
    expect(() => parseLdif('dn: cn=a\nthis is wrong\n', 'demo.ldif')).toThrow(new LdifSyntaxError('demo.ldif', 2, 'expected "attribute: value", found "this is wrong"'));
  });
});
