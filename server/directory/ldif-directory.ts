/**
 * A Directory read from an LDIF file and searched in memory: the embedded demo, and a way for an
 * admin to try the pane before connecting a real directory. Same semantics as the LDAP one:
 * AD attribute names, disabled accounts (userAccountControl bit 2) left out.
 */
import { readFileSync } from 'node:fs';
import type { PageResponse, Person, SearchResponse } from '../../src/shared/api';
import type { PhoneNormalizer } from '../phone/normalize';
import { attributeMap } from './attributes';
import { cursorExpired } from './cursor';
import { emailIndex } from './email-index';
import { addressKey } from './email-match';
import type { Directory } from './directory';
import { byDisplayName, toPerson } from './entry';
import { parseLdif } from './ldif';
import { parseQuery, personMatches } from './query';

const ACCOUNTDISABLE = 2;

export class LdifDirectory implements Directory {
  private readonly people: Person[];
  private readonly byId: Map<string, Person>;

  constructor(
    readonly id: string,
    readonly displayName: string,
    private readonly file: string,
    phones: PhoneNormalizer,
  ) {
    const map = attributeMap('ad', { id: 'entryUUID' });
    this.people = parseLdif(readFileSync(file, 'utf8'), file)
      .filter((bag) => bag.strings('objectClass').some((c) => /^(user|person|inetOrgPerson)$/i.test(c)))
      .filter((bag) => (Number(bag.first('userAccountControl') ?? 0) & ACCOUNTDISABLE) === 0)
      .map((bag) => toPerson(bag, map, phones))
      .filter((p): p is Person => p !== undefined)
      .sort(byDisplayName);
    this.byId = new Map(this.people.map((p) => [p.id, p]));
  }

  async search(q: string, limit: number): Promise<SearchResponse> {
    const query = parseQuery(q);
    const found = this.people.filter((p) => personMatches(p, query));
    return { people: found.slice(0, limit), more: found.length > limit };
  }

  async listPage(cursor: string | undefined, pageSize: number): Promise<PageResponse> {
    let offset = 0;
    if (cursor !== undefined) {
      const match = /^o(\d{1,9})$/.exec(cursor);
      if (!match) throw cursorExpired();
      offset = Number(match[1]);
    }
    const end = offset + pageSize;
    return { people: this.people.slice(offset, end), nextCursor: end < this.people.length ? `o${end}` : null };
  }

  async get(personId: string): Promise<Person | undefined> {
    return this.byId.get(personId);
  }

  async close(): Promise<void> {}

  /** Built on the first lookup: most deployments of the LDIF directory never look up an address. */
  private addresses: Map<string, Person> | undefined;

  async lookupEmails(addresses: readonly string[]): Promise<Map<string, Person>> {
    this.addresses ??= emailIndex(parseLdif(readFileSync(this.file, 'utf8'), this.file), this.byId);
    const found = new Map<string, Person>();
    for (const address of addresses) {
      const person = this.addresses.get(addressKey(address));
      if (person !== undefined) found.set(addressKey(address), person);
    }
    return found;
  }
}
