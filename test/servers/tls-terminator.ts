/**
 * LDAPS in front of a plain LDAP server, the way stunnel or a load balancer terminates TLS: used to
 * present certificates Samba's own cannot, such as an expired one (made with openssl under
 * faketime, so it really was valid once and has really expired).
 */
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { requireCommands, run } from './processes';

export interface CertificateFiles {
  certFile: string;
  keyFile: string;
  /** The certificate is its own CA: pass certFile as tls.caFile. */
  name: string;
}

/** A self-signed certificate for `name`, valid for 30 days starting 400 days ago. */
export async function expiredCertificate(dir: string, name: string): Promise<CertificateFiles> {
  const tools = requireCommands({ faketime: 'faketime', openssl: 'openssl' }, 'The expired-certificate test');
  const certFile = path.join(dir, `${name}.crt`);
  const keyFile = path.join(dir, `${name}.key`);
  await run(
    tools['faketime'] as string,
    ['-f', '-400d', tools['openssl'] as string, 'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '30', '-subj', `/CN=${name}`, '-addext', `subjectAltName=DNS:${name}`],
    path.join(dir, 'openssl.log'),
  );
  return { certFile, keyFile, name };
}

export async function startTlsTerminator(certificate: CertificateFiles, target: { host: string; port: number }): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = tls.createServer({ cert: readFileSync(certificate.certFile), key: readFileSync(certificate.keyFile) }, (client) => {
    const upstream = net.connect(target.port, target.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  server.on('tlsClientError', () => undefined); // clients that refuse the certificate hang up mid-handshake: expected here
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
  });
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
