import { digestAuthorization, findDigestChallenge, parseAuthParams } from '../../server/dial/http/digest';

/** The worked example of RFC 7616 section 3.9.1. */
const rfc = {
  realm: 'http-auth@example.org',
  nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
  opaque: 'FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS',
  qop: ['auth', 'auth-int'],
};
const mufasa = { user: 'Mufasa', password: 'Circle of Life' };
const request = { method: 'GET', uri: '/dir/index.html' };
const cnonce = 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ';

describe('HTTP digest authentication (RFC 7616)', () => {
  it('when the challenge asks for MD5, then the response is the RFC example', () => {
    expect(digestAuthorization({ ...rfc, algorithm: 'MD5' }, mufasa, request, cnonce)).toBe(
      'Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=MD5, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, response="8ca523f5e9506fed4657c9700eebdbec", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"',
    );
  });

  it('when the challenge asks for SHA-256, then the response is the RFC example', () => {
    expect(digestAuthorization({ ...rfc, algorithm: 'SHA-256' }, mufasa, request, cnonce)).toContain('response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"');
  });

  it('when the server offers no qop (RFC 2069 phones), then the short form is answered', () => {
    // RFC 2617 section 3.5's credentials answered in the RFC 2069 form: MD5(HA1:nonce:HA2).
    const header = digestAuthorization({ realm: 'testrealm@host.com', nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093', algorithm: 'MD5', qop: [] }, { user: 'Mufasa', password: 'Circle Of Life' }, { method: 'GET', uri: '/dir/index.html' });
    expect(header).toBe('Digest username="Mufasa", realm="testrealm@host.com", uri="/dir/index.html", algorithm=MD5, nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", response="670fd8c2df070c60b045671b8b24ff02"');
  });

  it('when the phone sends Basic and Digest challenges, then the Digest one is picked with its quoted parameters', () => {
    expect(findDigestChallenge(['Basic realm="phone"', 'Digest realm="Yealink", qop="auth,auth-int", nonce="a\\"b", algorithm=MD5, opaque="xyz"'])).toEqual({
      realm: 'Yealink',
      nonce: 'a"b',
      opaque: 'xyz',
      algorithm: 'MD5',
      qop: ['auth', 'auth-int'],
    });
    expect(findDigestChallenge(['Basic realm="phone"'])).toBeUndefined();
  });

  it('when the server offers only qop=auth-int or an unknown algorithm, then it says so instead of guessing', () => {
    expect(() => digestAuthorization({ ...rfc, qop: ['auth-int'], algorithm: 'MD5' }, mufasa, request)).toThrow('the server offers only qop=auth-int; Dialpane supports qop=auth');
    expect(() => digestAuthorization({ ...rfc, algorithm: 'SHA-512-256' }, mufasa, request)).toThrow('the server asks for digest algorithm SHA-512-256, which Dialpane does not support (MD5, SHA-256)');
  });

  it('reads parameters case-insensitively, quoted or not', () => {
    expect([...parseAuthParams('Realm="r", NONCE=abc, qop="auth"').entries()]).toEqual([
      ['realm', 'r'],
      ['nonce', 'abc'],
      ['qop', 'auth'],
    ]);
  });
});
