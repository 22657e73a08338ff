import type { DirectoryCheck, PageResponse, Person, SearchResponse } from '../../src/shared/api';
import type { Photo } from './photo';

/**
 * The seam between the API and wherever people live (LDAP, Active Directory, an LDIF file).
 * Implementations throw DialpaneError with a DIRECTORY_* code when the backend fails.
 */
export interface Directory {
  readonly id: string;
  readonly displayName: string;
  /**
   * Search as you type: prefix match on display name, given name, surname, mail and account name,
   * plus digits within phone numbers. Sorted by display name; `more` when over `limit`.
   */
  search(query: string, limit: number): Promise<SearchResponse>;
  /**
   * Show All: the whole search base page by page. No cursor starts at the beginning;
   * an unknown or expired cursor throws CURSOR_EXPIRED.
   */
  listPage(cursor: string | undefined, pageSize: number): Promise<PageResponse>;
  /**
   * One person by stable id, or undefined when nobody has that id. The details carry what lists
   * leave out: `photoUrl` and `manager`.
   */
  get(personId: string): Promise<Person | undefined>;
  /** The photo of one person, or undefined when nobody has that id or they have no photo. */
  photo(personId: string): Promise<Photo | undefined>;
  /**
   * The directory check: reach, TLS, bind, search base, people, each ok or failed with its cause
   * and fix, stopping at the first failure. Resolves with the failures; rejects only on a bug.
   */
  check(): Promise<DirectoryCheck>;
  /**
   * The people behind email addresses, in one directory query for the whole list (not one per
   * address): by `mail`, and on Active Directory also by the `smtp:` entries of proxyAddresses.
   * Case-insensitive. Keys of the answer are the addresses lowercased; unknown addresses are absent.
   */
  lookupEmails(addresses: readonly string[]): Promise<Map<string, Person>>;
  close(): Promise<void>;
}
