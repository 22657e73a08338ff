/** Placeholder: the LDAP/Active Directory implementation lands with the integration tests. */
import type { PageResponse, Person, SearchResponse } from '../../src/shared/api';
import type { LdapDirectoryConfig } from '../config/schema';
import type { PhoneNormalizer } from '../phone/normalize';
import type { Directory } from './directory';

export class LdapDirectory implements Directory {
  readonly id: string;
  readonly displayName: string;
  constructor(
    readonly config: LdapDirectoryConfig,
    private readonly password: string,
    private readonly phones: PhoneNormalizer,
  ) {
    this.id = config.id;
    this.displayName = config.displayName;
  }
  search(_q: string, _limit: number): Promise<SearchResponse> {
    throw new Error('not implemented');
  }
  listPage(_cursor: string | undefined, _pageSize: number): Promise<PageResponse> {
    throw new Error('not implemented');
  }
  get(_personId: string): Promise<Person | undefined> {
    throw new Error('not implemented');
  }
  async close(): Promise<void> {}
}
