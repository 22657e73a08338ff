/**
 * A Directory read from an LDIF file and searched in memory: the embedded demo, and a way for an
 * admin to try the pane before connecting a real directory. Same semantics as the LDAP one:
 * AD attribute names, disabled accounts (userAccountControl bit 2) left out, photos
 * (thumbnailPhoto) and managers on a person's details.
 */
import { readFileSync } from 'node:fs';
import type { CheckStep, DirectoryCheck, PageResponse, Person, SearchResponse } from '../../src/shared/api';
import type { PhoneNormalizer } from '../phone/normalize';
import { attributeMap } from './attributes';
import { cursorExpired } from './cursor';
import { emailIndex } from './email-index';
import { addressKey } from './email-match';
import type { Directory } from './directory';
import { byDisplayName, toPerson, type AttributeBag } from './entry';
import { firstRdnValue } from './ldap/dn';
import { parseLdif } from './ldif';
import { photoOf, photoUrl, type Photo } from './photo';
import { parseQuery, personMatches } from './query';

const ACCOUNTDISABLE = 2;

interface Details {
  photo?: Photo;
  managerDn?: string;
}

/** DNs compared the way LDIF files write them differently: case and spaces after commas ignored. */
const dnKey = (dn: string): string => dn.replace(/,\s+/g, ',').toLowerCase();

export class LdifDirectory implements Directory {
  private readonly people: Person[];
  private readonly byId: Map<string, Person>;
  private readonly byDn = new Map<string, Person>();
  private readonly details = new Map<string, Details>();

  constructor(
    readonly id: string,
    readonly displayName: string,
    private readonly file: string,
    phones: PhoneNormalizer,
  ) {
    const map = attributeMap('ad', { id: 'entryUUID' });
    const enabled = parseLdif(readFileSync(file, 'utf8'), file)
      .filter((bag) => bag.strings('objectClass').some((c) => /^(user|person|inetOrgPerson)$/i.test(c)))
      .filter((bag) => (Number(bag.first('userAccountControl') ?? 0) & ACCOUNTDISABLE) === 0);
    const people: Person[] = [];
    for (const bag of enabled) {
      const person = toPerson(bag, map, phones);
      if (person === undefined) continue;
      people.push(person);
      this.byDn.set(dnKey(bag.dn), person);
      this.details.set(person.id, detailsOf(bag, map.photo, map.manager));
    }
    this.people = people.sort(byDisplayName);
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
    const listed = this.byId.get(personId);
    if (listed === undefined) return undefined;
    const person: Person = { ...listed };
    const { photo, managerDn } = this.details.get(personId) ?? {};
    if (photo) person.photoUrl = photoUrl(this.id, personId, photo);
    if (managerDn !== undefined) {
      const manager = this.byDn.get(dnKey(managerDn));
      person.manager = manager ? { id: manager.id, displayName: manager.displayName } : { displayName: firstRdnValue(managerDn) };
    }
    return person;
  }

  async photo(personId: string): Promise<Photo | undefined> {
    return this.details.get(personId)?.photo;
  }

  /** An LDIF directory has one step that can fail, reading the file, and it was read at start. */
  async check(): Promise<DirectoryCheck> {
    const count = this.people.length;
    const people: CheckStep =
      count > 0
        ? { id: 'people', title: 'People', status: 'ok', detail: `${count.toLocaleString('en-US')} ${count === 1 ? 'person' : 'people'} in the file.` }
        : {
            id: 'people',
            title: 'People',
            status: 'failed',
            problem: 'NO_ENTRIES_VISIBLE',
            cause: `${this.file} holds nobody Dialpane lists: no enabled user, person or inetOrgPerson entry with an id.`,
            fix: 'Check that the file is an LDIF export of people (objectClass user or inetOrgPerson, with entryUUID).',
          };
    return {
      directoryId: this.id,
      displayName: this.displayName,
      servers: [this.file],
      ok: count > 0,
      people: count,
      steps: [
        { id: 'reach', title: 'Read the file', status: 'ok', detail: `${this.file} was read at start.` },
        { id: 'tls', title: 'TLS', status: 'skipped', detail: 'Not used: the people come from a file.' },
        { id: 'bind', title: 'Sign in (bind)', status: 'skipped', detail: 'Not used: the people come from a file.' },
        { id: 'searchBase', title: 'Search base', status: 'skipped', detail: 'Not used: the people come from a file.' },
        people,
      ],
    };
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

function detailsOf(bag: AttributeBag, photoAttribute: string, managerAttribute: string): Details {
  const details: Details = {};
  const bytes = bag.all(photoAttribute).find((v): v is Buffer => Buffer.isBuffer(v) && v.length > 0);
  if (bytes) details.photo = photoOf(bytes);
  const managerDn = bag.first(managerAttribute);
  if (managerDn !== undefined) details.managerDn = managerDn;
  return details;
}
