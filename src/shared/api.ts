/**
 * Types shared by the task pane and the companion service: the JSON shapes of the API.
 * Both sides import this file, so a change here is a change of the wire format.
 */

export interface DirectorySummary {
  id: string;
  displayName: string;
}

/** The directory attributes that carry phone numbers, in the order the pane lists them. */
export const PHONE_KINDS = ['telephoneNumber', 'mobile', 'ipPhone', 'homePhone', 'otherTelephone'] as const;
export type PhoneKind = (typeof PHONE_KINDS)[number];

export type Phone = DialablePhone | UndialablePhone;

interface PhoneBase {
  kind: PhoneKind;
  /** Human label such as "Work" or "Mobile". */
  label: string;
  /** The value exactly as the directory holds it. */
  raw: string;
}

export interface DialablePhone extends PhoneBase {
  dialable: true;
  /** RFC 3966 URI, e.g. `tel:+1-408-555-0100;ext=123`. */
  tel: string;
  /** Pretty international form for display, e.g. `+1 408 555 0100 ext. 123`. */
  display: string;
}

export interface UndialablePhone extends PhoneBase {
  dialable: false;
  /** Why this value cannot be called, in plain words. */
  reason: string;
}

export interface Person {
  /** Stable and URL-safe: objectGUID (base64url) on AD, entryUUID on OpenLDAP. Never a DN. */
  id: string;
  displayName: string;
  givenName?: string;
  surname?: string;
  title?: string;
  department?: string;
  company?: string;
  office?: string;
  mail?: string;
  accountName?: string;
  phones: Phone[];
  /**
   * SIP addresses to call, as `sip:` URIs: msRTCSIP-PrimaryUserAddress first, then the `SIP:`
   * entries of proxyAddresses; duplicates removed. Absent when there are none.
   */
  sip?: string[];
  /**
   * Where the photo is, relative to the pane's base URL (`api/directories/…/photo?v=…`; `v` changes
   * with the photo). Set on a person's details (GET …/people/:personId) when the directory holds a
   * thumbnailPhoto; absent otherwise, and in lists (photos are not fetched for every row).
   */
  photoUrl?: string;
  /**
   * The manager, on a person's details. `id` opens them in the same directory; it is absent when
   * the manager is not someone this directory lists (outside the search base, disabled).
   */
  manager?: PersonRef;
  /** The directory this person was found in: set in "All directories" answers (GET /api/people). */
  directoryId?: string;
}

export interface PersonRef {
  id?: string;
  displayName: string;
}

/** Answer of a search as you type. */
export interface SearchResponse {
  people: Person[];
  /** True when the directory had more matches than `limit`: the user should type more. */
  more: boolean;
  /**
   * "All directories" only (GET /api/people): the directories that could not answer; the people
   * of the others are still there. Absent or empty when every directory answered.
   */
  failures?: DirectoryFailure[];
}

/** A directory that failed inside an "All directories" answer. */
export interface DirectoryFailure extends ApiError {
  directoryId: string;
  displayName: string;
}

/** The id the pane and the API use for "All directories" (never a configured id: they are [a-z0-9-]). */
export const ALL_DIRECTORIES = '*';

/** One page of Show All. */
export interface PageResponse {
  people: Person[];
  /** Pass back as `cursor` to get the next page; null when this was the last page. */
  nextCursor: string | null;
}

/** Every error the API answers has this shape. `code` is stable; `message` and `hint` are for people. */
export interface ApiError {
  code: string;
  message: string;
  hint: string;
}

export const SEARCH_MIN_LENGTH = 2;
export const SEARCH_DEFAULT_LIMIT = 25;
export const SEARCH_MAX_LIMIT = 200;
export const SEARCH_MAX_QUERY_LENGTH = 128;

export * from './dial-api';
export * from './index-api';
/**
 * What exactly went wrong talking to a directory, finer than an error `code`: the directory check
 * reports it for each failed step, and tools may key on it.
 */
export type DirectoryProblem =
  // reaching the server
  | 'HOST_UNKNOWN'
  | 'CONNECTION_REFUSED'
  | 'CONNECT_TIMEOUT'
  | 'NO_ROUTE'
  | 'CONNECTION_CLOSED'
  | 'NO_SERVER_ANSWERED'
  // TLS
  | 'TLS_UNTRUSTED'
  | 'TLS_NAME_MISMATCH'
  | 'TLS_EXPIRED'
  | 'TLS_NOT_YET_VALID'
  | 'TLS_FAILED'
  | 'TLS_CA_FILE'
  | 'STARTTLS_REFUSED'
  // binding (the BIND_* with an AD sub-code are listed in server/directory/ldap/bind-reasons.ts)
  | 'BIND_USER_NOT_FOUND'
  | 'BIND_BAD_CREDENTIALS'
  | 'BIND_LOGON_HOURS'
  | 'BIND_WORKSTATION'
  | 'BIND_PASSWORD_EXPIRED'
  | 'BIND_ACCOUNT_DISABLED'
  | 'BIND_ACCOUNT_EXPIRED'
  | 'BIND_MUST_CHANGE_PASSWORD'
  | 'BIND_LOCKED_OUT'
  | 'BIND_REFUSED'
  | 'BIND_STRONG_AUTH_REQUIRED'
  | 'BIND_NAME_SYNTAX'
  | 'BIND_NOT_BOUND'
  // the search base and the people in it
  | 'BASE_NOT_FOUND'
  | 'BASE_MALFORMED'
  | 'NO_ENTRIES_VISIBLE'
  | 'FILTER_MATCHES_NOBODY'
  | 'FILE_UNREADABLE'
  // anything else
  | 'TIMEOUT'
  | 'SERVER_ERROR';

/** The steps of a directory check, in the order they run. */
export const CHECK_STEPS = ['reach', 'tls', 'bind', 'searchBase', 'people'] as const;
export type CheckStepId = (typeof CHECK_STEPS)[number];

/**
 * One step of a directory check. `ok`: `detail` says what was found. `failed`: `cause` in plain
 * words, `fix`, and the stable `problem`. `skipped`: not needed (TLS on plain ldap://) or not run
 * because an earlier step failed; `detail` says which.
 */
export interface CheckStep {
  id: CheckStepId;
  title: string;
  status: 'ok' | 'failed' | 'skipped';
  detail?: string;
  cause?: string;
  fix?: string;
  problem?: DirectoryProblem;
  /** Search base failures: DNs that do exist and may be what was meant (from the RootDSE). */
  suggestions?: string[];
}

/** Answer of GET /api/directories/:id/check and one block of `dialpane doctor`. */
export interface DirectoryCheck {
  directoryId: string;
  displayName: string;
  /** The servers checked, as configured (`ldap://dc1:389`, or the LDIF file). */
  servers: string[];
  /** True when every step passed (skipped TLS on plain ldap:// counts as passed). */
  ok: boolean;
  steps: CheckStep[];
  /** How many people the search base holds, when the last step got that far. */
  people?: number;
}

export * from './lookup-api';
export * from './auth-api';
