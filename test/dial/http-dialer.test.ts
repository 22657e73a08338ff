/**
 * Desk phone / PBX action URLs against a local HTTP(S) server that records what arrives: the number
 * encoded for where it lands, GET and POST, Basic and Digest authentication, HTTPS with a CA file.
 */
import request from 'supertest';
import { dialApp, newKey } from './support/app';
import { RecordingServer } from './support/recording-http';
import { makeCertificate, type TestCertificate } from './support/tls';

const PASSWORD = 'desk-ph0ne-s3cret';
const env = { DESK_PW: PASSWORD };
const desk = { id: 'desk', displayName: 'Desk phone', kind: 'http', applyDialRules: false };

function call(dialer: Record<string, unknown>, number = '+1 408 555 0100') {
  const { app } = dialApp({ dialers: [{ ...desk, ...dialer }] }, env);
  return request(app).post('/api/dial').send({ dialerId: 'desk', number, idempotencyKey: newKey() });
}

describe('http dialer (action URL)', () => {
  const servers: RecordingServer[] = [];
  const serve = async (options: ConstructorParameters<typeof RecordingServer>[0] = {}): Promise<RecordingServer> => {
    const server = await new RecordingServer(options).start();
    servers.push(server);
    return server;
  };
  let certificate: TestCertificate;

  beforeAll(async () => {
    certificate = await makeCertificate();
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
  });

  it('when a Snom-style GET URL is configured, then + arrives as %2B and the call is queued', async () => {
    const phone = await serve();
    const res = await call({ url: `http://127.0.0.1:${phone.port}/command.htm?number={number}&outgoing_uri={device}`, device: 'alice@pbx' }).expect(200);
    expect(res.body).toEqual({ outcome: 'queued', dialed: '+14085550100', preview: 'will dial +1 408 555 0100' });
    expect(phone.requests.map((r) => [r.method, r.url, r.body])).toEqual([['GET', '/command.htm?number=%2B14085550100&outgoing_uri=alice%40pbx', '']]);
  });

  it('when the phone wants Digest, then the challenge is answered and the form body carries the number', async () => {
    const phone = await serve({ auth: { scheme: 'digest', user: 'admin', password: PASSWORD } });
    const res = await call({
      url: `http://127.0.0.1:${phone.port}/cgi-bin/api-make_call?phonenumber={number}`,
      method: 'POST',
      body: 'phonenumber={number}&account=0',
      auth: { scheme: 'digest', user: 'admin', passwordEnv: 'DESK_PW' },
    }).expect(200);
    expect(res.body).toMatchObject({ outcome: 'queued', dialed: '+14085550100' });
    expect(phone.requests.map((r) => [r.method, r.url, r.body, r.headers['content-type'], (r.headers.authorization ?? '').split(' ')[0]])).toEqual([
      ['POST', '/cgi-bin/api-make_call?phonenumber=%2B14085550100', 'phonenumber=%2B14085550100&account=0', 'application/x-www-form-urlencoded', ''],
      ['POST', '/cgi-bin/api-make_call?phonenumber=%2B14085550100', 'phonenumber=%2B14085550100&account=0', 'application/x-www-form-urlencoded', 'Digest'],
    ]);
  });

  it('when the phone wants Digest with SHA-256, then that algorithm is answered', async () => {
    const phone = await serve({ auth: { scheme: 'digest', user: 'admin', password: PASSWORD, algorithm: 'SHA-256' } });
    await call({ url: `http://127.0.0.1:${phone.port}/dial?n={number}`, auth: { scheme: 'digest', user: 'admin', passwordEnv: 'DESK_PW' } }).expect(200);
    expect(phone.requests.map((r) => /algorithm=([\w-]+)/.exec(r.headers.authorization ?? '')?.[1] ?? 'none')).toEqual(['none', 'SHA-256']);
  });

  it('when the body is JSON behind Basic auth, then + stays + inside the JSON string', async () => {
    const phone = await serve({ auth: { scheme: 'basic', user: 'admin', password: PASSWORD } });
    await call({
      url: `http://127.0.0.1:${phone.port}/api/v1/call`,
      method: 'POST',
      contentType: 'application/json',
      body: '{"number":"{number}"}',
      auth: { scheme: 'basic', user: 'admin', passwordEnv: 'DESK_PW' },
    }).expect(200);
    expect(phone.requests.map((r) => [r.body, r.headers.authorization])).toEqual([['{"number":"+14085550100"}', `Basic ${Buffer.from(`admin:${PASSWORD}`).toString('base64')}`]]);
  });

  it('when the phone serves HTTPS with its own CA and tls.caFile names it, then the call goes through', async () => {
    const phone = await serve({ tls: { cert: certificate.cert, key: certificate.key } });
    await call({ url: `https://localhost:${phone.port}/command.htm?number={number}`, tls: { caFile: certificate.caFile } }).expect(200);
    expect(phone.requests.map((r) => r.url)).toEqual(['/command.htm?number=%2B14085550100']);
  });

  it('when the phone\'s CA is not given, then the answer is 502 saying the certificate is not trusted', async () => {
    const phone = await serve({ tls: { cert: certificate.cert, key: certificate.key } });
    const res = await call({ url: `https://localhost:${phone.port}/command.htm?number={number}` }).expect(502);
    expect(res.body).toMatchObject({ code: 'DIALER_UNREACHABLE' });
    expect(res.body.message).toMatch(new RegExp(`^Desk phone \\(desk\\) cannot be reached: the TLS certificate of https://localhost:${phone.port} is not trusted \\([A-Z_]+\\): set tls\\.caFile\\.$`));
    expect(phone.requests).toEqual([]);
  });

  it('when the password is wrong, then the answer is 502 with the phone\'s 401 and never the password', async () => {
    const phone = await serve({ auth: { scheme: 'digest', user: 'admin', password: 'other' } });
    const res = await call({ url: `http://127.0.0.1:${phone.port}/dial?n={number}`, auth: { scheme: 'digest', user: 'admin', passwordEnv: 'DESK_PW' } }).expect(502);
    expect(res.body).toEqual({
      code: 'DIALER_REJECTED',
      message: 'Desk phone (desk) refused the call (HTTP 401): Unauthorized',
      hint: 'Check auth.user and the password of dialer "desk", and that the phone allows action URLs from this service.',
    });
    expect(JSON.stringify(res.body)).not.toContain(PASSWORD);
  });

  it('when the phone answers 500, then the answer is 502 with that status', async () => {
    const phone = await serve({ status: 500 });
    const res = await call({ url: `http://127.0.0.1:${phone.port}/dial?n={number}` }).expect(502);
    expect(res.body).toMatchObject({ code: 'DIALER_REJECTED', message: 'Desk phone (desk) refused the call (HTTP 500): Internal Server Error' });
  });

  it('when the URL uses {device} and neither the request nor the configuration gives one, then the user is asked to choose a phone', async () => {
    const phone = await serve();
    const res = await call({ url: `http://127.0.0.1:${phone.port}/dial?n={number}&from={device}` }).expect(400);
    expect(res.body).toEqual({
      code: 'DEVICE_REQUIRED',
      message: 'Desk phone (desk) needs to know your device to place the call.',
      hint: 'Choose your phone in the pane, or set a default device for dialer "desk" in the configuration.',
    });
  });
});
