/**
 * A loopback TCP proxy in front of a plain-LDAP directory server that decodes the client's side of
 * the conversation and records each LDAP operation it carries (bind, search, unbind, …). Tests
 * observe real traffic with it: "a message with 50 recipients costs one search" is asserted on the
 * requests that reached the server, not on a wrapper around our own code.
 *
 * Each LDAPMessage is `SEQUENCE { messageID INTEGER, protocolOp CHOICE [APPLICATION n], … }` in BER
 * (RFC 4511 §4.1.1); the protocolOp's tag names the operation. Plain LDAP only: TLS would hide it.
 */
import net from 'node:net';

/** RFC 4511 protocolOp tags of requests (APPLICATION class; constructed unless noted). */
const REQUEST_TAGS: Record<number, string> = {
  0x60: 'bind',
  0x42: 'unbind', // primitive
  0x63: 'search',
  0x66: 'modify',
  0x68: 'add',
  0x4a: 'delete', // primitive
  0x6c: 'modifyDN',
  0x6e: 'compare',
  0x50: 'abandon', // primitive
  0x77: 'extended',
};

export interface LdapOperation {
  /** e.g. "search"; "unknown(0x..)" for a tag outside RFC 4511. */
  op: string;
  messageId: number;
  /** Which client connection (1, 2, …) sent it. */
  connection: number;
}

export interface LdapCountingProxy {
  /** ldap://127.0.0.1:PORT — put this in the directory configuration. */
  url: string;
  /** Every request seen so far, in arrival order. */
  readonly operations: readonly LdapOperation[];
  /** How many requests of one kind arrived, e.g. count('search'). */
  count(op: string): number;
  close(): Promise<void>;
}

/** Length of a BER element starting at `offset`: [header bytes, content bytes], or undefined when incomplete. */
function berLength(buffer: Buffer, offset: number): [number, number] | undefined {
  const first = buffer[offset + 1];
  if (first === undefined) return undefined;
  if (first < 0x80) return [2, first];
  const count = first & 0x7f;
  if (count === 0 || count > 4) throw new Error(`LDAP proxy: unsupported BER length form 0x${first.toString(16)}`);
  if (buffer.length < offset + 2 + count) return undefined;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + (buffer[offset + 2 + i] as number);
  return [2 + count, length];
}

/** Decodes complete LDAPMessages from the front of `buffer`; returns them and the bytes left over. */
export function decodeLdapRequests(buffer: Buffer): { requests: Array<{ op: string; messageId: number }>; rest: Buffer } {
  const requests: Array<{ op: string; messageId: number }> = [];
  let offset = 0;
  for (;;) {
    if (buffer.length - offset < 2) break;
    if (buffer[offset] !== 0x30) throw new Error(`LDAP proxy: expected an LDAPMessage SEQUENCE, got tag 0x${(buffer[offset] as number).toString(16)}`);
    const outer = berLength(buffer, offset);
    if (outer === undefined || buffer.length < offset + outer[0] + outer[1]) break;
    const body = offset + outer[0];
    // messageID INTEGER
    const idLength = berLength(buffer, body);
    if (buffer[body] !== 0x02 || idLength === undefined) throw new Error('LDAP proxy: LDAPMessage without a messageID');
    let messageId = 0;
    for (let i = 0; i < idLength[1]; i++) messageId = messageId * 256 + (buffer[body + idLength[0] + i] as number);
    const tag = buffer[body + idLength[0] + idLength[1]] as number;
    requests.push({ op: REQUEST_TAGS[tag] ?? `unknown(0x${tag.toString(16)})`, messageId });
    offset = body + outer[1];
  }
  return { requests, rest: buffer.subarray(offset) };
}

export async function startLdapCountingProxy(targetUrl: string): Promise<LdapCountingProxy> {
  const target = new URL(targetUrl);
  if (target.protocol !== 'ldap:') throw new Error(`LDAP proxy: ${targetUrl} is not plain ldap://; the proxy cannot read TLS`);
  const targetPort = Number(target.port || 389);
  const operations: LdapOperation[] = [];
  const sockets = new Set<net.Socket>();
  let connections = 0;

  const server = net.createServer((client) => {
    const connection = ++connections;
    const upstream = net.connect(targetPort, target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined); // a closed side errors the other; the test reads the operations
    }
    let pending = Buffer.alloc(0);
    client.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      const { requests, rest } = decodeLdapRequests(pending);
      pending = Buffer.from(rest);
      for (const r of requests) operations.push({ ...r, connection });
      upstream.write(chunk);
    });
    client.on('end', () => upstream.end());
    upstream.pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `ldap://127.0.0.1:${port}`,
    get operations() {
      return operations;
    },
    count: (op) => operations.filter((o) => o.op === op).length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
