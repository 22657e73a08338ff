/**
 * A stand-in for a desk phone's or PBX's web interface: records every request as it arrives and,
 * when asked, demands Basic or Digest (RFC 7616, qop=auth) authentication the way phones do —
 * a 401 with a fresh nonce first, then a check of the client's response hash.
 */
import { createHash, randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface RecordingOptions {
  tls?: { cert: Buffer; key: Buffer };
  auth?: { scheme: 'basic' | 'digest'; user: string; password: string; algorithm?: 'MD5' | 'SHA-256' };
  /** Status of an authenticated request; 200 unless a test wants the phone to fail. */
  status?: number;
}

function params(header: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of header.matchAll(/(\w+)=(?:"([^"]*)"|([^\s,]+))/g)) map.set(m[1] ?? '', m[2] ?? m[3] ?? '');
  return map;
}

export class RecordingServer {
  readonly requests: Recorded[] = [];
  private readonly nonces = new Set<string>();
  private server!: http.Server;
  port = 0;

  constructor(private readonly options: RecordingOptions = {}) {}

  async start(): Promise<this> {
    const handler = (req: IncomingMessage, res: ServerResponse): void => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        this.answer(req, res);
      });
    };
    this.server = this.options.tls ? https.createServer({ cert: this.options.tls.cert, key: this.options.tls.key }, handler) : http.createServer(handler);
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  private answer(req: IncomingMessage, res: ServerResponse): void {
    const auth = this.options.auth;
    const given = req.headers.authorization ?? '';
    if (auth?.scheme === 'basic' && given !== `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}`) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="phone"' }).end();
      return;
    }
    if (auth?.scheme === 'digest' && !this.digestValid(req, given)) {
      const nonce = randomBytes(12).toString('hex');
      this.nonces.add(nonce);
      res.writeHead(401, { 'WWW-Authenticate': `Digest realm="phone@127.0.0.1", qop="auth", nonce="${nonce}", opaque="0pa9ue", algorithm=${auth.algorithm ?? 'MD5'}` }).end();
      return;
    }
    res.writeHead(this.options.status ?? 200, { 'Content-Type': 'text/plain' }).end('OK');
  }

  /** Checks the Digest answer as the phone would: known nonce, our realm, and the hash over what was requested. */
  private digestValid(req: IncomingMessage, header: string): boolean {
    const auth = this.options.auth;
    if (!auth || !header.startsWith('Digest ')) return false;
    const p = params(header.slice(7));
    const hashName = (auth.algorithm ?? 'MD5') === 'MD5' ? 'md5' : 'sha256';
    const h = (s: string): string => createHash(hashName).update(s).digest('hex');
    if (!this.nonces.has(p.get('nonce') ?? '') || p.get('realm') !== 'phone@127.0.0.1' || p.get('uri') !== req.url || p.get('opaque') !== '0pa9ue') return false;
    const ha1 = h(`${auth.user}:phone@127.0.0.1:${auth.password}`);
    const ha2 = h(`${req.method ?? ''}:${req.url ?? ''}`);
    const expected = h(`${ha1}:${p.get('nonce') ?? ''}:${p.get('nc') ?? ''}:${p.get('cnonce') ?? ''}:${p.get('qop') ?? ''}:${ha2}`);
    return p.get('username') === auth.user && p.get('qop') === 'auth' && p.get('response') === expected;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
