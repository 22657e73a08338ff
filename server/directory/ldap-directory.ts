/**
 * The Directory of a real LDAP server or Active Directory, on ldapts. The pieces live in ldap/:
 * filters.ts (every filter, never string concatenation), connection.ts (TLS, timeouts, bind),
 * shared-connection.ts (one reused connection, reopened when dropped), show-all.ts (Show All
 * cursor sessions on the paged results control) and errors.ts (failures as DialpaneErrors).
 *
 * Known limits, by design for now:
 * - A search returns the first matches the server sends (at most sizeLimit), sorted here by display
 *   name; `more` tells the user to type more. ldapts accepts a sizeLimitExceeded answer without
 *   saying whose limit stopped it, so a server capping below our sizeLimit (never the case with
 *   AD's default of 1,000 and our at most 1,000) would be read as "no more".
 * - Show All lists in the server's order: sorting would need the server-side sort control, which
 *   OpenLDAP offers only with the sssvlv overlay.
 * - Active Directory's ANR (ambiguous name resolution) is not used yet.
 */
import { AndFilter, ServerSideSortingRequestControl, type Client, type Filter, type SearchOptions, type SearchResult } from 'ldapts';
import type { PageResponse, Person, SearchResponse } from '../../src/shared/api';
import type { LdapDirectoryConfig } from '../config/schema';
import type { PhoneNormalizer } from '../phone/normalize';
import { attributeMap, type AttributeMap } from './attributes';
import type { Directory } from './directory';
import { AttributeBag, byDisplayName, guidBytesFromId, requestedAttributes, toPerson } from './entry';
import { LdapConnector } from './ldap/connection';
import { bufferAttributes, needsPostFilter, peopleFilter, personIdFilter, searchFilter } from './ldap/filters';
import { SharedConnection } from './ldap/shared-connection';
import { lookupByEmail } from './ldap/email-lookup';
import { ShowAllSessions } from './ldap/show-all';
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
    password: string,
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

  private searchOptions(filter: Filter): SearchOptions {
    return {
      scope: 'sub',
      filter,
      attributes: requestedAttributes(this.map),
      explicitBufferAttributes: bufferAttributes(this.map),
      timeLimit: Math.ceil(this.config.timeouts.requestMs / 1000),
    };
  }

  /** Search references (other naming contexts, other domains) are ignored, never followed. */
  private toPeople(result: SearchResult): Person[] {
    return result.searchEntries.map((entry) => toPerson(AttributeBag.fromEntry(entry), this.map, this.phones)).filter((p): p is Person => p !== undefined);
  }

  /** People matching `filter`, and how many entries came back (to tell when sizeLimit was reached). */
  private async find(filter: Filter, sizeLimit: number): Promise<{ people: Person[]; entries: number }> {
    let result: SearchResult;
    try {
      // With sizeLimit set, ldapts keeps the entries of a sizeLimitExceeded (code 4) answer
      // instead of throwing, whether our limit or the server's cap stopped the search.
      result = await this.shared.run((client: Client) => client.search(this.config.searchBase, { ...this.searchOptions(filter), sizeLimit }));
    } catch (error) {
      throw this.connector.fail(error, 'search');
    }
    return { people: this.toPeople(result), entries: result.searchEntries.length };
  }

  async search(q: string, limit: number): Promise<SearchResponse> {
    const query = parseQuery(q);
    const postFiltered = needsPostFilter(query);
    const sizeLimit = candidateLimit(limit, postFiltered);
    const candidates = await this.find(new AndFilter({ filters: [this.people, searchFilter(query, this.map)] }), sizeLimit);
    const matches = candidates.people.filter((p) => personMatches(p, query)).sort(byDisplayName);
    // A full set of candidates means the server stopped at sizeLimit: there may be more.
    return { people: matches.slice(0, limit), more: matches.length > limit || candidates.entries >= sizeLimit };
  }

  async listPage(cursor: string | undefined, pageSize: number): Promise<PageResponse> {
    return this.showAll.page(cursor, pageSize);
  }

  async get(personId: string): Promise<Person | undefined> {
    const byId = personIdFilter(personId, this.map, guidBytesFromId);
    if (byId === undefined) return undefined;
    const { people } = await this.find(new AndFilter({ filters: [this.people, byId] }), 2);
    return people.length === 1 ? people[0] : undefined;
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
