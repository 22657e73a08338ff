/**
 * HTTP Digest access authentication (RFC 7616) for phones and PBX web interfaces: MD5 or SHA-256,
 * their -sess variants, qop=auth, and the RFC 2069 form (no qop) that older phones still send.
 * No package for it is installed, and it is small enough to own.
 */
import { createHash, randomBytes } from 'node:crypto';

export interface DigestChallenge {
  realm: string;
  nonce: string;
  opaque?: string | undefined;
  algorithm: string;
  /** The qop values offered, e.g. ["auth", "auth-int"]; empty for RFC 2069 servers. */
  qop: string[];
}

export interface DigestCredentials {
  user: string;
  password: string;
}

export interface DigestRequest {
  method: string;
  /** The request-target exactly as sent: path and query. */
  uri: string;
}

const HASHES: Record<string, string> = { MD5: 'md5', 'MD5-SESS': 'md5', 'SHA-256': 'sha256', 'SHA-256-SESS': 'sha256' };

export class DigestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DigestError';
  }
}

/** Splits `Digest realm="x", nonce="y", qop="auth,auth-int"` into its parameters. */
export function parseAuthParams(text: string): Map<string, string> {
  const params = new Map<string, string>();
  const pattern = /([A-Za-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g;
  for (const match of text.matchAll(pattern)) {
    const name = (match[1] ?? '').toLowerCase();
    const value = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : (match[3] ?? '');
    if (!params.has(name)) params.set(name, value);
  }
  return params;
}

/** The Digest challenge among the WWW-Authenticate header values, or undefined when none is Digest. */
export function findDigestChallenge(headerValues: readonly string[]): DigestChallenge | undefined {
  for (const value of headerValues) {
    const found = /^\s*Digest\s+(.*)$/is.exec(value);
    if (!found) continue;
    const params = parseAuthParams(found[1] ?? '');
    const realm = params.get('realm');
    const nonce = params.get('nonce');
    if (realm === undefined || nonce === undefined) continue;
    const qop = (params.get('qop') ?? '').split(',').map((q) => q.trim().toLowerCase()).filter((q) => q !== '');
    return { realm, nonce, opaque: params.get('opaque'), algorithm: (params.get('algorithm') ?? 'MD5').toUpperCase(), qop };
  }
  return undefined;
}

const quote = (value: string): string => `"${value.replace(/(["\\])/g, '\\$1')}"`;

/** The Authorization header value answering `challenge`. `cnonce` is random unless a test fixes it. */
export function digestAuthorization(challenge: DigestChallenge, credentials: DigestCredentials, request: DigestRequest, cnonce = randomBytes(16).toString('hex'), nc = '00000001'): string {
  const hashName = HASHES[challenge.algorithm];
  if (hashName === undefined) throw new DigestError(`the server asks for digest algorithm ${challenge.algorithm}, which Dialpane does not support (MD5, SHA-256)`);
  if (challenge.qop.length > 0 && !challenge.qop.includes('auth')) {
    throw new DigestError(`the server offers only qop=${challenge.qop.join(',')}; Dialpane supports qop=auth`);
  }
  const hash = (text: string): string => createHash(hashName).update(text, 'utf8').digest('hex');
  let ha1 = hash(`${credentials.user}:${challenge.realm}:${credentials.password}`);
  if (challenge.algorithm.endsWith('-SESS')) ha1 = hash(`${ha1}:${challenge.nonce}:${cnonce}`);
  const ha2 = hash(`${request.method}:${request.uri}`);
  const withQop = challenge.qop.length > 0;
  const response = withQop ? hash(`${ha1}:${challenge.nonce}:${nc}:${cnonce}:auth:${ha2}`) : hash(`${ha1}:${challenge.nonce}:${ha2}`);

  const parts = [
    `username=${quote(credentials.user)}`,
    `realm=${quote(challenge.realm)}`,
    `uri=${quote(request.uri)}`,
    `algorithm=${challenge.algorithm === 'MD5' ? 'MD5' : challenge.algorithm.replace('-SESS', '-sess')}`,
    `nonce=${quote(challenge.nonce)}`,
    ...(withQop ? [`nc=${nc}`, `cnonce=${quote(cnonce)}`, 'qop=auth'] : []),
    `response=${quote(response)}`,
    ...(challenge.opaque !== undefined ? [`opaque=${quote(challenge.opaque)}`] : []),
  ];
  return `Digest ${parts.join(', ')}`;
}
