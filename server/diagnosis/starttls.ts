/**
 * The StartTLS extended operation (RFC 4511 §4.14) on a plain socket, for the directory check's
 * certificate probe: ldapts's own startTLS hides the TLS socket, and the probe needs the
 * certificate even when it would be refused. The request is ldapts's own ExtendedRequest; the
 * answer is read with its BER reader.
 */
import type { Socket } from 'node:net';
import { BerReader, ExtendedRequest } from 'ldapts';

export const STARTTLS_OID = '1.3.6.1.4.1.1466.20037';
const EXTENDED_RESPONSE = 0x78;

/** Length of the first complete BER element in `buffer`, or undefined while it is incomplete. */
export function completeLength(buffer: Buffer): number | undefined {
  if (buffer.length < 2) return undefined;
  const first = buffer[1] as number;
  let header = 2;
  let length = first;
  if (first & 0x80) {
    const bytes = first & 0x7f;
    if (bytes === 0 || bytes > 4 || buffer.length < 2 + bytes) return undefined;
    length = buffer.readUIntBE(2, bytes);
    header += bytes;
  }
  return buffer.length >= header + length ? header + length : undefined;
}

/** The result code of an ExtendedResponse message. */
export function extendedResultCode(message: Buffer): number {
  const reader = new BerReader(message);
  reader.readSequence();
  reader.readInt(); // message id
  if (reader.readSequence() !== EXTENDED_RESPONSE) throw new Error('the server did not answer StartTLS with an extended response');
  const code = reader.readEnumeration();
  if (code === null) throw new Error('the StartTLS answer has no result code');
  return code;
}

/** Sends StartTLS on a connected socket and resolves with the server's result code (0 = go ahead). */
export function requestStartTls(socket: Socket): Promise<number> {
  return new Promise((resolve, reject) => {
    let received = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      received = Buffer.concat([received, chunk]);
      const length = completeLength(received);
      if (length === undefined) return;
      cleanUp();
      try {
        resolve(extendedResultCode(received.subarray(0, length)));
      } catch (error) {
        reject(error);
      }
    };
    const onError = (error: Error): void => {
      cleanUp();
      reject(error);
    };
    const onClose = (): void => onError(Object.assign(new Error('Connection closed before message response was received'), { code: 'ECONNRESET' }));
    const cleanUp = (): void => {
      socket.off('data', onData);
      socket.off('error', onError);
      socket.off('close', onClose);
    };
    socket.on('data', onData);
    socket.once('error', onError);
    socket.once('close', onClose);
    socket.write(new ExtendedRequest({ messageId: 1, oid: STARTTLS_OID }).write());
  });
}
