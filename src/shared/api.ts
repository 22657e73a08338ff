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
}

/** Answer of a search as you type. */
export interface SearchResponse {
  people: Person[];
  /** True when the directory had more matches than `limit`: the user should type more. */
  more: boolean;
}

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
export * from './auth-api';
