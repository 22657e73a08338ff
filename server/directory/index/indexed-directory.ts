/**
 * A Directory answered from its index (directory-index.ts) once loaded, and by the directory
 * itself (`inner`, live LDAP) until then: search as you type, Show All, reverse lookup by number
 * and the email lookup. Details, photos and the directory check always go to the directory.
 *
 * The HTTP route for people lists asks searchJson / pageJson first (http/indexed-people.ts): the
 * answer is the people's JSON, serialized once when indexed, joined — no object is built or
 * serialized per request. search / listPage answer the same people as objects for other callers
 * (All directories).
 *
 * Show All cursors: a list started from the index continues from the index (`x.` cursors, see
 * index-cursor.ts); a list started live, before the index was ready, continues live.
 */
import type { DirectoryCheck, PageResponse, Person, SearchResponse } from '../../../src/shared/api';
import { sameNumber, numberMapKey, type NumberKey, type NumberKeys } from '../../phone/number-key';
import { cursorExpired } from '../cursor';
import type { Directory } from '../directory';
import { addressKey } from '../email-match';
import { lookupBySearch, type NumberLookup, type PhoneMatch } from '../number-lookup';
import type { Photo } from '../photo';
import { parseQuery } from '../query';
import type { DirectoryIndex } from './directory-index';
import type { IndexHealth } from '../../../src/shared/api';
import { decodeIndexCursor, encodeIndexCursor, isIndexCursor } from './index-cursor';
import type { IndexRecord } from './index-record';

interface IndexPage {
  records: readonly IndexRecord[];
  nextCursor: string | null;
}

const joinJson = (records: readonly IndexRecord[]): string => {
  let text = '';
  for (let i = 0; i < records.length; i++) text += i === 0 ? (records[i] as IndexRecord).json : `,${(records[i] as IndexRecord).json}`;
  return text;
};

export class IndexedDirectory implements Directory, NumberLookup {
  readonly id: string;
  readonly displayName: string;

  constructor(
    readonly inner: Directory,
    readonly index: DirectoryIndex,
    private readonly keys: NumberKeys,
  ) {
    this.id = inner.id;
    this.displayName = inner.displayName;
  }

  /** Starts loading the index in the background. */
  start(): this {
    this.index.start();
    return this;
  }

  /** The search answer as JSON text, or undefined while the index is not ready. Throws BAD_QUERY. */
  searchJson(q: string, limit: number): string | undefined {
    const query = parseQuery(q);
    const answer = this.index.current?.search(query, limit);
    return answer && `{"people":[${joinJson(answer.records)}],"more":${answer.more}}`;
  }

  async search(q: string, limit: number): Promise<SearchResponse> {
    const query = parseQuery(q);
    const answer = this.index.current?.search(query, limit);
    if (answer === undefined) return this.inner.search(q, limit);
    return { people: answer.records.map((r) => r.person()), more: answer.more };
  }

  /** A Show All page as JSON text, or undefined when the directory answers it (live list, index loading). */
  pageJson(cursor: string | undefined, pageSize: number): string | undefined {
    const page = this.indexPage(cursor, pageSize);
    return page && `{"people":[${joinJson(page.records)}],"nextCursor":${page.nextCursor === null ? 'null' : JSON.stringify(page.nextCursor)}}`;
  }

  async listPage(cursor: string | undefined, pageSize: number): Promise<PageResponse> {
    const page = this.indexPage(cursor, pageSize);
    if (page === undefined) return this.inner.listPage(cursor, pageSize);
    return { people: page.records.map((r) => r.person()), nextCursor: page.nextCursor };
  }

  private indexPage(cursor: string | undefined, pageSize: number): IndexPage | undefined {
    if (cursor !== undefined && !isIndexCursor(cursor)) return undefined;
    const snapshot = this.index.current;
    const after = cursor === undefined ? undefined : decodeIndexCursor(cursor);
    // An index cursor with no index (the service restarted) or that is not ours: start again.
    if (cursor !== undefined && (snapshot === undefined || after === undefined)) throw cursorExpired();
    if (snapshot === undefined) return undefined;
    const { records, more } = snapshot.pageAfter(after, pageSize);
    const last = records[records.length - 1];
    return { records, nextCursor: more && last !== undefined ? encodeIndexCursor(last) : null };
  }

  async lookupNumber(key: NumberKey): Promise<PhoneMatch[]> {
    const snapshot = this.index.current;
    const mapKey = numberMapKey(key);
    if (snapshot === undefined || mapKey === undefined) return lookupBySearch(this.inner, key, this.keys);
    const matches: PhoneMatch[] = [];
    for (const record of snapshot.withNumber(mapKey)) {
      const person = record.person();
      const phoneIndex = person.phones.findIndex((phone) => sameNumber(key, this.keys.phoneKey(phone)));
      if (phoneIndex >= 0) matches.push({ person, phoneIndex });
    }
    return matches;
  }

  /**
   * The email lookup from the index: `mail` first, then the `smtp:` proxyAddresses (Active
   * Directory), first by display name — the precedence of the LDAP lookup. Keys are the addresses
   * in lower case; unknown addresses are absent. While loading, or when the index lacks addresses
   * the directory's own lookup matches, the directory answers.
   */
  async lookupEmails(addresses: readonly string[]): Promise<Map<string, Person>> {
    const snapshot = this.index.current;
    if (snapshot === undefined || !this.index.readsAddresses) return this.inner.lookupEmails(addresses);
    const found = new Map<string, Person>();
    for (const address of addresses) {
      const key = addressKey(address);
      const record = key === '' || found.has(key) ? undefined : snapshot.withEmail(key);
      if (record !== undefined) found.set(key, record.person());
    }
    return found;
  }

  indexHealth(): IndexHealth {
    return this.index.health();
  }

  get(personId: string): Promise<Person | undefined> {
    return this.inner.get(personId);
  }

  photo(personId: string): Promise<Photo | undefined> {
    return this.inner.photo(personId);
  }

  check(): Promise<DirectoryCheck> {
    return this.inner.check();
  }

  async close(): Promise<void> {
    await Promise.all([this.index.close(), this.inner.close()]);
  }
}
