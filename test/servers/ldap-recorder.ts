/**
 * A loopback proxy in front of a directory that decodes what the service SENDS (LDAP over plain
 * ldap://): every bind's name and every search's base, scope and filter, as ldapts objects. Tests
 * assert on the filters exactly as they travel, so "no filter is built from unescaped input" is
 * checked on the wire, not on the code's intentions. Bind passwords are dropped at once.
 */
import net from 'node:net';
import { BerReader, BindRequest, type Filter, PresenceFilter, SearchRequest } from 'ldapts';

export type Sent = { op: 'bind'; name: string } | { op: 'search'; baseDN: string; scope: string; filter: Filter };

const BIND = 0x60;
const SEARCH = 0x63;

/** Splits the client's byte stream into LDAPMessages and decodes binds and searches. */
class Decoder {
  private buffer = Buffer.alloc(0);
  constructor(private readonly record: (sent: Sent) => void) {}

  push(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const reader = new BerReader(this.buffer);
      if (this.buffer.length < 2 || reader.readSequence() === null || reader.remain < reader.length) return;
      const end = reader.offset + reader.length;
      const message = this.buffer.subarray(0, end);
      this.buffer = this.buffer.subarray(end);
      this.decode(message);
    }
  }

  private decode(bytes: Buffer): void {
    const reader = new BerReader(bytes);
    reader.readSequence();
    const messageId = reader.readInt() ?? 0;
    const op = reader.readSequence();
    if (op === SEARCH) {
      const search = new SearchRequest({ messageId, filter: new PresenceFilter({ attribute: 'objectClass' }) });
      search.parse(reader, []);
      this.record({ op: 'search', baseDN: search.baseDN, scope: search.scope, filter: search.filter });
    } else if (op === BIND) {
      const bind = new BindRequest({ messageId });
      bind.parse(reader, []);
      this.record({ op: 'bind', name: bind.dn });
    }
  }
}

export interface LdapRecorder {
  port: number;
  readonly sent: Sent[];
  /** What was sent since the last call (and forgets it). */
  take(): Sent[];
  close(): Promise<void>;
}

export async function startLdapRecorder(targetHost: string, targetPort: number): Promise<LdapRecorder> {
  const sent: Sent[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, targetHost);
    const decoder = new Decoder((s) => sent.push(s));
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.on('data', (chunk: Buffer) => {
      decoder.push(chunk);
      upstream.write(chunk);
    });
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
  });
  return {
    port,
    sent,
    take: () => sent.splice(0),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
