/**
 * Asterisk over AMI against a local endpoint speaking the Manager protocol (no Asterisk runs here):
 * Login, Originate with Async: true and a unique ActionID, the outcome read from the matching
 * OriginateResponse event and its Reason.
 */
import net from 'node:net';
import request from 'supertest';
import { dialApp, newKey } from './support/app';
import { FakeAmi } from './support/fake-ami';

const SECRET = 'ami-s3cret';
const env = { AMI_PW: SECRET, AMI_WRONG: 'guess' };

describe('Asterisk Manager Interface Originate', () => {
  let asterisk: FakeAmi;
  const pbx = (extra: Record<string, unknown> = {}) => ({
    id: 'pbx',
    displayName: 'Asterisk',
    kind: 'ami',
    host: '127.0.0.1',
    port: asterisk.port,
    username: 'dialpane',
    passwordEnv: 'AMI_PW',
    device: '1001',
    callerId: '"Dialpane" <{number}>',
    internationalPrefix: '011',
    originateTimeoutMs: 20_000,
    ...extra,
  });
  const call = (extra: Record<string, unknown> = {}, body: Record<string, unknown> = {}) =>
    request(dialApp({ dialRules: [{ kind: 'external', country: 'US', outsideLine: '9' }], dialers: [pbx(extra)] }, env).app)
      .post('/api/dial')
      .send({ dialerId: 'pbx', number: '+1 (408) 555-0100', idempotencyKey: newKey(), ...body });

  beforeAll(async () => {
    asterisk = await new FakeAmi({
      users: { dialpane: { secret: SECRET, canOriginate: true }, reader: { secret: SECRET, canOriginate: false } },
      channels: { 'PJSIP/1001': 4, 'PJSIP/1002': 5, 'PJSIP/1003': 3 },
    }).start();
  });

  afterAll(async () => {
    await asterisk?.stop();
  });

  it('when the user\'s phone answers, then the call is ringing and Originate carried exactly the configured fields', async () => {
    const res = await call().expect(200);
    expect(res.body).toEqual({ outcome: 'ringing', dialed: '914085550100', preview: 'will dial 9 1 408 555 0100' });
    const login = asterisk.logins.at(-1) ?? [];
    expect(login.map(([k, v]) => (k === 'ActionID' ? [k, v.replace(/[0-9a-f-]{36}$/, 'ID')] : [k, v]))).toEqual([
      ['Action', 'Login'],
      ['ActionID', 'dialpane-login-ID'],
      ['Username', 'dialpane'],
      ['Secret', SECRET],
      ['Events', 'call'],
    ]);
    const originate = asterisk.originates.at(-1) ?? [];
    expect(originate.map(([k, v]) => (k === 'ActionID' ? [k, /^dialpane-[0-9a-f-]{36}$/.test(v)] : [k, v]))).toEqual([
      ['Action', 'Originate'],
      ['ActionID', true],
      ['Channel', 'PJSIP/1001'],
      ['Context', 'from-internal'],
      ['Exten', '914085550100'],
      ['Priority', '1'],
      ['CallerID', '"Dialpane" <914085550100>'],
      ['Timeout', '20000'],
      ['Async', 'true'],
    ]);
  });

  it('gives every Originate its own ActionID', async () => {
    await call().expect(200);
    await call().expect(200);
    const ids = asterisk.originates.map((o) => o.find(([k]) => k === 'ActionID')?.[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('when the user chose their own extension, then that channel rings', async () => {
    await call({}, { device: '1003' }).expect(502);
    expect(asterisk.originates.at(-1)?.find(([k]) => k === 'Channel')).toEqual(['Channel', 'PJSIP/1003']);
  });

  it.each([
    ['1002', 'Reason 5', 'the phone is busy'],
    ['1003', 'Reason 3', 'the phone rang but nobody answered'],
    ['4711', 'Reason 0', 'the phone could not be reached (no such device, or the channel could not be created)'],
  ])('when extension %s is rung, then the OriginateResponse reads %s', async (device, code, text) => {
    const res = await call({ device }).expect(502);
    expect(res.body).toEqual({
      code: 'DIALER_REJECTED',
      message: `Asterisk (pbx) refused the call (${code}): ${text}`,
      hint: 'Answer your phone when it rings; check the device (channel) set for you.',
    });
  });

  it('when the secret is wrong, then Asterisk\'s "Authentication failed" is named and the secret is not', async () => {
    const res = await call({ passwordEnv: 'AMI_WRONG' }).expect(502);
    expect(res.body).toEqual({
      code: 'DIALER_REJECTED',
      message: 'Asterisk (pbx) refused the call (Response: Error): Authentication failed',
      hint: 'Check username and the password of AMI dialer "pbx" (manager.conf).',
    });
    expect(JSON.stringify(res.body)).not.toContain('guess');
  });

  it('when the AMI user may not originate, then "Permission denied" is named', async () => {
    const res = await call({ username: 'reader' }).expect(502);
    expect(res.body).toMatchObject({ code: 'DIALER_REJECTED', message: 'Asterisk (pbx) refused the call (Response: Error): Permission denied' });
  });

  it('when the port is not AMI, then the answer says what answered instead', async () => {
    const impostor = net.createServer((socket) => socket.end('SSH-2.0-OpenSSH_9.2p1\r\n'));
    await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', resolve));
    try {
      const port = (impostor.address() as net.AddressInfo).port;
      const res = await call({ port }).expect(502);
      expect(res.body).toMatchObject({ code: 'DIALER_UNREACHABLE', message: `Asterisk (pbx) cannot be reached: 127.0.0.1:${port} is not an Asterisk Manager Interface (it greeted "SSH-2.0-OpenSSH_9.2p1").` });
    } finally {
      await new Promise((resolve) => impostor.close(resolve));
    }
  });
});
