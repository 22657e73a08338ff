/**
 * Show All cursor sessions without a server: paging, retries, expiry after idling, the cap on open
 * lists, and that pages are read from the directory only as they are asked for.
 */
import type { Client, SearchResult } from 'ldapts';
import { ShowAllSessions, type ShowAllOptions } from '../../server/directory/ldap/show-all';
import { DialpaneError } from '../../server/errors';
import type { PageResponse, Person } from '../../src/shared/api';

interface Fake {
  sessions: ShowAllSessions;
  /** LDAP pages read so far, over all sessions. */
  reads: () => number;
  /** Connections opened and closed. */
  opened: () => number;
  closed: () => number;
}

/** A directory of `total` people served in LDAP pages of `ldapPage`, optionally failing at a page. */
function fake(total: number, ldapPage: number, options: Partial<ShowAllOptions> & { failAtPage?: number } = {}): Fake {
  let reads = 0;
  let opened = 0;
  let closed = 0;
  const sessions = new ShowAllSessions({
    open: async () => {
      opened += 1;
      // Only unbind() is used by ShowAllSessions on the client; the fake stands in for ldapts's Client.
      return { unbind: async () => void (closed += 1) } as unknown as Client;
    },
    pages: async function* () {
      for (let start = 0, page = 0; start < total; start += ldapPage, page++) {
        reads += 1;
        if (page === options.failAtPage) throw new Error('Connection closed before message response was received.');
        const count = Math.min(ldapPage, total - start);
        yield { searchEntries: Array.from({ length: count }, (_, i) => ({ dn: `cn=p${start + i}` })), searchReferences: [] } as SearchResult;
      }
    },
    toPeople: (result) => result.searchEntries.map((e): Person => ({ id: e.dn, displayName: e.dn, phones: [] })),
    fail: (error) => new DialpaneError('DIRECTORY_UNREACHABLE', error instanceof Error ? error.message : 'failed', 'hint'),
    ...options,
  });
  return { sessions, reads: () => reads, opened: () => opened, closed: () => closed };
}

async function walk(sessions: ShowAllSessions, pageSize: number): Promise<{ ids: string[]; pages: PageResponse[] }> {
  const pages: PageResponse[] = [];
  let cursor: string | undefined;
  do {
    const page = await sessions.page(cursor, pageSize);
    pages.push(page);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return { ids: pages.flatMap((p) => p.people.map((x) => x.id)), pages };
}

const expectExpired = async (promise: Promise<unknown>): Promise<void> => {
  await expect(promise).rejects.toMatchObject({ code: 'CURSOR_EXPIRED', status: 410 });
};

describe('Show All sessions', () => {
  it.each([
    [2508, 500, 200, 13],
    [1000, 500, 200, 5],
    [1000, 1000, 1000, 1],
    [999, 100, 1000, 1],
    [0, 500, 200, 1],
  ])('when %i people are listed in LDAP pages of %i and API pages of %i, then %i pages hold each exactly once', async (total, ldapPage, pageSize, pageCount) => {
    const f = fake(total, ldapPage);
    const { ids, pages } = await walk(f.sessions, pageSize);
    expect(ids).toEqual(Array.from({ length: total }, (_, i) => `cn=p${i}`));
    expect(pages).toHaveLength(pageCount);
    expect(pages.at(-1)?.nextCursor).toBeNull();
    expect(f.sessions.openSessions).toBe(0);
    expect(f.closed()).toBe(1);
  });

  it('when the first page is asked for, then only the LDAP pages it needs are read', async () => {
    const f = fake(5000, 500);
    const page = await f.sessions.page(undefined, 200);
    expect(page.people).toHaveLength(200);
    expect(f.reads()).toBe(1);
    await f.sessions.page(page.nextCursor as string, 200);
    await f.sessions.page(`${(page.nextCursor as string).split('.')[0]}.2`, 200);
    expect(f.reads()).toBe(2);
    await f.sessions.closeAll();
  });

  it('when the cursor just answered is sent again, then the same page comes back without reading further', async () => {
    const f = fake(1000, 100);
    const first = await f.sessions.page(undefined, 50);
    const a = await f.sessions.page(first.nextCursor as string, 50);
    const reads = f.reads();
    const b = await f.sessions.page(first.nextCursor as string, 50);
    expect(b).toBe(a);
    expect(f.reads()).toBe(reads);
    await f.sessions.closeAll();
  });

  it.each([['an unknown session', 'AAAAAAAAAAAAAAAAAAAAAA.1'], ['no page number', 'AAAAAAAAAAAAAAAAAAAAAA'], ['an empty string', ''], ['a path', '../x']])('when the cursor is %s, then CURSOR_EXPIRED', async (_situation, cursor) => {
    const f = fake(10, 10);
    await expectExpired(f.sessions.page(cursor, 5));
  });

  it('when a cursor skips ahead or goes two pages back, then CURSOR_EXPIRED', async () => {
    const f = fake(1000, 100);
    const first = await f.sessions.page(undefined, 10);
    const [session] = (first.nextCursor as string).split('.');
    await expectExpired(f.sessions.page(`${session}.5`, 10));
    const second = await f.sessions.page(first.nextCursor as string, 10);
    await f.sessions.page(second.nextCursor as string, 10);
    await expectExpired(f.sessions.page(first.nextCursor as string, 10));
    await f.sessions.closeAll();
  });

  it('when a list stays idle longer than idleMs, then its cursor expires and its connection is closed', async () => {
    const f = fake(1000, 100, { idleMs: 30 });
    const first = await f.sessions.page(undefined, 10);
    await new Promise((resolve) => setTimeout(resolve, 80));
    await expectExpired(f.sessions.page(first.nextCursor as string, 10));
    expect(f.closed()).toBe(1);
    expect(f.sessions.openSessions).toBe(0);
  });

  it('when more lists are open than maxSessions, then the least recently used one is closed', async () => {
    const f = fake(1000, 100, { maxSessions: 2 });
    const a = await f.sessions.page(undefined, 10);
    const b = await f.sessions.page(undefined, 10);
    await f.sessions.page(a.nextCursor as string, 10); // a is now more recent than b
    await f.sessions.page(undefined, 10);
    expect(f.sessions.openSessions).toBe(2);
    expect(f.closed()).toBe(1);
    await expectExpired(f.sessions.page(b.nextCursor as string, 10));
    await f.sessions.closeAll();
    expect(f.closed()).toBe(3);
  });

  it('when reading a page fails, then the error is the directory error and the list is closed', async () => {
    const f = fake(1000, 100, { failAtPage: 1 });
    const first = await f.sessions.page(undefined, 50); // reads LDAP page 0 only
    await expect(f.sessions.page(first.nextCursor as string, 50)).rejects.toMatchObject({ code: 'DIRECTORY_UNREACHABLE' });
    expect(f.sessions.openSessions).toBe(0);
    expect(f.closed()).toBe(1);
    await expectExpired(f.sessions.page(first.nextCursor as string, 50));
  });

  it('when two requests for the same cursor arrive at once, then both get the same page', async () => {
    const f = fake(1000, 100);
    const first = await f.sessions.page(undefined, 10);
    const [a, b] = await Promise.all([f.sessions.page(first.nextCursor as string, 10), f.sessions.page(first.nextCursor as string, 10)]);
    expect(a).toBe(b);
    expect(a.people[0]?.id).toBe('cn=p10');
    await f.sessions.closeAll();
  });
});
