import { AmiDecoder, AmiProtocolError, encodeAction } from '../../server/dial/ami/ami-protocol';

describe('AMI wire format', () => {
  it('encodes an action as CRLF "Key: value" lines ended by an empty line', () => {
    expect(encodeAction([['Action', 'Originate'], ['Async', 'true']])).toBe('Action: Originate\r\nAsync: true\r\n\r\n');
  });

  it('refuses values with line breaks, which would inject AMI headers', () => {
    expect(() => encodeAction([['Exten', '123\r\nAction: Logoff']])).toThrow(new AmiProtocolError('AMI field Exten holds a line break'));
  });

  it('reads the greeting line, then packets, whatever the chunking', () => {
    const stream = 'Asterisk Call Manager/5.0.1\r\nResponse: Success\r\nActionID: a1\r\nMessage: Authentication accepted\r\n\r\nEvent: FullyBooted\r\nPrivilege: system,all\r\n\r\n';
    const decoder = new AmiDecoder();
    const messages = [...stream].flatMap((c) => decoder.push(c));
    expect(decoder.banner).toBe('Asterisk Call Manager/5.0.1');
    expect(messages.map((m) => m.fields)).toEqual([
      [
        ['Response', 'Success'],
        ['ActionID', 'a1'],
        ['Message', 'Authentication accepted'],
      ],
      [
        ['Event', 'FullyBooted'],
        ['Privilege', 'system,all'],
      ],
    ]);
    expect(messages[0]?.get('actionid')).toBe('a1');
  });
});
