/**
 * The HTTP hardening every answer carries, through createApp: security headers with the CSP the
 * pane needs inside Outlook, CORS with an allowlist and exact preflights, size limits, no caching
 * of API answers, and the sign-in gate (directory mode) or the loopback rule (no sign-in).
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { createApp } from '../../server/app';
import { createAuth } from '../../server/auth/create-auth';
import { demoConfigInput, parseConfig } from '../../server/config/load';
import { createDirectories } from '../../server/directory/create-directories';
import type { ApiError } from '../../src/shared/api';

const demo = parseConfig(demoConfigInput(), {});
const app = createApp(demo.config, { directories: createDirectories(demo) });

/** With sign-in; the directory is never contacted by these tests (nothing listens on port 1). */
function signInApp(extra: Record<string, unknown> = {}) {
  const loaded = parseConfig(
    { directories: [{ id: 'corp', displayName: 'Corp', kind: 'ad', url: 'ldap://127.0.0.1:1', bindUser: 'svc@corp.test', passwordEnv: 'PW', searchBase: 'DC=corp,DC=test' }], ...extra },
    { PW: 'x' },
    '/tmp',
  );
  return createApp(loaded.config, { directories: createDirectories(loaded), auth: createAuth(loaded, { signingKey: randomBytes(32) }) });
}

const CSP =
  "default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data: blob:;font-src 'self' data:;connect-src 'self';object-src 'none';base-uri 'self';form-action 'self';" +
  "frame-ancestors 'self' https://outlook.office.com https://outlook.office365.com https://*.outlook.com https://outlook.live.com https://outlook.cloud.microsoft https://*.office.com https://*.office365.com";

const error = (body: unknown): ApiError => body as ApiError;

describe('security headers', () => {
  it.each(['/api/health', '/api/directories', '/office-js/office.js'])('when %s is fetched, then the CSP lets only Outlook frame the pane and only this service give it scripts', async (url) => {
    const res = await request(app).get(url);
    expect(res.headers['content-security-policy']).toBe(CSP);
    expect(res.headers['x-frame-options']).toBeUndefined();
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('when the demo runs without sign-in, then no HSTS pins HTTPS on localhost; with sign-in, HSTS is sent', async () => {
    expect((await request(app).get('/api/health')).headers['strict-transport-security']).toBeUndefined();
    expect((await request(signInApp()).get('/api/health')).headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it('when Office.js comes from the CDN, then the CSP allows that CDN\'s scripts too; the frame ancestors are configurable', async () => {
    const loaded = parseConfig({ ...demoConfigInput(), server: { officeJs: 'cdn' }, security: { frameAncestors: ["'self'", 'https://outlook.example.com'] } }, {});
    const res = await request(createApp(loaded.config, { directories: createDirectories(loaded) })).get('/api/health');
    expect(res.headers['content-security-policy']).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(res.headers['content-security-policy']).toMatch(/;frame-ancestors 'self' https:\/\/outlook\.example\.com$/);
  });

  it('when an API answer goes out, then it is never cached', async () => {
    expect((await request(app).get('/api/directories')).headers['cache-control']).toBe('no-store');
  });
});

describe('CORS', () => {
  it('when the pane\'s own origin calls, then the answer allows it and varies by Origin', async () => {
    const res = await request(app).get('/api/directories').set('Host', 'localhost:3000').set('Origin', 'http://localhost:3000').expect(200);
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    expect(res.headers['vary']).toBe('Origin');
  });

  it('when no Origin is sent (same-origin GET, curl), then the answer still varies by Origin and carries no CORS grant', async () => {
    const res = await request(app).get('/api/directories').expect(200);
    expect(res.headers['vary']).toBe('Origin');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('when another origin calls, then 403 ORIGIN_NOT_ALLOWED and no CORS grant', async () => {
    const res = await request(app).get('/api/directories').set('Origin', 'https://evil.example').expect(403);
    expect(res.body).toEqual({ code: 'ORIGIN_NOT_ALLOWED', message: 'The page at https://evil.example is not allowed to call this Dialpane service.', hint: "Open the pane from the Dialpane service itself, or add the page's origin to security.corsOrigins." });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['vary']).toBe('Origin');
  });

  it('when a configured origin sends a preflight for POST with Authorization and Content-Type, then 204 names exactly what the API takes', async () => {
    const loaded = parseConfig({ ...demoConfigInput(), security: { corsOrigins: ['https://pane.example.com'] } }, {});
    const res = await request(createApp(loaded.config, { directories: createDirectories(loaded) }))
      .options('/api/dial')
      .set('Origin', 'https://pane.example.com')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'authorization, content-type')
      .expect(204);
    expect({
      origin: res.headers['access-control-allow-origin'],
      methods: res.headers['access-control-allow-methods'],
      headers: res.headers['access-control-allow-headers'],
      maxAge: res.headers['access-control-max-age'],
      vary: res.headers['vary'],
      credentials: res.headers['access-control-allow-credentials'],
    }).toEqual({ origin: 'https://pane.example.com', methods: 'GET, POST, DELETE', headers: 'Authorization, Content-Type', maxAge: '600', vary: 'Origin', credentials: undefined });
    expect(res.text).toBe('');
  });

  it.each([
    ['the method PUT', 'PUT', 'content-type', 'The method PUT is not allowed to call this Dialpane service.'],
    ['the header X-Api-Key', 'GET', 'authorization, x-api-key', 'The header x-api-key is not allowed to call this Dialpane service.'],
  ])('when a preflight asks for %s, then 403 without any CORS grant', async (_what, method, headers, message) => {
    const res = await request(app).options('/api/directories').set('Host', 'localhost:3000').set('Origin', 'http://localhost:3000').set('Access-Control-Request-Method', method).set('Access-Control-Request-Headers', headers).expect(403);
    expect(error(res.body).message).toBe(message);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-allow-methods']).toBeUndefined();
  });
});

describe('size limits', () => {
  it('when the URL is longer than security.maxUrlLength, then 414 URI_TOO_LONG', async () => {
    const res = await request(app).get(`/api/directories/demo/people?q=${'a'.repeat(2100)}`).expect(414);
    expect(res.body).toEqual({ code: 'URI_TOO_LONG', message: 'The request URL is longer than 2048 characters.', hint: 'Search with shorter text; ids and cursors are never this long.' });
  });

  it('when the body is larger than 64 KB, then 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await request(app).post('/api/dial').send({ dialerId: 'x', number: '1'.repeat(70_000) }).expect(413);
    expect(error(res.body).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it.each([
    ['text/plain', 'The request body is text/plain, not JSON.'],
    ['application/x-www-form-urlencoded', 'The request body is application/x-www-form-urlencoded, not JSON.'],
  ])('when the body is %s, then 400 BAD_REQUEST says it is not JSON rather than that dialerId is missing', async (type, message) => {
    const res = await request(app).post('/api/dial').set('Content-Type', type).send('{"dialerId":"x","number":"4100","idempotencyKey":"abcdefgh"}').expect(400);
    expect(res.body).toEqual({ code: 'BAD_REQUEST', message, hint: 'Send valid JSON with Content-Type: application/json.' });
  });

  it('when a POST has no body at all, then the route still names what is missing', async () => {
    const res = await request(app).post('/api/dial').expect(400);
    expect(error(res.body).message).toMatch(/^dialerId: /);
  });

  it('when the request line and headers exceed what Node reads, then the connection answers 431 before any route', async () => {
    const res = await request(app).get('/api/health').set('X-Padding', 'p'.repeat(20_000));
    expect(res.status).toBe(431);
  });
});

describe('without sign-in (loopback demo)', () => {
  it('when someone tries to sign in, then 404 SIGN_IN_UNAVAILABLE; the options say there is none', async () => {
    expect(error((await request(app).post('/api/session').send({ directoryId: 'demo', username: 'jdoe', password: 'x' }).expect(404)).body).code).toBe('SIGN_IN_UNAVAILABLE');
    expect((await request(app).get('/api/session/options').expect(200)).body).toEqual({ mode: 'none', directories: [] });
  });

  it('when the peer is not a loopback address (here a Unix socket, which has none), then 403 LOOPBACK_ONLY', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dialpane-socket-'));
    const socketPath = path.join(dir, 'api.sock');
    const server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    try {
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        http
          .get({ socketPath, path: '/api/directories' }, (res) => {
            let body = '';
            res.on('data', (c: Buffer) => (body += c.toString('utf8')));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          })
          .on('error', reject);
      });
      expect(answer.status).toBe(403);
      expect(error(JSON.parse(answer.body)).code).toBe('LOOPBACK_ONLY');
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('with sign-in', () => {
  it('when createApp is not given the sign-in services, then it refuses to build an open service', () => {
    const loaded = parseConfig({ directories: [{ id: 'corp', displayName: 'Corp', kind: 'ad', url: 'ldaps://dc1.corp.test', bindUser: 'svc@corp.test', passwordEnv: 'PW', searchBase: 'DC=corp,DC=test' }] }, { PW: 'x' }, '/tmp');
    expect(() => createApp(loaded.config, { directories: [] })).toThrow('auth.mode is "directory": pass deps.auth = createAuth(loaded) to createApp (or run the configuration with auth.mode: none on loopback)');
  });

  it('when the signing key is generated, then it is written once into server.dataDir (mode 0600) and reused', () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dialpane-key-'));
    try {
      const loaded = parseConfig({ server: { dataDir }, directories: [{ id: 'corp', displayName: 'Corp', kind: 'ad', url: 'ldaps://dc1.corp.test', bindUser: 'svc@corp.test', passwordEnv: 'PW', searchBase: 'DC=corp,DC=test' }] }, { PW: 'x' }, '/tmp');
      const first = createAuth(loaded)?.signingKey;
      const second = createAuth(loaded)?.signingKey;
      expect(first?.length).toBe(64);
      expect(Buffer.from(second ?? []).equals(Buffer.from(first ?? []))).toBe(true);
      expect(statSync(path.join(dataDir, 'auth', 'token-signing.key')).mode & 0o777).toBe(0o600);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('when the pane and Office.js are fetched without a token, then they load: only the API needs one', async () => {
    const signed = signInApp();
    await request(signed).get('/office-js/office.js').expect(200);
    expect(error((await request(signed).get('/api/directories').expect(401)).body).code).toBe('UNAUTHENTICATED');
  });
});
