/**
 * Office loads add-ins only over HTTPS. Without an admin-supplied certificate the service makes
 * a CA and a localhost certificate offline on first start and reuses them afterwards. Trusting
 * the CA (so Outlook accepts the pane) is a separate, documented step: see the README.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { generateCertificates } from 'office-addin-dev-certs';
import type { Config } from './config/schema';

export interface TlsMaterial {
  cert: Buffer;
  key: Buffer;
  /** The generated CA, when the service made its own certificate. */
  caFile?: string;
}

export async function tlsMaterial(server: Config['server']): Promise<TlsMaterial> {
  if (server.tlsCertFile !== undefined && server.tlsKeyFile !== undefined) {
    return { cert: readFileSync(server.tlsCertFile), key: readFileSync(server.tlsKeyFile) };
  }
  const dir = path.resolve(server.dataDir, 'tls');
  const caFile = path.join(dir, 'ca.crt');
  const certFile = path.join(dir, 'localhost.crt');
  const keyFile = path.join(dir, 'localhost.key');
  if (!existsSync(certFile) || !existsSync(keyFile)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    await generateCertificates(caFile, certFile, keyFile, 365, ['127.0.0.1', 'localhost']);
  }
  return { cert: readFileSync(certFile), key: readFileSync(keyFile), caFile };
}
