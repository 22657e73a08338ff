/**
 * Wire format of the directory index's reports (GET /api/health/directories) and of the reverse lookup by
 * phone number (GET /api/lookup?number=…). Re-exported by api.ts.
 */
import type { DirectoryFailure, Person } from './api';

export type IndexSyncKind = 'full' | 'delta' | 'deletions';

/** The outcome of one sync of a directory index. */
export interface IndexSyncReport {
  /** What ran: a full load, the changes since the last sync, or changes plus the check for deleted people. */
  kind: IndexSyncKind;
  ok: boolean;
  /** When it started (ISO 8601). */
  at: string;
  durationMs: number;
  /** People in the index after it. */
  people: number;
  added: number;
  changed: number;
  removed: number;
  /** Why it failed; the index keeps answering from what it had. */
  error?: { code: string; message: string };
}

export interface IndexHealth {
  /** loading: the first load runs, searches go to the directory; failed: it failed, searches go to the directory. */
  state: 'loading' | 'ready' | 'failed';
  people: number;
  /** The last full load (ISO 8601), null before the first one ended. */
  loadedAt: string | null;
  /** When the last successful sync of any kind started: the index holds the directory as it was then. */
  syncedAt: string | null;
  /** Seconds since syncedAt: how far behind the directory the index may be. */
  ageSeconds: number | null;
  lastSync: IndexSyncReport | null;
  syncIntervalSeconds: number;
}

/** One directory in GET /api/health; `index` only for directories that keep one. */
export interface DirectoryHealth {
  id: string;
  displayName: string;
  index?: IndexHealth;
}

/** Answer of GET /api/health/directories. */
export interface DirectoriesHealthResponse {
  ok: boolean;
  directories: DirectoryHealth[];
}

/** A person with a phone that is the number looked up. */
export interface NumberMatch {
  directoryId: string;
  person: Person;
  /** Position in person.phones of the matching number (as POST /api/dial takes it). */
  phoneIndex: number;
}

/** Answer of GET /api/lookup?number=…: who has this number, whatever its spelling on either side. */
export interface NumberLookupResponse {
  /** How the number was read: E.164 (with an extension written after it), or an internal extension. */
  number: { e164?: string; ext?: string; extension?: string };
  /** In configuration order of the directories, then by display name. */
  matches: NumberMatch[];
  /** Directories that could not be searched; absent when every directory answered. */
  failures?: DirectoryFailure[];
}
