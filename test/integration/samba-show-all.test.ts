/** Show All against the real Samba AD DC: every person exactly once, page by page, by cursor. */
import request from 'supertest';
import type { PageResponse } from '../../src/shared/api';
import { SAMBA_DIRECTORY_ID, SAMBA_FACTS, sambaDirectoryConfig } from '../servers/env';
import { apiError, openApp, showAll, type TestApp } from './helpers';

let t: TestApp;
beforeAll(() => {
  t = openApp(sambaDirectoryConfig({ directory: { pageSize: 300 } }));
});
afterAll(() => t.close());

const people = `/api/directories/${SAMBA_DIRECTORY_ID}/people`;
const first = async (limit: number): Promise<PageResponse> => (await request(t.app).get(people).query({ limit: String(limit) }).expect(200)).body as PageResponse;

describe('Show All on Samba Active Directory', () => {
  it('when walking every page of 200 by cursor, then every enabled person comes exactly once and the disabled user never', async () => {
    const { people: listed, pages } = await showAll(t.app, SAMBA_DIRECTORY_ID, 200);
    expect(SAMBA_FACTS.listedNames).toHaveLength(1510); // 1,500 bulk + 9 enabled named people + Administrator
    expect(listed).toHaveLength(SAMBA_FACTS.listedNames.length);
    expect(new Set(listed.map((p) => p.id)).size).toBe(listed.length);
    expect(listed.map((p) => p.displayName).sort()).toEqual(SAMBA_FACTS.listedNames);
    expect(listed.map((p) => p.displayName)).not.toContain('Disabled Dan');
    expect(pages).toBe(Math.ceil(1510 / 200));
  });

  it('when walking Show All, then people come sorted by display name across pages (server-side sorting)', async () => {
    const { people: listed } = await showAll(t.app, SAMBA_DIRECTORY_ID, 200);
    // The server collates: compare the plain-ASCII names only (Samba places non-ASCII letters by its
    // own rules), and Administrator, which has no displayName, sorts after everyone.
    const names = listed.map((p) => p.displayName.toLowerCase()).filter((n) => /^[a-z ]+$/.test(n));
    expect(listed.at(-1)?.displayName).toBe('Administrator');
    names.pop();
    const outOfOrder = names.findIndex((name, i) => i > 0 && (names[i - 1] as string) > name);
    expect(outOfOrder).toBe(-1);
  });

  it('when pages of 1,000 are asked for, then two pages hold everyone', async () => {
    const { people: listed, pages } = await showAll(t.app, SAMBA_DIRECTORY_ID, 1000);
    expect(pages).toBe(2);
    expect(listed).toHaveLength(1510);
  });

  it('when the same cursor is sent twice (a retried request), then the same page comes back', async () => {
    const page1 = await first(50);
    const cursor = page1.nextCursor as string;
    const a = (await request(t.app).get(people).query({ cursor, limit: '50' }).expect(200)).body as PageResponse;
    const b = (await request(t.app).get(people).query({ cursor, limit: '50' }).expect(200)).body as PageResponse;
    expect(b).toEqual(a);
    expect(a.people).toHaveLength(50);
    expect(a.people.map((p) => p.id)).not.toContain(page1.people[0]?.id);
  });

  it('when a cursor two pages back is sent, then the answer is 410 CURSOR_EXPIRED', async () => {
    const page1 = await first(10);
    const page2 = (await request(t.app).get(people).query({ cursor: page1.nextCursor as string, limit: '10' }).expect(200)).body as PageResponse;
    await request(t.app).get(people).query({ cursor: page2.nextCursor as string, limit: '10' }).expect(200);
    const res = await request(t.app).get(people).query({ cursor: page1.nextCursor as string, limit: '10' }).expect(410);
    expect(apiError(res.body).code).toBe('CURSOR_EXPIRED');
  });

  it.each([['an unknown token', 'AAAAAAAAAAAAAAAAAAAAAA.1'], ['garbage', '../../etc/passwd'], ['filter syntax', '*)(objectClass=*']])(
    'when the cursor is %s, then the answer is 410 CURSOR_EXPIRED',
    async (_situation, cursor) => {
      const res = await request(t.app).get(people).query({ cursor }).expect(410);
      expect(res.body).toEqual({ code: 'CURSOR_EXPIRED', message: expect.any(String), hint: 'Click Show All again to start from the beginning.' });
    },
  );

  it('when q and cursor are both given, then the answer is 400 BAD_QUERY', async () => {
    const res = await request(t.app).get(people).query({ q: 'Jane', cursor: 'x' }).expect(400);
    expect(apiError(res.body).code).toBe('BAD_QUERY');
  });
});
