/**
 * The raw limit of a live query: the very LDAP requests the service's live path sends (the same
 * filters, attributes and size limits, built by the service's own code), made with ldapts on a
 * connection bound once as the service account, with nothing done to the answer. What the API
 * adds on top of these is the service's own cost.
 */
import { AndFilter, Client, type Filter, type SearchOptions } from 'ldapts';
import { attributeMap, type AttributeMap } from '../server/directory/attributes';
import { requestedAttributes } from '../server/directory/entry';
import { candidateLimit } from '../server/directory/ldap-directory';
import { emailLookupFilter, lookupSizeLimit } from '../server/directory/ldap/email-lookup';
import { bufferAttributes, needsPostFilter, peopleFilter, searchFilter } from '../server/directory/ldap/filters';
import { searchDigits } from '../server/directory/number-lookup';
import { parseQuery } from '../server/directory/query';
import { NumberKeys, hasKey } from '../server/phone/number-key';
import { SEARCH_MAX_LIMIT } from '../src/shared/api';
import type { BenchDirectory } from './servers';

export class RawLdap {
  private readonly map: AttributeMap;
  private readonly people: Filter;
  private readonly keys = new NumberKeys({ defaultCountry: 'US', extensionPattern: '^[0-9]{3,6}$' });

  constructor(readonly directory: BenchDirectory) {
    this.map = attributeMap(directory.kind);
    this.people = peopleFilter(directory.kind);
  }

  async connect(): Promise<Client> {
    const client = new Client({ url: this.directory.url, timeout: 120_000, connectTimeout: 10_000 });
    await client.bind(this.directory.bindUser, this.directory.password);
    return client;
  }

  private options(filter: Filter, sizeLimit: number): SearchOptions {
    return {
      scope: 'sub',
      filter: new AndFilter({ filters: [this.people, filter] }),
      attributes: requestedAttributes(this.map),
      explicitBufferAttributes: bufferAttributes(this.map),
      sizeLimit,
    };
  }

  /** Search as you type, `limit` answers: the live path's filter and size limit. */
  async search(client: Client, q: string, limit: number): Promise<number> {
    const query = parseQuery(q);
    const result = await client.search(this.directory.searchBase, this.options(searchFilter(query, this.map, this.directory.kind), candidateLimit(limit, needsPostFilter(query))));
    return result.searchEntries.length;
  }

  /** The email lookup: one search for every address. */
  async emails(client: Client, addresses: readonly string[]): Promise<number> {
    const proxy = this.directory.kind === 'ad' ? this.map.proxyAddresses : undefined;
    const result = await client.search(this.directory.searchBase, this.options(emailLookupFilter(addresses, this.map.mail, proxy), lookupSizeLimit(addresses.length)));
    return result.searchEntries.length;
  }

  /** Reverse lookup: the live path's search for the number's national digits (number-lookup.ts). */
  async number(client: Client, number: string): Promise<number> {
    const key = this.keys.of(number);
    const digits = hasKey(key) ? searchDigits(key) : undefined;
    if (digits === undefined) throw new Error(`${number} has no digits to search`);
    const query = parseQuery(digits);
    const result = await client.search(this.directory.searchBase, this.options(searchFilter(query, this.map, this.directory.kind), candidateLimit(SEARCH_MAX_LIMIT, true)));
    return result.searchEntries.length;
  }

  /** Show All: the paged search of everyone, pages of `pageSize`; times to the first page and to the end. */
  async showAll(client: Client, pageSize: number): Promise<{ firstMs: number; totalMs: number; entries: number }> {
    const started = performance.now();
    let firstMs = 0;
    let entries = 0;
    const options = { scope: 'sub' as const, filter: this.people, attributes: requestedAttributes(this.map), explicitBufferAttributes: bufferAttributes(this.map), paged: { pageSize } };
    for await (const page of client.searchPaginated(this.directory.searchBase, options)) {
      if (entries === 0) firstMs = performance.now() - started;
      entries += page.searchEntries.length;
    }
    return { firstMs, totalMs: performance.now() - started, entries };
  }
}
