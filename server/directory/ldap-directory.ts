/**
 * The Directory of a real LDAP server or Active Directory, on ldapts. The pieces live in ldap/:
 * filters.ts (every filter, never string concatenation), connection.ts (the servers of url or urls
 * with failover, TLS, timeouts, bind),
 * shared-connection.ts (one reused connection, reopened when dropped), show-all.ts (Show All
 * cursor sessions on the paged results control) and errors.ts (failures as DialpaneErrors, with
 * bind-reasons.ts for AD's sub-codes). The directory check lives in server/diagnosis/.
 *
 * Known limits, by design for now:
 * - A search returns the first matches the server sends (at most sizeLimit), sorted here by display
 *   name; `more` tells the user to type more. ldapts accepts a sizeLimitExceeded answer without
 *   saying whose limit stopped it, so a server capping below our sizeLimit (never the case with
 *   AD's default of 1,000 and our at most 1,000) would be read as "no more".
 * - Show All lists in the server's order: sorting would need the server-side sort control, which
 *   OpenLDAP offers only with the sssvlv overlay.
 * - Photos and managers are read for a person's details only (a photo is kilobytes; a manager
 *   costs a second search), so list rows show initials.
 */
import { AndFilter, ServerSideSortingRequestControl, type Client, type Entry, type Filter, type SearchOptions, type SearchResult } from 'ldapts';
import type { DirectoryCheck, PageResponse, Person, PersonRef, SearchResponse } from '../../src/shared/api';
import type { LdapDirectoryConfig } from '../config/schema';
import { checkLdapDirectory } from '../diagnosis/check-ldap';
import type { PhoneNormalizer } from '../phone/normalize';
import { attributeMap, type AttributeMap } from './attributes';
import type { Directory } from './directory';
import { AttributeBag, byDisplayName, finishPerson, guidBytesFromId, personIdFrom, requestedAttributes, sketchPerson, toPerson, type PersonSketch } from './entry';
import { LdapConnector } from './ldap/connection';
import { firstRdnValue } from './ldap/dn';
import { bufferAttributes, dnFilter, needsPostFilter, peopleFilter, personIdFilter, searchFilter } from './ldap/filters';
import { SharedConnection } from './ldap/shared-connection';
import { lookupByEmail } from './ldap/email-lookup';
import { ShowAllSessions } from './ldap/show-all';
import { photoOf, photoUrl, type Photo } from './photo';
import { parseQuery, personMatches } from './query';

/**
 * How many candidates a search asks for when the LDAP filter is wider than the answer (digits,
 * several words): enough that the exact matches of a page are among them, and never above 1,000,
 * the page Active Directory serves in one response.
 */
export function candidateLimit(limit: number, postFiltered: boolean): number {
  return postFiltered ? Math.min(1000, Math.max(250, (limit + 1) * 5)) : limit + 1;
}

export class LdapDirectory implements Directory {
  readonly id: string;
  readonly displayName: string;
  private readonly map: AttributeMap;
  private readonly people: Filter;
  private readonly connector: LdapConnector;
  private readonly shared: SharedConnection;
  private readonly showAll: ShowAllSessions;
  /**
   * Show All asks the server to sort by display name (server-side sorting, RFC 2891), which
   * Active Directory and Samba do together with paging. Not critical: a server without it
   * (OpenLDAP without the sssvlv overlay) answers in its own order rather than failing.
   */
  private readonly sortByName: ServerSideSortingRequestControl;

  constructor(
    readonly config: LdapDirectoryConfig,
    private readonly password: string,
    private readonly phones: PhoneNormalizer,
  ) {
    this.id = config.id;
    this.displayName = config.displayName;
    this.map = attributeMap(config.kind, config.attributes);
    this.people = peopleFilter(config.kind, config.filter);
    this.connector = new LdapConnector(config, password);
    this.shared = new SharedConnection(() => this.connector.open());
    this.sortByName = new ServerSideSortingRequestControl({ critical: false, value: { attributeType: this.map.displayName } });
    this.showAll = new ShowAllSessions({
      open: () => this.connector.open(),
      pages: (client) => client.searchPaginated(config.searchBase, { ...this.searchOptions(this.people), paged: { pageSize: config.pageSize } }, this.sortByName),
      toPeople: (result) => this.toPeople(result),
      fail: (error) => this.connector.fail(error, 'search'),
    });
  }

  private searchOptions(filter: Filter, details = false): SearchOptions {
    return {
      scope: 'sub',
      filter,
      attributes: requestedAttributes(this.map, details),
      explicitBufferAttributes: bufferAttributes(this.map),
      timeLimit: Math.ceil(this.config.timeouts.requestMs / 1000),
    };
  }

  /** Search references (other naming contexts, other domains) are ignored, never followed. */
  private toPeople(result: SearchResult): Person[] {
    return result.searchEntries.map((entry) => toPerson(AttributeBag.fromEntry(entry), this.map, this.phones)).filter((p): p is Person => p !== undefined);
  }

  /** Entries matching `filter` under the search base, at most `sizeLimit`. */
  private async entries(filter: Filter, sizeLimit: number, details = false): Promise<Entry[]> {
    try {
      // With sizeLimit set, ldapts keeps the entries of a sizeLimitExceeded (code 4) answer
      // instead of throwing, whether our limit or the server's cap stopped the search.
      const result = await this.shared.run((client: Client) => client.search(this.config.searchBase, { ...this.searchOptions(filter, details), sizeLimit }));
      return result.searchEntries;
    } catch (error) {
      throw this.connector.fail(error, 'search');
    }
  }

  async search(q: string, limit: number): Promise<SearchResponse> {
    const query = parseQuery(q);
    const postFiltered = needsPostFilter(query);
    const sizeLimit = candidateLimit(limit, postFiltered);
    const entries = await this.entries(new AndFilter({ filters: [this.people, searchFilter(query, this.map, this.config.kind)] }), sizeLimit);
    // Up to 1,000 candidates (candidateLimit; Samba ignores sizeLimit and sends every one) for an
    // answer of `limit`: matched and ordered as sketches, so only the people answered pay for
    // their phones' normalization.
    const matches = entries
      .map((entry) => sketchPerson(AttributeBag.fromEntry(entry), this.map))
      .filter((p): p is PersonSketch => p !== undefined && personMatches(p, query))
      .sort(byDisplayName);
    // A full set of candidates means the server stopped at sizeLimit: there may be more.
    return { people: matches.slice(0, limit).map((p) => finishPerson(p, this.phones)), more: matches.length > limit || entries.length >= sizeLimit };
  }

  async listPage(cursor: string | undefined, pageSize: number): Promise<PageResponse> {
    return this.showAll.page(cursor, pageSize);
  }

  /** The one entry with this id among the people, with the detail attributes, or undefined. */
  private async entryById(personId: string): Promise<AttributeBag | undefined> {
    const byId = personIdFilter(personId, this.map, guidBytesFromId);
    if (byId === undefined) return undefined;
    const found = await this.entries(new AndFilter({ filters: [this.people, byId] }), 2, true);
    return found.length === 1 ? AttributeBag.fromEntry(found[0] as Entry) : undefined;
  }

  async get(personId: string): Promise<Person | undefined> {
    const bag = await this.entryById(personId);
    const person = bag && toPerson(bag, this.map, this.phones);
    if (!bag || !person) return undefined;
    const photo = this.photoIn(bag);
    if (photo) person.photoUrl = photoUrl(this.id, person.id, photo);
    const managerDn = bag.first(this.map.manager);
    if (managerDn !== undefined) person.manager = await this.personRef(managerDn);
    return person;
  }

  async photo(personId: string): Promise<Photo | undefined> {
    const bag = await this.entryById(personId);
    return bag && this.photoIn(bag);
  }

  private photoIn(bag: AttributeBag): Photo | undefined {
    const bytes = bag.all(this.map.photo).find((v): v is Buffer => Buffer.isBuffer(v) && v.length > 0);
    return bytes && photoOf(bytes);
  }

  /**
   * A DN (a manager) as a name and, when it is one of the people this directory lists (under the
   * search base, matching the people filter), the id that opens them.
   */
  private async personRef(dn: string): Promise<PersonRef> {
    const found = await this.entries(new AndFilter({ filters: [this.people, dnFilter(this.config.kind, dn)] }), 2);
    const bag = found.length === 1 ? AttributeBag.fromEntry(found[0] as Entry) : undefined;
    const id = bag && personIdFrom(bag.all(this.map.id)[0]);
    const displayName = bag?.first(this.map.displayName) ?? bag?.first('cn') ?? firstRdnValue(dn);
    return id === undefined ? { displayName } : { id, displayName };
  }

  check(): Promise<DirectoryCheck> {
    return checkLdapDirectory(this.config, this.password, this.connector);
  }

  async close(): Promise<void> {
    await Promise.all([this.showAll.closeAll(), this.shared.close()]);
  }

  /** Every address of a message in one search (ldap/email-lookup.ts); proxyAddresses on AD only. */
  lookupEmails(addresses: readonly string[]): Promise<Map<string, Person>> {
    return lookupByEmail(addresses, {
      map: this.map,
      withProxyAddresses: this.config.kind === 'ad',
      toPerson: (bag) => toPerson(bag, this.map, this.phones),
      search: async (filter, attributes, sizeLimit) => {
        const options = { ...this.searchOptions(new AndFilter({ filters: [this.people, filter] })), attributes, sizeLimit };
        try {
          const result = await this.shared.run((client: Client) => client.search(this.config.searchBase, options));
          return result.searchEntries.map((entry) => AttributeBag.fromEntry(entry));
        } catch (error) {
          throw this.connector.fail(error, 'search');
        }
      },
    });
  }
}
