/**
 * Wire format of the contact lookup: the people of an open message (sender and recipients) found by
 * email address. Re-exported by api.ts, so the pane imports everything from one place.
 */
import type { ApiError, Person } from './api';

/** At most this many addresses in one POST /api/lookup/emails (a message with more is looked up in parts). */
export const LOOKUP_MAX_ADDRESSES = 100;
/** Longest address accepted (RFC 5321 path limit). */
export const LOOKUP_MAX_ADDRESS_LENGTH = 254;
/**
 * What counts as an address to look up: local@domain, no spaces, control characters, brackets,
 * quotes or separators. Deliberately loose (directories hold odd but valid addresses); Outlook's
 * X.500 and empty addresses are left out by the pane before the request.
 */
export const LOOKUP_ADDRESS_PATTERN = /^[^\s\u0000-\u001f\u007f@<>()[\]",;:\\]+@[^\s\u0000-\u001f\u007f@<>()[\]",;:\\]+$/;

/** Body of POST /api/lookup/emails. */
export interface EmailLookupRequest {
  addresses: string[];
  /** One directory; every configured directory when absent. */
  directoryId?: string;
}

/** One address that belongs to someone in a directory. */
export interface EmailMatch {
  /** The address as the request spelled it. */
  address: string;
  /** Where the person was found (the first directory in configuration order that knows the address). */
  directoryId: string;
  person: Person;
}

/** A directory that could not be searched; its people may be among `notFound`. */
export interface LookupFailure extends ApiError {
  directoryId: string;
  displayName: string;
}

/** Answer of POST /api/lookup/emails: every requested address (duplicates once) is in `matches` or `notFound`. */
export interface EmailLookupResponse {
  matches: EmailMatch[];
  notFound: string[];
  /** Directories that failed while others answered; absent when every directory answered. */
  failures?: LookupFailure[];
}
