/**
 * Reads an LDAP directory or Active Directory domain for its index, on connections of its own (a
 * load or a sync never waits behind, or holds up, the live searches of the shared connection),
 * opened per read and closed after it.
 *
 * - Full load: one paged search (RFC 2696) of the people filter under the search base, with the
 *   list attributes — the attributes a live search reads — plus the change stamp.
 * - Changes, Active Directory: the algorithm Microsoft documents for polling with uSNChanged. Read
 *   the RootDSE's highestCommittedUSN *before* searching, search `(uSNChanged>=last+1)`, and keep
 *   the USN read as the next watermark. USNs are per domain controller: the watermark names the DC
 *   by the invocationId of its NTDS Settings object (it changes when the DC is restored too); when
 *   another DC answers (`urls` failover) the index reloads in full.
 * - Changes, other LDAP servers: `(modifyTimestamp>=W)`, with W the newest modifyTimestamp read,
 *   moved back by how long that read took plus a second: a change committed while a read ran may
 *   carry an older stamp than the newest one the read returned, and timestamps have one-second
 *   precision (re-reading a second's changes is harmless).
 * - An entry that changed and no longer matches the people filter (an account disabled, a filter
 *   attribute changed) comes back from `(&(stamp>=W)(!(people)))` and leaves the index. Deleted
 *   entries and entries moved out of the search base show in no search of the base: allIds() finds
 *   them (see directory-index.ts).
 */
import { AndFilter, GreaterThanEqualsFilter, NotFilter, type Client, type Entry, type Filter } from 'ldapts';
import type { LdapDirectoryConfig } from '../../config/schema';
import type { PhoneNormalizer } from '../../phone/normalize';
import { attributeMap, type AttributeMap } from '../attributes';
import { addressedPerson } from '../email-match';
import { AttributeBag, personIdFrom, requestedAttributes, toPerson } from '../entry';
import { LdapConnector } from '../ldap/connection';
import { bufferAttributes, peopleFilter } from '../ldap/filters';
import { IndexTooLargeError } from './index-errors';
import type { SourcePerson } from './index-record';
import type { Changes, IndexSource, Watermark } from './index-source';
import { timestampMinusSeconds } from './generalized-time';

const MODIFY_TIMESTAMP = 'modifyTimestamp';
const USN_CHANGED = 'uSNChanged';

export class LdapIndexSource implements IndexSource {
  /** mail everywhere, smtp: proxyAddresses on Active Directory: what the live email lookup matches. */
  readonly readsAddresses = true;
  private readonly map: AttributeMap;
  private readonly people: Filter;
  private readonly connector: LdapConnector;
  private readonly attributes: string[];

  constructor(
    private readonly config: LdapDirectoryConfig,
    password: string,
    private readonly phones: PhoneNormalizer,
  ) {
    this.map = attributeMap(config.kind, config.attributes);
    this.people = peopleFilter(config.kind, config.filter);
    this.connector = new LdapConnector(config, password);
    this.attributes = [...requestedAttributes(this.map), ...(config.kind === 'ldap' ? [MODIFY_TIMESTAMP] : [])];
  }

  async loadAll(page: (people: SourcePerson[]) => void): Promise<Watermark> {
    return this.session(async (client) => {
      const started = Date.now();
      const before = this.config.kind === 'ad' ? await this.usnWatermark(client) : undefined;
      let newest: string | undefined;
      await this.paged(client, this.people, this.attributes, (entries) => {
        page(entries.map((e) => this.sourcePerson(e)).filter((p): p is SourcePerson => p !== undefined));
        newest = newestStamp(entries, newest);
      });
      return before ?? this.timestampWatermark(newest, undefined, started);
    });
  }

  async changesSince(watermark: Watermark): Promise<Changes | 'reload'> {
    return this.session(async (client) => {
      const started = Date.now();
      let next: Watermark;
      let since: Filter;
      if (watermark.kind === 'usn') {
        next = await this.usnWatermark(client);
        if (next.kind !== 'usn' || next.dc !== watermark.dc || BigInt(next.usn) < BigInt(watermark.usn)) return 'reload';
        since = new GreaterThanEqualsFilter({ attribute: USN_CHANGED, value: (BigInt(watermark.usn) + 1n).toString() });
      } else {
        since = new GreaterThanEqualsFilter({ attribute: MODIFY_TIMESTAMP, value: watermark.at });
        next = watermark;
      }
      const changed: SourcePerson[] = [];
      let newest: string | undefined;
      await this.paged(client, new AndFilter({ filters: [this.people, since] }), this.attributes, (entries) => {
        for (const entry of entries) {
          const person = this.sourcePerson(entry);
          if (person) changed.push(person);
        }
        newest = newestStamp(entries, newest);
      });
      const gone: string[] = [];
      const stamped = this.config.kind === 'ldap' ? [this.map.id, MODIFY_TIMESTAMP] : [this.map.id];
      await this.paged(client, new AndFilter({ filters: [since, new NotFilter({ filter: this.people })] }), stamped, (entries) => {
        for (const entry of entries) {
          const id = personIdFrom(AttributeBag.fromEntry(entry).all(this.map.id)[0]);
          if (id !== undefined) gone.push(id);
        }
        newest = newestStamp(entries, newest);
      });
      if (watermark.kind === 'timestamp') next = this.timestampWatermark(newest, watermark, started);
      return { changed, gone, watermark: next };
    });
  }

  async allIds(): Promise<Set<string>> {
    return this.session(async (client) => {
      const ids = new Set<string>();
      await this.paged(client, this.people, [this.map.id], (entries) => {
        for (const entry of entries) {
          const id = personIdFrom(AttributeBag.fromEntry(entry).all(this.map.id)[0]);
          if (id !== undefined) ids.add(id);
        }
      });
      return ids;
    });
  }

  async close(): Promise<void> {
    // Every read closes its own connection; nothing stays open between reads.
  }

  private async session<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = await this.connector.open();
    try {
      return await work(client);
    } catch (error) {
      if (error instanceof IndexTooLargeError) throw error;
      throw this.connector.fail(error, 'search');
    } finally {
      await client.unbind().catch(() => undefined);
    }
  }

  private async paged(client: Client, filter: Filter, attributes: string[], onPage: (entries: Entry[]) => void): Promise<void> {
    const options = {
      scope: 'sub' as const,
      filter,
      attributes,
      explicitBufferAttributes: bufferAttributes(this.map),
      timeLimit: Math.ceil(this.config.timeouts.requestMs / 1000),
      paged: { pageSize: this.config.pageSize },
    };
    // Search references (other naming contexts) are ignored, never followed, as in live searches.
    for await (const result of client.searchPaginated(this.config.searchBase, options)) onPage(result.searchEntries);
  }

  /** The DC's highestCommittedUSN and identity, read from the RootDSE and its NTDS Settings object. */
  private async usnWatermark(client: Client): Promise<Watermark> {
    const root = await client.search('', { scope: 'base', attributes: ['highestCommittedUSN', 'dsServiceName'] });
    const rootDse = AttributeBag.fromEntry(root.searchEntries[0] ?? { dn: '' });
    const usn = rootDse.first('highestCommittedUSN');
    const service = rootDse.first('dsServiceName');
    if (usn === undefined || !/^\d+$/.test(usn) || service === undefined) throw new Error('the RootDSE has no highestCommittedUSN or dsServiceName: is this Active Directory?');
    const settings = await client.search(service, { scope: 'base', attributes: ['invocationId'], explicitBufferAttributes: ['invocationId'] });
    const invocation = AttributeBag.fromEntry(settings.searchEntries[0] ?? { dn: service }).all('invocationId')[0];
    // Without the invocationId (not readable), the DC's name still tells DCs apart; only a restore goes unseen.
    const dc = Buffer.isBuffer(invocation) ? invocation.toString('base64url') : service;
    return { kind: 'usn', dc, usn };
  }

  /**
   * The next modifyTimestamp watermark: the newest stamp read, moved back by the read's duration
   * plus one second (see the file comment); never before the previous watermark.
   */
  private timestampWatermark(newest: string | undefined, previous: Watermark | undefined, startedMs: number): Watermark {
    const previousAt = previous?.kind === 'timestamp' ? previous.at : undefined;
    if (newest === undefined) return { kind: 'timestamp', at: previousAt ?? '19700101000000Z' };
    const back = timestampMinusSeconds(newest, Math.ceil((Date.now() - startedMs) / 1000) + 1);
    return { kind: 'timestamp', at: previousAt !== undefined && previousAt > back ? previousAt : back };
  }

  private sourcePerson(entry: Entry): SourcePerson | undefined {
    const bag = AttributeBag.fromEntry(entry);
    const person = toPerson(bag, this.map, this.phones);
    if (person === undefined) return undefined;
    // The addresses the live lookup matches (ldap/email-lookup.ts): proxyAddresses on AD only.
    const { mail, aliases } = addressedPerson(bag, person, this.map.mail, this.config.kind === 'ad' ? this.map.proxyAddresses : undefined);
    return { person, mails: mail, aliases };
  }
}

/** The newest modifyTimestamp among `entries` and `newest` (GeneralizedTime compares as text). */
function newestStamp(entries: readonly Entry[], newest: string | undefined): string | undefined {
  let result = newest;
  for (const entry of entries) {
    const value = entry[MODIFY_TIMESTAMP];
    const stamp = Array.isArray(value) ? value[0] : value;
    if (typeof stamp === 'string' && (result === undefined || stamp > result)) result = stamp;
  }
  return result;
}
