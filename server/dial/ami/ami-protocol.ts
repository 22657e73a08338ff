/**
 * The Asterisk Manager Interface wire format: the server greets with one line
 * ("Asterisk Call Manager/5.0.1"), then both sides exchange packets of "Key: value" lines ended by
 * CRLF, each packet ended by an empty line. Keys are case-insensitive; values never hold line breaks.
 */

export class AmiMessage {
  constructor(readonly fields: ReadonlyArray<readonly [string, string]>) {}

  /** The first value of `key` (case-insensitive), or undefined. */
  get(key: string): string | undefined {
    const lower = key.toLowerCase();
    return this.fields.find(([k]) => k.toLowerCase() === lower)?.[1];
  }
}

export class AmiProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AmiProtocolError';
  }
}

/** Encodes one action; refuses values with line breaks, which would inject headers. */
export function encodeAction(fields: ReadonlyArray<readonly [string, string]>): string {
  return `${fields
    .map(([key, value]) => {
      if (/[\r\n]/.test(key) || /[\r\n]/.test(value)) throw new AmiProtocolError(`AMI field ${key.replace(/[\r\n]/g, ' ')} holds a line break`);
      return `${key}: ${value}\r\n`;
    })
    .join('')}\r\n`;
}

function parsePacket(text: string): AmiMessage {
  const fields: [string, string][] = [];
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue; // Asterisk may add free text lines (e.g. command output); they carry no field
    fields.push([line.slice(0, colon).trim(), line.slice(colon + 1).replace(/^ /, '')]);
  }
  return new AmiMessage(fields);
}

/** Splits the received stream into the greeting and packets, whatever the TCP chunking. */
export class AmiDecoder {
  private buffer = '';
  private greeted = false;
  banner: string | undefined;

  push(chunk: string): AmiMessage[] {
    this.buffer += chunk;
    if (!this.greeted) {
      const end = this.buffer.indexOf('\r\n');
      if (end < 0) {
        if (this.buffer.length > 256) throw new AmiProtocolError('no AMI greeting line');
        return [];
      }
      this.banner = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      this.greeted = true;
    }
    const messages: AmiMessage[] = [];
    for (let end = this.buffer.indexOf('\r\n\r\n'); end >= 0; end = this.buffer.indexOf('\r\n\r\n')) {
      const packet = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 4);
      if (packet.trim() !== '') messages.push(parsePacket(packet));
    }
    return messages;
  }
}
