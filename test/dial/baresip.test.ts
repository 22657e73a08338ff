/**
 * The baresip dialer end to end: a real baresip told to dial over ctrl_tcp, a real SIPp answering
 * as the called party, and the INVITE SIPp receives as the proof of what was dialed.
 */
import request from 'supertest';
import type { DialResponse } from '../../src/shared/api';
import { Baresip } from './support/baresip';
import { dialApp, newKey, type DialApp } from './support/app';
import { freeTcpPort } from './support/ports';
import { Sipp } from './support/sipp';

describe('baresip softphone over ctrl_tcp, SIPp as the called party', () => {
  let baresip: Baresip;
  let sipp: Sipp;
  let service: DialApp;
  let at: string;

  beforeAll(async () => {
    [baresip, sipp] = await Promise.all([Baresip.start(), Sipp.start()]);
    at = `127.0.0.1:${sipp.port}`;
    const softphone = { kind: 'baresip', host: '127.0.0.1', port: baresip.ctrlPort, dialString: `sip:{number}@${at}` };
    service = dialApp({
      dialRules: [
        { kind: 'internal', match: '+1 408 555 01xx', dial: '01xx' },
        { kind: 'external', country: 'US', outsideLine: '9' },
      ],
      dialers: [
        { ...softphone, id: 'office', displayName: 'Office softphone', internationalPrefix: '011' },
        { ...softphone, id: 'e164', displayName: 'E.164 softphone', applyDialRules: false },
      ],
    });
  });

  afterAll(async () => {
    await Promise.all([baresip?.stop(), sipp?.stop()]);
  });

  const dial = (body: Record<string, unknown>) => request(service.app).post('/api/dial').send({ idempotencyKey: newKey(), ...body });

  it('when a US number is called through the office rules, then the INVITE asks for 9 1 408 555 0200', async () => {
    const res = await dial({ dialerId: 'office', number: '+1 (408) 555-0200' }).expect(200);
    expect(res.body).toEqual({ outcome: 'ringing', dialed: '914085550200', preview: 'will dial 9 1 408 555 0200' });
    await sipp.waitForInvite(`sip:914085550200@${at}`);
  });

  it('when Mateja\'s +386 1 555 0100 is called from the directory, then country code 386 stays intact', async () => {
    const personId = await service.personId('Mateja Novak');
    const office = await dial({ dialerId: 'office', directoryId: 'demo', personId, phoneIndex: 0 }).expect(200);
    expect(office.body).toEqual({ outcome: 'ringing', dialed: '901138615550100', preview: 'will dial 9 011 386 1 555 01 00' });
    await sipp.waitForInvite(`sip:901138615550100@${at}`);

    const e164 = await dial({ dialerId: 'e164', directoryId: 'demo', personId, phoneIndex: 0 }).expect(200);
    expect(e164.body).toEqual({ outcome: 'ringing', dialed: '+38615550100', preview: 'will dial +386 1 555 01 00' });
    await sipp.waitForInvite(`sip:+38615550100@${at}`);
  });

  it('when +44 (0)20 7946 0000 is typed, then the (0) is dropped', async () => {
    const res = await dial({ dialerId: 'e164', number: '+44 (0)20 7946 0000' }).expect(200);
    expect(res.body).toEqual({ outcome: 'ringing', dialed: '+442079460000', preview: 'will dial +44 20 7946 0000' });
    await sipp.waitForInvite(`sip:+442079460000@${at}`);
  });

  it('when sip:müller@pbx.example.test is dialed, then baresip takes the frame (its length counts the two bytes of ü)', async () => {
    const res = await dial({ dialerId: 'office', number: 'sip:müller@pbx.example.test' }).expect(200);
    expect(res.body).toEqual({ outcome: 'ringing', dialed: 'sip:müller@pbx.example.test', preview: 'will call sip:müller@pbx.example.test' });
  });

  it('when a SIP address with ü is dialed to SIPp, then the INVITE carries it byte for byte', async () => {
    await dial({ dialerId: 'office', number: `sip:müller@${at}` }).expect(200);
    await sipp.waitForInvite(`sip:müller@${at}`);
  });

  it('when Call is double-clicked and the request retried, then SIPp receives one INVITE', async () => {
    const body = { dialerId: 'office', number: '+1 650 555 0142', idempotencyKey: newKey() };
    const clicks = await Promise.all([request(service.app).post('/api/dial').send(body), request(service.app).post('/api/dial').send(body)]);
    const retry = await request(service.app).post('/api/dial').send(body);
    const expected: DialResponse = { outcome: 'ringing', dialed: '916505550142', preview: 'will dial 9 1 650 555 0142' };
    for (const res of [...clicks, retry]) {
      expect(res.status).toBe(200);
      expect(res.body).toEqual(expected);
    }
    const uri = `sip:916505550142@${at}`;
    await sipp.waitForInvite(uri);
    // baresip answers commands in order: once listcalls answers, any second dial would already be a call.
    const calls = await baresip.command('listcalls');
    expect(calls.data.split('\n').filter((line) => line.includes(uri))).toHaveLength(1);
    expect(sipp.callsTo(uri)).toHaveLength(1);
  });

  it('when baresip does not listen, then the answer is 502 naming the address', async () => {
    const port = await freeTcpPort();
    const dead = dialApp({ dialers: [{ id: 'dead', displayName: 'Softphone', kind: 'baresip', port }] });
    const res = await request(dead.app).post('/api/dial').send({ dialerId: 'dead', number: '+1 408 555 0200', idempotencyKey: newKey() }).expect(502);
    expect(res.body).toEqual({
      code: 'DIALER_UNREACHABLE',
      message: `Softphone (dead) cannot be reached: nothing listens on 127.0.0.1:${port} (connection refused).`,
      hint: 'Check that the phone, softphone or phone system is running and reachable from the Dialpane service, then call again.',
    });
  });

  it('when baresip refuses the dial command, then the answer is 502 with baresip\'s own words', async () => {
    const noAccount = await Baresip.start({ withAccount: false });
    try {
      const refusing = dialApp({ dialers: [{ id: 'bare', displayName: 'Softphone', kind: 'baresip', port: noAccount.ctrlPort }] });
      const res = await request(refusing.app).post('/api/dial').send({ dialerId: 'bare', number: '+1 408 555 0200', idempotencyKey: newKey() }).expect(502);
      expect(res.body).toEqual({
        code: 'DIALER_REJECTED',
        message: 'Softphone (bare) refused the call (ok: false): baresip said "Invalid argument"',
        hint: 'Check baresip\'s account and the dial string (dialString) against its log.',
      });
    } finally {
      await noAccount.stop();
    }
  });
});
