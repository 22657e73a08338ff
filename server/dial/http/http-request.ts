/**
 * One HTTP(S) request with a time budget, a CA file for phones and PBXes with their own certificates,
 * and failures turned into DIALER_UNREACHABLE / DIALER_TIMEOUT. Shared by the action-URL and WebDialer dialers.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { dialerTimeout, dialerUnreachable, describeNetworkError, type DialerName } from '../dial-errors';

export interface HttpTls {
  caFile?: string | undefined;
  rejectUnauthorized: boolean;
}

export interface HttpRequest {
  method: string;
  url: URL;
  headers?: Record<string, string>;
  body?: string;
  tls: HttpTls;
  timeoutMs: number;
}

export interface HttpResponse {
  status: number;
  statusText: string;
  /** Header values by lower-case name, every occurrence kept (WWW-Authenticate may come twice). */
  headers: Map<string, string[]>;
  body: string;
}

/** Answers bigger than this are cut: phones answer with a few lines, SOAP answers with a few KB. */
const MAX_BODY_BYTES = 1024 * 1024;

export function httpRequest(dialer: DialerName, request: HttpRequest): Promise<HttpResponse> {
  const { url } = request;
  const address = `${url.protocol}//${url.host}`;
  const secure = url.protocol === 'https:';
  const body = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8');
  const headers = { ...request.headers, ...(body ? { 'Content-Length': String(body.length) } : {}) };
  return new Promise((resolve, reject) => {
    let ca: Buffer | undefined;
    try {
      ca = secure && request.tls.caFile !== undefined ? readFileSync(request.tls.caFile) : undefined;
    } catch (error) {
      reject(dialerUnreachable(dialer, `the CA file ${request.tls.caFile ?? ''} cannot be read`, error));
      return;
    }
    const options: https.RequestOptions = { method: request.method, headers, ...(secure ? { ca, rejectUnauthorized: request.tls.rejectUnauthorized } : {}) };
    const req = (secure ? https : http).request(url, options, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      });
      res.on('end', () => {
        clearTimeout(timer);
        const map = new Map<string, string[]>();
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
          const name = (res.rawHeaders[i] ?? '').toLowerCase();
          map.set(name, [...(map.get(name) ?? []), res.rawHeaders[i + 1] ?? '']);
        }
        resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers: map, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', (error) => {
        clearTimeout(timer);
        reject(dialerUnreachable(dialer, describeNetworkError(error, address), error));
      });
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(dialerTimeout(dialer, `${request.method} ${address}${url.pathname}`, request.timeoutMs));
    }, request.timeoutMs);
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(dialerUnreachable(dialer, describeNetworkError(error, address), error));
    });
    req.end(body);
  });
}
