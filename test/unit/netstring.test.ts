import { NetstringDecoder, NetstringError, encodeNetstring } from '../../server/dial/baresip/netstring';

describe('netstrings as baresip ctrl_tcp frames them', () => {
  it('counts bytes, not characters: ü is two bytes in UTF-8', () => {
    const json = '{"command":"dial","params":"sip:müller@pbx.example.test","token":"t1"}';
    expect(json.length).toBe(70);
    expect(encodeNetstring(json).toString('utf8')).toBe(`71:${json},`);
  });

  it('when two frames arrive in one chunk, then both are returned in order', () => {
    const decoder = new NetstringDecoder();
    expect(decoder.push(Buffer.from('5:hello,5:world,'))).toEqual(['hello', 'world']);
  });

  it('when a frame is split inside its length, its payload and a multi-byte character, then it is returned once complete', () => {
    const bytes = encodeNetstring('{"data":"müller"}');
    const decoder = new NetstringDecoder();
    const seen: string[] = [];
    // Every split point, one byte at a time: the "ü" straddles two pushes at some point.
    for (let i = 0; i < bytes.length; i++) seen.push(...decoder.push(bytes.subarray(i, i + 1)));
    expect(seen).toEqual(['{"data":"müller"}']);
  });

  it('when a chunk ends one frame and starts the next, then the rest waits for the next chunk', () => {
    const decoder = new NetstringDecoder();
    expect(decoder.push(Buffer.from('3:abc,4:de'))).toEqual(['abc']);
    expect(decoder.push(Buffer.from('fg,'))).toEqual(['defg']);
  });

  it.each([
    ['x3:abc,', 'bad netstring length "x3"'],
    ['3:abcd', 'netstring not terminated by ","'],
    ['123456789012', 'no netstring length prefix'],
  ])('when the stream is %j, then it is refused as not ctrl_tcp', (stream, message) => {
    expect(() => new NetstringDecoder().push(Buffer.from(stream))).toThrow(new NetstringError(message));
  });
});
