/**
 * Show All as a stream: each list is a session holding its own bound connection and the paged
 * search (RFC 2696 paged results control, so the server's 1,000-entry cap does not apply) as an
 * async generator, keyed by a random cursor token that survives across HTTP requests.
 *
 * - Memory per session is at most one LDAP page plus one API page: pages are read as asked for.
 * - The cursor of each answer names the session and the page that follows, `<session>.<n>`. Asking
 *   again with the cursor just answered (a retried request) gets the same page again; any other
 *   cursor, or one idle for longer than `idleMs`, is CURSOR_EXPIRED.
 * - At most `maxSessions` lists are open at once; a new one closes the least recently used.
 */
import { randomBytes } from 'node:crypto';
import type { Client, SearchResult } from 'ldapts';
import type { PageResponse, Person } from '../../../src/shared/api';
import { cursorExpired } from '../cursor';

export interface ShowAllOptions {
  /** A new bound connection for one session. */
  open(): Promise<Client>;
  /** The paged search of the whole search base on that connection. */
  pages(client: Client): AsyncGenerator<SearchResult>;
  /** Entries of one LDAP page as people (entries that are not people left out). */
  toPeople(result: SearchResult): Person[];
  /** Turns whatever a page read threw into the error to answer. */
  fail(error: unknown): Error;
  idleMs?: number;
  maxSessions?: number;
}

interface Session {
  id: string;
  client: Client;
  pages: AsyncGenerator<SearchResult>;
  buffer: Person[];
  exhausted: boolean;
  /** The number in the cursor of the next page. */
  next: number;
  /** The last answer, for a retry of the request that produced it. */
  last?: { page: number; response: PageResponse };
  timer?: NodeJS.Timeout;
  /** Requests of one session run one after the other. */
  queue: Promise<unknown>;
}

export const SHOW_ALL_IDLE_MS = 120_000;
export const SHOW_ALL_MAX_SESSIONS = 50;

export class ShowAllSessions {
  private readonly sessions = new Map<string, Session>();
  private readonly idleMs: number;
  private readonly maxSessions: number;

  constructor(private readonly options: ShowAllOptions) {
    this.idleMs = options.idleMs ?? SHOW_ALL_IDLE_MS;
    this.maxSessions = options.maxSessions ?? SHOW_ALL_MAX_SESSIONS;
  }

  get openSessions(): number {
    return this.sessions.size;
  }

  async page(cursor: string | undefined, pageSize: number): Promise<PageResponse> {
    if (cursor === undefined) return this.start(pageSize);
    const match = /^([A-Za-z0-9_-]{22})\.(\d{1,9})$/.exec(cursor);
    const session = match ? this.sessions.get(match[1] as string) : undefined;
    if (!match || !session) throw cursorExpired();
    const number = Number(match[2]);
    return this.serialized(session, async () => {
      if (session.last !== undefined && number === session.last.page) return session.last.response;
      if (number !== session.next) throw cursorExpired();
      return this.read(session, number, pageSize);
    });
  }

  private async start(pageSize: number): Promise<PageResponse> {
    while (this.sessions.size >= this.maxSessions) {
      const oldest = this.sessions.values().next().value as Session;
      await this.close(oldest);
    }
    const client = await this.options.open();
    const session: Session = {
      id: randomBytes(16).toString('base64url'),
      client,
      pages: this.options.pages(client),
      buffer: [],
      exhausted: false,
      next: 1,
      queue: Promise.resolve(),
    };
    this.sessions.set(session.id, session);
    return this.serialized(session, () => this.read(session, 0, pageSize));
  }

  private serialized<T>(session: Session, work: () => Promise<T>): Promise<T> {
    const result = session.queue.then(work);
    session.queue = result.catch(() => undefined);
    return result;
  }

  private async read(session: Session, number: number, pageSize: number): Promise<PageResponse> {
    this.touch(session);
    try {
      // One more than a page, so the last page is known as the last (no empty page after it).
      while (session.buffer.length <= pageSize && !session.exhausted) {
        const result = await session.pages.next();
        if (result.done) session.exhausted = true;
        else session.buffer.push(...this.options.toPeople(result.value));
      }
    } catch (error) {
      await this.close(session);
      throw this.options.fail(error);
    }
    const people = session.buffer.splice(0, pageSize);
    const last = session.exhausted && session.buffer.length === 0;
    const response: PageResponse = { people, nextCursor: last ? null : `${session.id}.${number + 1}` };
    session.last = { page: number, response };
    session.next = number + 1;
    if (last) await this.close(session);
    else this.touch(session);
    return response;
  }

  /** Restarts the idle timer and marks the session most recently used. */
  private touch(session: Session): void {
    clearTimeout(session.timer);
    session.timer = setTimeout(() => void this.close(session), this.idleMs);
    session.timer.unref();
    this.sessions.delete(session.id);
    this.sessions.set(session.id, session);
  }

  private async close(session: Session): Promise<void> {
    clearTimeout(session.timer);
    if (this.sessions.get(session.id) !== session) return;
    this.sessions.delete(session.id);
    // Ends the generator without reading further pages, then drops the connection and its server-side state.
    await session.pages.return(undefined).catch(() => undefined);
    await session.client.unbind().catch(() => undefined);
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.sessions.values()].map((s) => this.close(s)));
  }
}
