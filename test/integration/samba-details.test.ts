/**
 * What Active Directory adds to a person on the real Samba DC: the thumbnailPhoto served byte for
 * byte with caching headers, the manager resolved to someone who opens, SIP addresses as call
 * targets, and search as you type through Ambiguous Name Resolution.
 */
import request from 'supertest';
import type { Person, SearchResponse } from '../../src/shared/api';
import { fixturePhoto } from '../fixtures/samba-fixture';
import { SAMBA_DIRECTORY_ID, sambaDirectoryConfig } from '../servers/env';
import { apiError, openApp, type TestApp } from './helpers';

let t: TestApp;
beforeAll(() => {
  t = openApp(sambaDirectoryConfig());
});
afterAll(() => t.close());

const people = `/api/directories/${SAMBA_DIRECTORY_ID}/people`;

async function search(q: string): Promise<Person[]> {
  return ((await request(t.app).get(people).query({ q }).expect(200)).body as SearchResponse).people;
}
async function findOne(q: string): Promise<Person> {
  const found = await search(q);
  expect(found).toHaveLength(1);
  return found[0] as Person;
}
async function details(id: string): Promise<Person> {
  return (await request(t.app).get(`${people}/${encodeURIComponent(id)}`).expect(200)).body as Person;
}

describe('photos', () => {
  it('when John Smith is opened, then his details point at his photo, and the photo is the stored JPEG byte for byte', async () => {
    const john = await details((await findOne('John Smith')).id);
    const stored = fixturePhoto('john-smith.jpg');
    expect(john.photoUrl).toMatch(new RegExp(`^api/directories/samba/people/${john.id}/photo\\?v=[A-Za-z0-9_-]{16}$`));
    const res = await request(t.app).get(`/${john.photoUrl as string}`).buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.headers['cache-control']).toBe('private, max-age=86400');
    expect(res.headers['etag']).toBe(`"${(john.photoUrl as string).split('?v=')[1]}"`);
    expect(Buffer.compare(res.body as Buffer, stored)).toBe(0);
    expect((res.body as Buffer).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  });

  it('when the browser asks again with the ETag, then the answer is 304 without the bytes', async () => {
    const john = await details((await findOne('John Smith')).id);
    const first = await request(t.app).get(`${people}/${john.id}/photo`).expect(200);
    const again = await request(t.app).get(`${people}/${john.id}/photo`).set('If-None-Match', first.headers['etag'] as string);
    expect(again.status).toBe(304);
    expect(again.text ?? '').toBe('');
  });

  it('when a person has no photo, then the details carry no photoUrl and the photo route is 404 PHOTO_NOT_FOUND', async () => {
    const jane = await details((await findOne('Jane Doe')).id);
    expect(jane.photoUrl).toBeUndefined();
    const res = await request(t.app).get(`${people}/${jane.id}/photo`).expect(404);
    expect(res.body).toEqual({ code: 'PHOTO_NOT_FOUND', message: 'This person has no photo in the directory, or nobody has that id.', hint: 'Show the initials instead.' });
  });

  it('when the person id is not an id, then the photo route is 404 too, never an error', async () => {
    const res = await request(t.app).get(`${people}/${encodeURIComponent('*)(objectClass=*')}/photo`).expect(404);
    expect(apiError(res.body).code).toBe('PHOTO_NOT_FOUND');
  });

  it('when people are listed, then no photo travels with them', async () => {
    expect((await findOne('John Smith')).photoUrl).toBeUndefined();
  });
});

describe('managers', () => {
  it('when John Smith is opened, then his manager is Jane Doe (DN with an escaped comma), and her id opens her', async () => {
    const jane = await findOne('Jane Doe');
    const john = await details((await findOne('John Smith')).id);
    expect(john.manager).toEqual({ id: jane.id, displayName: 'Jane Doe' });
    expect((await details(jane.id)).displayName).toBe('Jane Doe');
  });

  it('when Priya Patel is opened, then her manager is Jürgen Müller', async () => {
    const priya = await details((await findOne('Priya Patel')).id);
    expect(priya.manager).toEqual({ id: (await findOne('Jürgen Müller')).id, displayName: 'Jürgen Müller' });
  });

  it('when the manager is someone the directory does not list (a disabled account), then the name comes without an id', async () => {
    const desk = await details((await findOne('Front Desk')).id);
    expect(desk.manager).toEqual({ displayName: 'Disabled Dan' });
  });

  it('when a person has no manager, then there is no manager field', async () => {
    expect((await details((await findOne('Jane Doe')).id)).manager).toBeUndefined();
  });
});

describe('SIP addresses', () => {
  it('when John Smith is listed, then his SIP addresses are sip: URIs, the primary first, each once, the SMTP and X500 entries left out', async () => {
    expect((await findOne('John Smith')).sip).toEqual(['sip:john.smith@monkey.com', 'sip:jsmith@lync.monkey.com']);
  });

  it('when a person has no SIP address, then there is no sip field', async () => {
    expect((await findOne('Jane Doe')).sip).toBeUndefined();
  });
});

describe('Ambiguous Name Resolution', () => {
  it.each([
    ['John Sm', ['John Smith']],
    ['Smith John', ['John Smith']],
    ['Jane D', ['Jane Doe']],
    ['Guido van', ['Guido van Rossum']],
    ['Jürgen Mü', ['Jürgen Müller']],
  ])('when %j is typed, then ANR finds %j', async (q, expected) => {
    expect((await search(q)).map((p) => p.displayName)).toEqual(expected);
  });
});
