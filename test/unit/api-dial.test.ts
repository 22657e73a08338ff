/** The dialing API on the demo directory with link dialers (no server needed): shapes, previews and every refusal. */
import request from 'supertest';
import { createApp } from '../../server/app';
import { demoConfigInput, parseConfig } from '../../server/config/load';
import { createDialers } from '../../server/dial/create-dialers';
import { createDirectories } from '../../server/directory/create-directories';

const loaded = parseConfig(
  {
    ...demoConfigInput(),
    dialRules: [{ kind: 'external', country: 'US', outsideLine: '9', match: '+1 408*' }],
    dialers: [
      { id: 'tel', displayName: 'Phone app', kind: 'uri' },
      { id: 'tel-pbx', displayName: 'PBX link', kind: 'uri', phoneContext: 'monkey.com', allowUserDevice: false, applyDialRules: true },
      { id: 'sip', displayName: 'SIP client', kind: 'uri', scheme: 'sip', sipDomain: 'pbx.monkey.com' },
      { id: 'jabber', displayName: 'Jabber', kind: 'uri', scheme: 'ciscotel' },
    ],
  },
  {},
);
const directories = createDirectories(loaded);
const app = createApp(loaded.config, { directories, dialers: createDialers(loaded) });

async function personId(name: string): Promise<string> {
  const found = await directories[0]?.search(name, 2);
  return found?.people.find((p) => p.displayName === name)?.id ?? 'missing';
}

const preview = (body: Record<string, unknown>) => request(app).post('/api/dial/preview').send(body);
const dial = (body: Record<string, unknown>) => request(app).post('/api/dial').send({ idempotencyKey: 'click-0001', ...body });

describe('dialing API', () => {
  it('lists the dialers with what each takes', async () => {
    const res = await request(app).get('/api/dialers').expect(200);
    expect(res.body).toEqual([
      { id: 'tel', displayName: 'Phone app', kind: 'uri', accepts: { internationalPrefix: '+', sipUris: false, postDial: true }, inPane: true, listsDevices: false, userDevice: true },
      { id: 'tel-pbx', displayName: 'PBX link', kind: 'uri', accepts: { internationalPrefix: '+', sipUris: false, postDial: true }, inPane: true, listsDevices: false, userDevice: false },
      { id: 'sip', displayName: 'SIP client', kind: 'uri', accepts: { internationalPrefix: '+', sipUris: true, postDial: false }, inPane: true, listsDevices: false, userDevice: true },
      { id: 'jabber', displayName: 'Jabber', kind: 'uri', accepts: { internationalPrefix: '+', sipUris: false, postDial: false }, inPane: true, listsDevices: false, userDevice: true },
    ]);
  });

  it('when no dialer is configured, then the list is empty (the pane keeps its tel: link)', async () => {
    const plain = parseConfig(demoConfigInput(), {});
    const res = await request(createApp(plain.config, { directories: createDirectories(plain) })).get('/api/dialers').expect(200);
    expect(res.body).toEqual([]);
  });

  it('when Jane Doe\'s work number is previewed, then the rules apply and the link to open is given', async () => {
    const id = await personId('Jane Doe');
    const res = await preview({ dialerId: 'tel-pbx', directoryId: 'demo', personId: id, phoneIndex: 0 }).expect(200);
    expect(res.body).toEqual({ dialerId: 'tel-pbx', dialed: '914085550100', preview: 'will dial 9 1 408 555 0100', uri: 'tel:914085550100;phone-context=monkey.com' });
  });

  it('when Jane Doe\'s extension is previewed, then it dials as an extension', async () => {
    const id = await personId('Jane Doe');
    const res = await preview({ dialerId: 'tel-pbx', directoryId: 'demo', personId: id, phoneIndex: 2 }).expect(200);
    expect(res.body).toEqual({ dialerId: 'tel-pbx', dialed: '4100', preview: 'will dial 4100', uri: 'tel:4100;phone-context=monkey.com' });
  });

  it.each([
    ['tel', '+44 (0)20 7946 0000', '+442079460000', 'will dial +44 20 7946 0000', 'tel:+442079460000'],
    ['tel', '+1 (650) 555-0100 x123', '+16505550100;ext=123', 'will dial +1 650 555 0100, then 123', 'tel:+16505550100;ext=123'],
    ['sip', '+386 1 555 0100', '+38615550100', 'will dial +386 1 555 01 00', 'sip:+38615550100@pbx.monkey.com'],
    ['sip', 'sip:müller@pbx.example.test', 'sip:müller@pbx.example.test', 'will call sip:müller@pbx.example.test', 'sip:müller@pbx.example.test'],
    ['jabber', '408.555.0100', '+14085550100', 'will dial +1 408 555 0100', 'ciscotel:+14085550100'],
  ])('when %s previews %j, then it dials %s', async (dialerId, number, dialed, sentence, uri) => {
    const res = await preview({ dialerId, number }).expect(200);
    expect(res.body).toEqual({ dialerId, dialed, preview: sentence, uri });
  });

  it('when a link dialer is asked to dial, then the pane is told to open the link itself', async () => {
    const res = await dial({ dialerId: 'tel', number: '+1 408 555 0100' }).expect(400);
    expect(res.body).toEqual({
      code: 'DIALER_IN_PANE',
      message: 'Phone app (tel) is a tel: link that the pane opens; the service does not dial it.',
      hint: 'Open the uri from POST /api/dial/preview in the pane instead.',
    });
  });

  it('when the number is not dialable, then 422 says why', async () => {
    const id = await personId('Mateja Novak');
    const res = await preview({ dialerId: 'tel', directoryId: 'demo', personId: id, phoneIndex: 1 }).expect(422);
    expect(res.body).toEqual({ code: 'NOT_DIALABLE', message: 'This number cannot be dialed: not a phone number (no digits).', hint: 'Pick another number, or type it with its +country code.' });
  });

  it('when a SIP address goes to a dialer of numbers, then 422 says so', async () => {
    const res = await preview({ dialerId: 'tel', number: 'sip:müller@pbx.example.test' }).expect(422);
    expect(res.body).toMatchObject({ code: 'NOT_DIALABLE', message: 'This number cannot be dialed: Phone app dials numbers, not SIP addresses.' });
  });

  it.each([
    [{ dialerId: 'nope', number: '+1 408 555 0100' }, 404, 'DIALER_NOT_FOUND', 'There is no dialer "nope".'],
    [{ dialerId: 'tel', directoryId: 'nope', personId: 'x', phoneIndex: 0 }, 404, 'DIRECTORY_NOT_FOUND', 'There is no directory "nope".'],
    [{ dialerId: 'tel', directoryId: 'demo', personId: 'nobody', phoneIndex: 0 }, 404, 'PERSON_NOT_FOUND', 'Nobody in this directory has that id.'],
    [{ dialerId: 'tel' }, 400, 'BAD_REQUEST', 'The number to call is missing or given twice.'],
    [{ dialerId: 'tel', number: '+1 408 555 0100', directoryId: 'demo', personId: 'x', phoneIndex: 0 }, 400, 'BAD_REQUEST', 'The number to call is missing or given twice.'],
    [{ dialerId: 'tel', number: '+1 408 555 0100', colour: 'red' }, 400, 'BAD_REQUEST', 'body: unknown field "colour".'],
    [{ dialerId: 'tel', directoryId: 'demo', personId: 'x', phoneIndex: -1 }, 400, 'BAD_REQUEST', 'phoneIndex: Too small: expected number to be >=0.'],
  ])('when the preview request is %j, then it is refused with %i %s', async (body, status, code, message) => {
    const res = await preview(body).expect(status);
    expect(res.body).toMatchObject({ code, message });
  });

  it('when phoneIndex is past the person\'s numbers, then it says how many there are', async () => {
    const id = await personId('Mateja Novak');
    const res = await preview({ dialerId: 'tel', directoryId: 'demo', personId: id, phoneIndex: 5 }).expect(400);
    expect(res.body).toMatchObject({ code: 'BAD_REQUEST', message: 'phoneIndex 5 is out of range: Mateja Novak has 2 numbers.' });
  });

  it.each([
    [{ dialerId: 'tel', number: '+1 408 555 0100', idempotencyKey: undefined }, 'idempotencyKey: Invalid input: expected string, received undefined.'],
    [{ dialerId: 'tel', number: '+1 408 555 0100', idempotencyKey: 'short' }, 'idempotencyKey: must be 8 to 128 letters, digits, - or _ (a UUID works).'],
    [{ dialerId: 'tel', number: '+1 408 555 0100', device: '1001\r\nAction: Logoff' }, 'device: must be up to 64 letters, digits and . _ @ : ; / + # * - (no line breaks).'],
  ])('when the dial request is %j, then it is refused before anything is dialed', async (body, message) => {
    const res = await dial(body).expect(400);
    expect(res.body).toMatchObject({ code: 'BAD_REQUEST', message });
  });

  it('when an idempotency key is reused for another number, then 409', async () => {
    await dial({ dialerId: 'tel', number: '+1 408 555 0100', idempotencyKey: 'click-reuse-1' }).expect(400);
    const res = await dial({ dialerId: 'tel', number: '+1 408 555 0199', idempotencyKey: 'click-reuse-1' }).expect(409);
    expect(res.body).toEqual({ code: 'IDEMPOTENCY_KEY_REUSED', message: 'This idempotency key was already used for a different call.', hint: 'Send a new idempotencyKey for each click on Call.' });
  });

  it('when devices are asked of a dialer that cannot list them, then 400 says which can', async () => {
    const res = await request(app).get('/api/dialers/tel/devices').expect(400);
    expect(res.body).toEqual({ code: 'DIALER_UNSUPPORTED', message: 'Phone app (tel) cannot list devices.', hint: 'Only WebDialer dialers list the user\'s phones and lines.' });
  });
});
