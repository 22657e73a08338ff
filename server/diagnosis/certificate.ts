/**
 * Step 2 of the directory check: the server's certificate, judged the way the real connection
 * will judge it (same CA file, same expected host name, see tls-options.ts) — but the handshake
 * here accepts any certificate, so that a refused one can be described: who issued it, which
 * names it carries, when it expires. Nothing but the handshake is sent; no credentials.
 */
import net from 'node:net';
import tls, { type PeerCertificate, type TLSSocket } from 'node:tls';
import type { CheckStep } from '../../src/shared/api';
import type { LdapDirectoryConfig } from '../config/schema';
import type { Endpoint } from '../directory/ldap/endpoint';
import { redact, StepTimeout, toDirectoryError, type ErrorContext } from '../directory/ldap/errors';
import { expectedCertificateName, tlsOptions } from '../directory/ldap/tls-options';
import { DialpaneError } from '../errors';
import { requestStartTls } from './starttls';
import { failed, failedWith, ok } from './steps';

/** What the handshake showed. `chainError` is OpenSSL's verdict on the chain (Node's authorizationError). */
export interface Handshake {
  certificate: PeerCertificate;
  chainError: string | undefined;
}

const UNTRUSTED = new Set(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT', 'CERT_UNTRUSTED', 'CERT_SIGNATURE_FAILURE']);

function secure(options: tls.ConnectionOptions): Promise<Handshake> {
  return new Promise((resolve, reject) => {
    const socket: TLSSocket = tls.connect({ ...options, rejectUnauthorized: false, checkServerIdentity: () => undefined });
    socket.once('secureConnect', () => {
      const certificate = socket.getPeerCertificate(true);
      const chainError = socket.authorizationError === null || socket.authorizationError === undefined ? undefined : String(socket.authorizationError);
      socket.destroy();
      resolve({ certificate, chainError });
    });
    socket.once('error', (error) => {
      socket.destroy();
      reject(error);
    });
  });
}

async function handshake(config: LdapDirectoryConfig, endpoint: Endpoint): Promise<Handshake> {
  const options = tlsOptions(config, endpoint);
  if (endpoint.scheme === 'ldaps') return secure({ ...options, port: endpoint.port });
  const plain = net.connect({ host: endpoint.host, port: endpoint.port });
  try {
    await new Promise<void>((resolve, reject) => {
      plain.once('connect', resolve);
      plain.once('error', reject);
    });
    const code = await requestStartTls(plain);
    if (code !== 0) throw new StartTlsRefused(code);
    return await secure({ ...options, socket: plain });
  } finally {
    plain.destroy();
  }
}

class StartTlsRefused extends Error {
  constructor(readonly resultCode: number) {
    super(`StartTLS refused with LDAP code ${resultCode}`);
  }
}

/** `CN=DC1.monkey.com, OU=…, O=…` from Node's certificate name object (values may repeat). */
function nameText(name: PeerCertificate['subject'] | undefined): string {
  if (!name) return 'an unnamed certificate';
  const order = ['CN', 'OU', 'O', 'L', 'ST', 'C'];
  const keys = [...order.filter((k) => k in name), ...Object.keys(name).filter((k) => !order.includes(k))];
  return keys.flatMap((key) => [(name as unknown as Record<string, string | string[]>)[key]].flat().map((value) => `${key}=${value}`)).join(', ');
}

/** The names a certificate is valid for: its subjectAltName entries, else its CN. */
export function certificateNames(certificate: PeerCertificate): string[] {
  const alt = (certificate.subjectaltname ?? '')
    .split(/,\s*/)
    .map((entry) => /^(?:DNS|IP Address):(.+)$/.exec(entry.trim())?.[1])
    .filter((name): name is string => name !== undefined);
  if (alt.length > 0) return alt;
  const cn = certificate.subject?.CN;
  return cn === undefined ? [] : [cn].flat();
}

const day = (date: string): string => new Date(date).toISOString().slice(0, 10);

/** The TLS step: ok, or failed naming the issuer, the names or the dates. */
export async function checkCertificate(config: LdapDirectoryConfig, context: ErrorContext, budgetMs: number): Promise<CheckStep> {
  const endpoint: Endpoint = context;
  const how = endpoint.scheme === 'ldaps' ? 'LDAPS' : 'StartTLS';
  let result: Handshake;
  try {
    let timer: NodeJS.Timeout | undefined;
    result = await Promise.race([
      handshake(config, endpoint),
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new StepTimeout(endpoint.scheme === 'ldaps' ? 'connect' : 'starttls')), budgetMs);
      }),
    ]).finally(() => clearTimeout(timer));
  } catch (error) {
    if (error instanceof DialpaneError) return failedWith('tls', error);
    if (error instanceof StartTlsRefused) {
      return failed('tls', 'STARTTLS_REFUSED', `${endpoint.server} refused StartTLS (LDAP code ${error.resultCode}).`, 'The server does not offer StartTLS on this port: use an ldaps:// url (port 636), or turn on TLS on the directory server.');
    }
    const mapped = toDirectoryError(error, endpoint.scheme === 'ldaps' ? 'connect' : 'starttls', context);
    if (mapped.code === 'DIRECTORY_TIMEOUT') return failedWith('tls', mapped);
    const detail = error instanceof Error ? error.message : String(error);
    const fix =
      endpoint.scheme === 'ldaps'
        ? `Check that port ${endpoint.port} speaks LDAPS (636 on a domain controller), not plain LDAP (389); for a plain port use ldap:// with startTls: true.`
        : 'Check that the server offers StartTLS on this port, or use an ldaps:// url (port 636).';
    return failed('tls', 'TLS_FAILED', redact(`The ${how} handshake with ${endpoint.server} failed: ${detail}.`, context.password), fix);
  }
  const { certificate, chainError } = result;
  const subject = certificate.subject?.CN ?? nameText(certificate.subject);
  const names = certificateNames(certificate);
  const expected = expectedCertificateName(config, endpoint);
  if (!config.tls.rejectUnauthorized) {
    return ok('tls', `${how} works, but the certificate is not verified (tls.rejectUnauthorized is false): the connection is encrypted, the server is not authenticated.`);
  }
  if (chainError !== undefined && UNTRUSTED.has(chainError)) {
    const selfSigned = chainError === 'DEPTH_ZERO_SELF_SIGNED_CERT';
    const issuer = nameText(certificate.issuer);
    const trust = config.tls.caFile === undefined ? 'a CA this service trusts (tls.caFile is not set)' : `the CA in tls.caFile (${config.tls.caFile})`;
    const issuerCn = certificate.issuer?.CN ?? issuer;
    return failed(
      'tls',
      'TLS_UNTRUSTED',
      selfSigned
        ? `The certificate of ${endpoint.server} is not trusted: it is self-signed (${issuer}) and is not ${trust}.`
        : `The certificate of ${endpoint.server} is not trusted: it was issued by ${issuer}, which is not ${trust}.`,
      `Export the certificate of the issuing CA "${issuerCn}" as PEM and set tls.caFile to that file.`,
    );
  }
  const now = Date.now();
  if (chainError === 'CERT_HAS_EXPIRED' || Date.parse(certificate.valid_to) < now) {
    return failed('tls', 'TLS_EXPIRED', `The certificate of ${endpoint.server} (${subject}) expired on ${day(certificate.valid_to)}.`, 'Renew the certificate of the directory server; expired certificates are refused.');
  }
  if (chainError === 'CERT_NOT_YET_VALID' || Date.parse(certificate.valid_from) > now) {
    return failed('tls', 'TLS_NOT_YET_VALID', `The certificate of ${endpoint.server} (${subject}) is valid only from ${day(certificate.valid_from)}.`, 'Check the clocks of this machine and of the directory server.');
  }
  if (chainError !== undefined) {
    return failed('tls', 'TLS_FAILED', `The certificate of ${endpoint.server} was refused: ${chainError}.`, 'Check tls.caFile and the certificate of the directory server.');
  }
  if (tls.checkServerIdentity(expected, certificate) !== undefined) {
    const usable = names.find((n) => !n.startsWith('*') && !net.isIP(n)) ?? names[0] ?? 'its name';
    return failed(
      'tls',
      'TLS_NAME_MISMATCH',
      `The certificate of ${endpoint.server} is for ${names.length > 0 ? names.join(', ') : 'no host name'}, not for ${expected}.`,
      `Set tls.servername: ${usable} (a name the certificate carries), or write that name in url when it resolves to this server.`,
    );
  }
  return ok('tls', `${how} works; the certificate of ${subject}, issued by ${certificate.issuer?.CN ?? nameText(certificate.issuer)}, is trusted and valid until ${day(certificate.valid_to)}.`);
}
