/**
 * The directory side of signing in, for one ad/ldap directory:
 * - find: the account of a typed name, looked up as the service account (never as the person),
 *   with the typed text only ever an escaped assertion value or, for a DN, a search base;
 * - verify: exactly ONE bind as that account's DN on a connection of its own — never retried,
 *   because every failed bind counts towards the account's lockout on the DC;
 * - byId: the account again at refresh time, to end sessions of accounts since disabled or removed.
 *
 * Lookups use a service-account connection of their own, apart from the people searches', so a
 * burst of sign-ins never queues behind Show All.
 */
import { AndFilter, type Client, type Filter, InvalidDNSyntaxError, NoSuchObjectError, type SearchOptions } from 'ldapts';
import type { LdapDirectoryConfig } from '../config/schema';
import { attributeMap, type AttributeMap } from '../directory/attributes';
import { AttributeBag, guidBytesFromId, requestedAttributes, toPerson } from '../directory/entry';
import { LdapConnector } from '../directory/ldap/connection';
import { bufferAttributes, personIdFilter } from '../directory/ldap/filters';
import { SharedConnection } from '../directory/ldap/shared-connection';
import { DialpaneError } from '../errors';
import type { PhoneNormalizer } from '../phone/normalize';
import { identityFilter, signInPopulation } from './account-filter';
import { bindRefusal, type BindRefusal } from './bind-outcome';
import { isUnder, type Identity } from './identity';
import type { UserAttributes } from './signed-in-user';

export interface Account {
  /** The person id of the API: the per-account rate limit and the token subject key on it. */
  id: string;
  dn: string;
  displayName: string;
  attributes: UserAttributes;
  /** userAccountControl bit 2 (AD only; other servers say so at bind time, if at all). */
  disabled: boolean;
}

export type BindResult = { ok: true } | { ok: false; refusal: BindRefusal };

/** userAccountControl ACCOUNTDISABLE. */
const ACCOUNT_DISABLED = 2;

export class LdapAccounts {
  readonly directoryId: string;
  private readonly map: AttributeMap;
  private readonly population: Filter;
  private readonly lookups: SharedConnection;
  /** A DialpaneError (503/504 …) naming the server, for whatever a lookup threw. */
  private readonly fail: (error: unknown) => DialpaneError;

  constructor(
    private readonly config: LdapDirectoryConfig,
    servicePassword: string,
    private readonly phones: PhoneNormalizer,
  ) {
    this.directoryId = config.id;
    this.map = attributeMap(config.kind, config.attributes);
    this.population = signInPopulation(config.kind, config.filter);
    const connector = new LdapConnector(config, servicePassword);
    this.lookups = new SharedConnection(() => connector.open());
    this.fail = (error) => connector.fail(error, 'search');
  }

  private options(filter: Filter, scope: 'base' | 'sub'): SearchOptions {
    return {
      scope,
      filter,
      attributes: [...requestedAttributes(this.map), 'userPrincipalName', 'userAccountControl'],
      explicitBufferAttributes: bufferAttributes(this.map),
      // Two are enough to tell "exactly one" from "ambiguous".
      sizeLimit: 2,
      timeLimit: Math.ceil(this.config.timeouts.requestMs / 1000),
    };
  }

  private async search(base: string, filter: Filter, scope: 'base' | 'sub', missingIsEmpty: boolean): Promise<AttributeBag[]> {
    try {
      const result = await this.lookups.run((client: Client) => client.search(base, this.options(filter, scope)));
      return result.searchEntries.map((entry) => AttributeBag.fromEntry(entry));
    } catch (error) {
      // A typed DN that does not exist, or is not a DN after all, is an unknown user, not a fault.
      if (missingIsEmpty && (error instanceof NoSuchObjectError || error instanceof InvalidDNSyntaxError)) return [];
      throw this.fail(error);
    }
  }

  private toAccount(bag: AttributeBag): Account | undefined {
    const person = toPerson(bag, this.map, this.phones);
    if (person === undefined) return undefined;
    const raw = (kind: 'ipPhone' | 'telephoneNumber' | 'mobile'): string | undefined => person.phones.find((p) => p.kind === kind)?.raw;
    const attributes: UserAttributes = {};
    const values: UserAttributes = { account: person.accountName, mail: person.mail, ipPhone: raw('ipPhone'), telephoneNumber: raw('telephoneNumber'), mobile: raw('mobile') };
    for (const [name, value] of Object.entries(values) as [keyof UserAttributes, string | undefined][]) if (value !== undefined) attributes[name] = value;
    const uac = Number(bag.first('userAccountControl') ?? '0');
    return { id: person.id, dn: bag.dn, displayName: person.displayName, attributes, disabled: this.config.kind === 'ad' && (uac & ACCOUNT_DISABLED) !== 0 };
  }

  /** The one account the typed name names inside the search base, or undefined (unknown or ambiguous). */
  async find(identity: Identity): Promise<Account | undefined> {
    let bags: AttributeBag[];
    if (identity.form === 'dn') {
      bags = (await this.search(identity.dn, this.population, 'base', true)).filter((b) => isUnder(b.dn, this.config.searchBase));
    } else {
      const filter = new AndFilter({ filters: [this.population, identityFilter(identity, this.config.kind, this.map, this.config.searchBase)] });
      bags = await this.search(this.config.searchBase, filter, 'sub', false);
      // user@domain may match one account by UPN and another by account name: the UPN wins.
      if (identity.form === 'upn' && bags.length > 1) bags = bags.filter((b) => b.first('userPrincipalName')?.toLowerCase() === identity.upn.toLowerCase());
    }
    return bags.length === 1 ? this.toAccount(bags[0] as AttributeBag) : undefined;
  }

  /** The account with this person id, read again (refresh), or undefined when it is gone. */
  async byId(id: string): Promise<Account | undefined> {
    const byId = personIdFilter(id, this.map, guidBytesFromId);
    if (byId === undefined) return undefined;
    const bags = await this.search(this.config.searchBase, new AndFilter({ filters: [this.population, byId] }), 'sub', false);
    return bags.length === 1 ? this.toAccount(bags[0] as AttributeBag) : undefined;
  }

  /**
   * Exactly one simple bind as the account, on a new connection closed right after. Refusals of
   * the credentials come back as a BindResult; a directory that cannot be reached or does not
   * answer in time throws its DialpaneError (DIRECTORY_UNREACHABLE, DIRECTORY_TIMEOUT, …).
   */
  async verify(account: Account, password: string): Promise<BindResult> {
    const connector = new LdapConnector({ ...this.config, bindUser: account.dn }, password, { bindOnce: true });
    let client: Client;
    try {
      client = await connector.open();
    } catch (error) {
      const refusal = bindRefusal(error instanceof DialpaneError ? error.cause : error);
      if (refusal !== undefined) return { ok: false, refusal };
      throw error;
    }
    await client.unbind().catch(() => undefined);
    return { ok: true };
  }

  close(): Promise<void> {
    return this.lookups.close();
  }
}
