/**
 * Where a directory index reads people from: a full load, the changes since a watermark, and the
 * ids of everyone (to see deletions, which change stamps cannot show). ldap-index-source.ts reads
 * LDAP and Active Directory.
 */
import type { SourcePerson } from './index-record';

/**
 * Where the last read stopped. Active Directory: the DC's highestCommittedUSN, valid on that DC
 * only (`dc` is its invocationId, which also changes when the DC is restored from a backup).
 * Other LDAP servers: a modifyTimestamp, valid on every replica.
 */
export type Watermark = { kind: 'usn'; dc: string; usn: string } | { kind: 'timestamp'; at: string };

export interface Changes {
  /** People added or changed since the watermark (matching the people filter). */
  changed: SourcePerson[];
  /** Ids of entries changed since the watermark that are no longer people (disabled, filtered out). */
  gone: string[];
  watermark: Watermark;
}

export interface IndexSource {
  /**
   * True when the people carry every address the directory's own email lookup matches (`mail`, and
   * on Active Directory the smtp: proxyAddresses): the email lookup can then answer from the index.
   */
  readonly readsAddresses: boolean;
  /** Every person under the search base, handed over page by page as they arrive. */
  loadAll(page: (people: SourcePerson[]) => void): Promise<Watermark>;
  /** Changes since `watermark`, or 'reload' when it cannot be used here (another DC answered). */
  changesSince(watermark: Watermark): Promise<Changes | 'reload'>;
  /** The id of every person under the search base now. */
  allIds(): Promise<Set<string>>;
  close(): Promise<void>;
}
