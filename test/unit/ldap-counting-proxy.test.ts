/** The BER reading of the test LDAP proxy (test/servers/ldap-counting-proxy.ts): what it counts must be right. */
import { decodeLdapRequests } from '../servers/ldap-counting-proxy';

/** An LDAPMessage: SEQUENCE { messageID, protocolOp with `content` bytes }. */
function message(id: number, tag: number, content: Buffer): Buffer {
  const length = (n: number): Buffer => (n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff]));
  const op = Buffer.concat([Buffer.from([tag]), length(content.length), content]);
  const body = Buffer.concat([Buffer.from([0x02, 0x01, id]), op]);
  return Buffer.concat([Buffer.from([0x30]), length(body.length), body]);
}

describe('LDAP request decoding', () => {
  test('when a bind, a search with a long filter and an unbind arrive in one chunk, then all three are read in order', () => {
    const bytes = Buffer.concat([message(1, 0x60, Buffer.alloc(20)), message(2, 0x63, Buffer.alloc(700)), message(3, 0x42, Buffer.alloc(0))]);
    expect(decodeLdapRequests(bytes)).toEqual({
      requests: [
        { op: 'bind', messageId: 1 },
        { op: 'search', messageId: 2 },
        { op: 'unbind', messageId: 3 },
      ],
      rest: Buffer.alloc(0),
    });
  });

  test('when a message is split across chunks, then it is read once it is complete', () => {
    const search = message(7, 0x63, Buffer.alloc(300));
    const first = decodeLdapRequests(search.subarray(0, 100));
    expect(first.requests).toEqual([]);
    expect(decodeLdapRequests(Buffer.concat([first.rest, search.subarray(100)])).requests).toEqual([{ op: 'search', messageId: 7 }]);
  });

  test('when the stream is not LDAP, then the proxy says so instead of counting nonsense', () => {
    expect(() => decodeLdapRequests(Buffer.from('GET / HTTP/1.1\r\n'))).toThrow('LDAP proxy: expected an LDAPMessage SEQUENCE, got tag 0x47');
  });
});
