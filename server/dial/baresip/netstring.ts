/**
 * Netstrings (`<length>:<payload>,`) as baresip's ctrl_tcp frames its JSON. The length counts bytes
 * of the UTF-8 payload, not characters: "sip:müller@…" is one byte longer than it has characters.
 * TCP delivers frames split across chunks or several in one chunk; the decoder handles both.
 */

export class NetstringError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NetstringError';
  }
}

export function encodeNetstring(payload: string): Buffer {
  const body = Buffer.from(payload, 'utf8');
  return Buffer.concat([Buffer.from(`${body.length}:`, 'ascii'), body, Buffer.from(',', 'ascii')]);
}

/** Longest length prefix accepted: baresip frames are small; a runaway prefix means a broken stream. */
const MAX_LENGTH_DIGITS = 8;

export class NetstringDecoder {
  private buffer: Buffer = Buffer.alloc(0);

  /** Adds received bytes; returns every payload completed by them, in order. */
  push(chunk: Buffer): string[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const frames: string[] = [];
    for (;;) {
      const colon = this.buffer.indexOf(0x3a);
      if (colon < 0) {
        if (this.buffer.length > MAX_LENGTH_DIGITS) throw new NetstringError('no netstring length prefix');
        return frames;
      }
      const prefix = this.buffer.subarray(0, colon).toString('ascii');
      if (!/^\d{1,8}$/.test(prefix)) throw new NetstringError(`bad netstring length "${prefix.slice(0, 16)}"`);
      const length = Number(prefix);
      const end = colon + 1 + length;
      if (this.buffer.length < end + 1) return frames;
      if (this.buffer[end] !== 0x2c) throw new NetstringError('netstring not terminated by ","');
      // Decode only whole frames: a multi-byte character may straddle two chunks.
      frames.push(this.buffer.subarray(colon + 1, end).toString('utf8'));
      this.buffer = this.buffer.subarray(end + 1);
    }
  }
}
