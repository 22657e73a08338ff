/**
 * Cisco WebDialer against a local endpoint that answers as Cisco's published WD70 interface does
 * (no CallManager runs here): what makeCallSoap carries, how each documented response code reads,
 * and getProfileDetailSoap's device list.
 */
import request from 'supertest';
import { dialApp, newKey } from './support/app';
import { FakeWebdialer, type FakeUser } from './support/fake-webdialer';
import { makeCertificate } from './support/tls';

const BILL_PASSWORD = 'b1ll-cucm-s3cret';
const bill: FakeUser = {
  password: BILL_PASSWORD,
  devices: [
    { deviceName: 'SEPF01FAF38ABC2', lines: ['1002 ; no partition'], phoneDesc: '', phoneType: 'Cisco IP Communicator' },
    { deviceName: 'CSFBILL', lines: ['1001 ; no partition', '1003 ; Internal'], phoneDesc: 'Bill on Jabber', phoneType: 'Cisco Unified Client Services Framework' },
  ],
};
const env = { CUCM_PW: BILL_PASSWORD, WRONG_PW: 'not-his' };

describe('Cisco WebDialer (urn:WD70) against a local endpoint following the published WSDL', () => {
  let cucm: FakeWebdialer;
  const cisco = (extra: Record<string, unknown> = {}) => ({
    id: 'cucm',
    displayName: 'Cisco phone',
    kind: 'webdialer',
    url: `http://127.0.0.1:${cucm.port}`,
    user: 'bill',
    passwordEnv: 'CUCM_PW',
    applyDialRules: false,
    profile: { deviceName: 'SEPF01FAF38ABC2' },
    ...extra,
  });
  const app = (extra: Record<string, unknown> = {}) => dialApp({ dialers: [cisco(extra)] }, env);

  beforeAll(async () => {
    cucm = await new FakeWebdialer({ users: { bill } }).start();
  });

  afterAll(async () => {
    await cucm?.stop();
  });

  it('when Jane Doe\'s work number is called, then the destination arrives as +14085550100, not spaced', async () => {
    const service = app();
    const personId = await service.personId('Jane Doe');
    const res = await request(service.app).post('/api/dial').send({ dialerId: 'cucm', directoryId: 'demo', personId, phoneIndex: 0, idempotencyKey: newKey() }).expect(200);
    expect(res.body).toEqual({ outcome: 'queued', dialed: '+14085550100', preview: 'will dial +1 408 555 0100' });
    expect(cucm.calls.at(-1)).toEqual({ userID: 'bill', destination: '+14085550100', user: 'bill', deviceName: 'SEPF01FAF38ABC2', lineNumber: undefined });
    const body = cucm.bodies.at(-1) ?? '';
    expect(body).toContain('<in1 xsi:type="soapenc:string">+14085550100</in1>');
    expect(body).toContain(
      '<in2 xsi:type="urn:UserProfile"><user xsi:type="xsd:string">bill</user><deviceName xsi:type="xsd:string">SEPF01FAF38ABC2</deviceName><supportEM xsi:type="xsd:boolean">false</supportEM><locale xsi:type="xsd:string">English</locale><dontAutoClose xsi:type="xsd:boolean">true</dontAutoClose><dontShowCallConf xsi:type="xsd:boolean">true</dontShowCallConf></in2>',
    );
    expect(cucm.soapActions.at(-1)).toBe('""');
  });

  it('when the user picked their own device and line, then the UserProfile carries them', async () => {
    await request(app().app).post('/api/dial').send({ dialerId: 'cucm', number: '+44 20 7946 0000', device: 'CSFBILL', line: '1003 ; Internal', idempotencyKey: newKey() }).expect(200);
    expect(cucm.calls.at(-1)).toEqual({ userID: 'bill', destination: '+442079460000', user: 'bill', deviceName: 'CSFBILL', lineNumber: '1003 ; Internal' });
  });

  it('when the password is wrong, then the answer is 502 with responseCode 2 and what to check, never the password', async () => {
    const res = await request(app({ passwordEnv: 'WRONG_PW' }).app).post('/api/dial').send({ dialerId: 'cucm', number: '+1 408 555 0100', idempotencyKey: newKey() }).expect(502);
    expect(res.body).toEqual({
      code: 'DIALER_REJECTED',
      message: 'Cisco phone (cucm) refused the call (responseCode 2): User authentication error',
      hint: 'Check user and the password (passwordEnv or passwordFile) of this WebDialer dialer.',
    });
    expect(JSON.stringify(res.body)).not.toContain('not-his');
  });

  it('when the device is not the user\'s, then responseCode 5 says to choose the phone', async () => {
    const res = await request(app().app).post('/api/dial').send({ dialerId: 'cucm', number: '+1 408 555 0100', device: 'SEP000000000000', idempotencyKey: newKey() }).expect(502);
    expect(res.body).toEqual({
      code: 'DIALER_REJECTED',
      message: 'Cisco phone (cucm) refused the call (responseCode 5): No device is configured for the user, or missing parameters exist in the request.',
      hint: 'Choose your phone and line (GET /api/dialers/:id/devices lists them), or set profile.deviceName.',
    });
  });

  it('when calling for another user without proxy rights, then responseCode 3 names the missing role', async () => {
    const res = await request(app({ profile: { user: 'jane', deviceName: 'SEPF01FAF38ABC2' } }).app).post('/api/dial').send({ dialerId: 'cucm', number: '+1 408 555 0100', idempotencyKey: newKey() }).expect(502);
    expect(res.body).toMatchObject({ message: 'Cisco phone (cucm) refused the call (responseCode 3): No authentication proxy rights' });
    expect(res.body.hint).toContain('Standard EM Authentication Proxy Rights');
  });

  it('when WebDialer is overloaded, then responseCode 9 suggests trying again', async () => {
    const busy = await new FakeWebdialer({ users: { bill }, forceCode: 9 }).start();
    try {
      const res = await request(dialApp({ dialers: [cisco({ url: `http://127.0.0.1:${busy.port}` })] }, env).app)
        .post('/api/dial')
        .send({ dialerId: 'cucm', number: '+1 408 555 0100', idempotencyKey: newKey() })
        .expect(502);
      expect(res.body).toEqual({ code: 'DIALER_REJECTED', message: 'Cisco phone (cucm) refused the call (responseCode 9): Service overloaded', hint: 'The phone system is busy: try again in a moment.' });
    } finally {
      await busy.stop();
    }
  });

  it('when no device is configured or chosen, then the user is asked for one before anything is sent', async () => {
    const before = cucm.bodies.length;
    const res = await request(app({ profile: {} }).app).post('/api/dial').send({ dialerId: 'cucm', number: '+1 408 555 0100', idempotencyKey: newKey() }).expect(400);
    expect(res.body).toMatchObject({ code: 'DEVICE_REQUIRED', message: 'Cisco phone (cucm) needs to know your device to place the call.' });
    expect(cucm.bodies.length).toBe(before);
  });

  it('when the user\'s devices are listed, then getProfileDetailSoap\'s devices and lines come back', async () => {
    const res = await request(app().app).get('/api/dialers/cucm/devices').expect(200);
    expect(res.body).toEqual([
      { deviceName: 'SEPF01FAF38ABC2', lines: ['1002 ; no partition'], type: 'Cisco IP Communicator' },
      { deviceName: 'CSFBILL', lines: ['1001 ; no partition', '1003 ; Internal'], description: 'Bill on Jabber', type: 'Cisco Unified Client Services Framework' },
    ]);
    expect(cucm.bodies.at(-1)).toContain('<urn:getProfileDetailSoap soapenv:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/">');
  });

  it('when the endpoint path is wrong, then the answer names the path and the default', async () => {
    const res = await request(app({ path: '/webdialer/services/Nope' }).app).post('/api/dial').send({ dialerId: 'cucm', number: '+1 408 555 0100', idempotencyKey: newKey() }).expect(502);
    expect(res.body).toEqual({
      code: 'DIALER_REJECTED',
      message: 'Cisco phone (cucm) refused the call (HTTP 404): /webdialer/services/Nope did not answer with a WebDialer makeCallSoap response (not a SOAP 1.1 envelope (root html))',
      hint: 'Check url and path: the default path is /webdialer/services/WebdialerSoapService70.',
    });
  });

  it('when WebDialer serves HTTPS on 8443 with the cluster\'s own CA, then tls.caFile makes it trusted', async () => {
    const certificate = await makeCertificate();
    const secure = await new FakeWebdialer({ users: { bill }, tls: { cert: certificate.cert, key: certificate.key } }).start();
    try {
      await request(dialApp({ dialers: [cisco({ url: `https://localhost:${secure.port}`, tls: { caFile: certificate.caFile } })] }, env).app)
        .post('/api/dial')
        .send({ dialerId: 'cucm', number: '+1 408 555 0100', idempotencyKey: newKey() })
        .expect(200);
      expect(secure.calls.map((c) => c.destination)).toEqual(['+14085550100']);
    } finally {
      await secure.stop();
    }
  });

  it('when the dialers are listed, then WebDialer shows what it takes and never its credentials', async () => {
    const res = await request(app().app).get('/api/dialers').expect(200);
    expect(res.body).toEqual([
      {
        id: 'cucm',
        displayName: 'Cisco phone',
        kind: 'webdialer',
        accepts: { internationalPrefix: '+', sipUris: false, postDial: false },
        inPane: false,
        listsDevices: true,
        userDevice: true,
        defaultDevice: 'SEPF01FAF38ABC2',
      },
    ]);
    expect(JSON.stringify(res.body)).not.toContain(BILL_PASSWORD);
  });
});
