/** A throwaway CA and localhost certificate, made offline, for phones and PBXes that serve HTTPS. */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateCertificates } from 'office-addin-dev-certs';

export interface TestCertificate {
  caFile: string;
  cert: Buffer;
  key: Buffer;
}

export async function makeCertificate(): Promise<TestCertificate> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dialpane-tls-'));
  const caFile = path.join(dir, 'ca.crt');
  const certFile = path.join(dir, 'localhost.crt');
  const keyFile = path.join(dir, 'localhost.key');
  const log = console.log;
  console.log = () => undefined; // generateCertificates announces itself on stdout
  try {
    await generateCertificates(caFile, certFile, keyFile, 1, ['127.0.0.1', 'localhost']);
  } finally {
    console.log = log;
  }
  return { caFile, cert: readFileSync(certFile), key: readFileSync(keyFile) };
}
