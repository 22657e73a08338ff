/** Small pure pieces of the AD work: DNs, SIP addresses, photo types, the StartTLS answer. */
import { firstRdnValue, parentDn } from '../../server/directory/ldap/dn';
import { photoOf, photoUrl } from '../../server/directory/photo';
import { sipAddresses, sipUri } from '../../server/directory/sip';
import { completeLength, extendedResultCode } from '../../server/diagnosis/starttls';

describe('DNs', () => {
  it.each([
    ['OU=Staff,CN=Users,DC=monkey,DC=com', 'CN=Users,DC=monkey,DC=com'],
    ['CN=Doe\\, Jane,CN=Users,DC=monkey,DC=com', 'CN=Users,DC=monkey,DC=com'],
    ['CN=a\\2cb, OU=x', 'OU=x'],
    ['CN="Doe, Jane",DC=com', 'DC=com'],
    ['DC=com', undefined],
  ])('the parent of %s is %s', (dn, parent) => {
    expect(parentDn(dn)).toBe(parent);
  });

  it.each([
    ['CN=Doe\\, Jane,CN=Users,DC=monkey,DC=com', 'Doe, Jane'],
    ['CN=J\\c3\\bcrgen M\\C3\\BCller,CN=Users', 'Jürgen Müller'],
    ['CN=back\\\\slash,DC=com', 'back\\slash'],
    ['CN=Disabled Dan,CN=Users,DC=monkey,DC=com', 'Disabled Dan'],
  ])('the first RDN value of %s is %j', (dn, value) => {
    expect(firstRdnValue(dn)).toBe(value);
  });
});

describe('SIP addresses', () => {
  it('keeps the primary first, then the SIP proxy addresses, each once whatever the case of the prefix', () => {
    expect(sipAddresses(['sip:jdoe@monkey.com'], ['SMTP:jdoe@monkey.com', 'SIP:jdoe@monkey.com', 'sip:jane@lync.monkey.com', 'X500:/o=Monkey'])).toEqual(['sip:jdoe@monkey.com', 'sip:jane@lync.monkey.com']);
  });

  it.each([
    ['SIP:jdoe@monkey.com', 'sip:jdoe@monkey.com'],
    ['sips:jdoe@monkey.com', 'sips:jdoe@monkey.com'],
    ['sip:jdoe', undefined],
    ['sip:j doe@monkey.com', undefined],
    ['smtp:jdoe@monkey.com', undefined],
  ])('reads %j as %j', (value, uri) => {
    expect(sipUri(value)).toBe(uri);
  });
});

describe('photos', () => {
  it.each([
    [[0xff, 0xd8, 0xff, 0xe0], 'image/jpeg'],
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'image/png'],
    [[0x47, 0x49, 0x46, 0x38, 0x39, 0x61], 'image/gif'],
  ])('bytes starting %j are served as %s', (bytes, type) => {
    expect(photoOf(Buffer.from(bytes)).contentType).toBe(type);
  });

  it('the URL is relative, carries a version that changes with the bytes, and escapes the ids', () => {
    const a = photoOf(Buffer.from([0xff, 0xd8, 1]));
    const b = photoOf(Buffer.from([0xff, 0xd8, 2]));
    expect(a.version).not.toBe(b.version);
    expect(photoUrl('corp', 'a/b', a)).toBe(`api/directories/corp/people/a%2Fb/photo?v=${a.version}`);
  });
});

describe('the StartTLS answer', () => {
  // LDAPMessage { messageID 1, extendedResp { resultCode, matchedDN "", diagnosticMessage "" } }
  const answer = (code: number): Buffer => Buffer.from([0x30, 0x0c, 0x02, 0x01, 0x01, 0x78, 0x07, 0x0a, 0x01, code, 0x04, 0x00, 0x04, 0x00]);

  it('is complete only once every byte of the message arrived', () => {
    expect(completeLength(answer(0).subarray(0, 9))).toBeUndefined();
    expect(completeLength(Buffer.concat([answer(0), Buffer.from([0x30])]))).toBe(14);
  });

  it.each([[0], [2], [52]])('reads result code %i', (code) => {
    expect(extendedResultCode(answer(code))).toBe(code);
  });
});
