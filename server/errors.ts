/**
 * Typed errors with stable string codes. Services throw these; the one error middleware
 * (http/error-middleware.ts) turns them into `{ code, message, hint }` answers.
 * Callers and tests key on `code`; `message` and `hint` are for people.
 */
import type { DirectoryProblem } from '../src/shared/api';

export type ErrorCode =
  | 'BAD_QUERY'
  | 'BAD_REQUEST'
  | 'NOT_FOUND'
  | 'DIRECTORY_NOT_FOUND'
  | 'PERSON_NOT_FOUND'
  | 'CURSOR_EXPIRED'
  | 'DIRECTORY_UNREACHABLE'
  | 'DIRECTORY_TIMEOUT'
  | 'DIRECTORY_BIND_FAILED'
  | 'DIRECTORY_SEARCH_BASE'
  | 'DIRECTORY_ERROR'
  | 'PHOTO_NOT_FOUND'
  | 'PAYLOAD_TOO_LARGE'
  | 'NOT_DIALABLE'
  | 'DIALER_NOT_FOUND'
  | 'DIALER_IN_PANE'
  | 'DIALER_UNSUPPORTED'
  | 'DEVICE_REQUIRED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'DIALER_UNREACHABLE'
  | 'DIALER_REJECTED'
  | 'DIALER_TIMEOUT'
  | 'INTERNAL'
  // Sign-in, authorization and hardening (issue 6).
  | 'UNAUTHENTICATED'
  | 'SIGN_IN_FAILED'
  | 'SIGN_IN_UNAVAILABLE'
  | 'ACCOUNT_LOCKED'
  | 'ACCOUNT_DISABLED'
  | 'ACCOUNT_EXPIRED'
  | 'PASSWORD_EXPIRED'
  | 'PASSWORD_MUST_CHANGE'
  | 'SIGN_IN_RESTRICTED'
  | 'ORIGIN_NOT_ALLOWED'
  | 'LOOPBACK_ONLY'
  | 'DEVICE_NOT_YOURS'
  | 'DIALER_SHARED'
  | 'RATE_LIMITED'
  | 'URI_TOO_LONG'
  | 'REQUEST_TIMEOUT';

const STATUS: Record<ErrorCode, number> = {
  BAD_QUERY: 400,
  BAD_REQUEST: 400,
  NOT_FOUND: 404,
  DIRECTORY_NOT_FOUND: 404,
  PERSON_NOT_FOUND: 404,
  PHOTO_NOT_FOUND: 404,
  CURSOR_EXPIRED: 410,
  PAYLOAD_TOO_LARGE: 413,
  DIRECTORY_UNREACHABLE: 503,
  DIRECTORY_BIND_FAILED: 503,
  DIRECTORY_SEARCH_BASE: 503,
  DIRECTORY_ERROR: 503,
  DIRECTORY_TIMEOUT: 504,
  NOT_DIALABLE: 422,
  DIALER_NOT_FOUND: 404,
  DIALER_IN_PANE: 400,
  DIALER_UNSUPPORTED: 400,
  DEVICE_REQUIRED: 400,
  IDEMPOTENCY_KEY_REUSED: 409,
  DIALER_UNREACHABLE: 502,
  DIALER_REJECTED: 502,
  DIALER_TIMEOUT: 504,
  INTERNAL: 500,
  UNAUTHENTICATED: 401,
  SIGN_IN_FAILED: 401,
  SIGN_IN_UNAVAILABLE: 404,
  ACCOUNT_LOCKED: 403,
  ACCOUNT_DISABLED: 403,
  ACCOUNT_EXPIRED: 403,
  PASSWORD_EXPIRED: 403,
  PASSWORD_MUST_CHANGE: 403,
  SIGN_IN_RESTRICTED: 403,
  ORIGIN_NOT_ALLOWED: 403,
  LOOPBACK_ONLY: 403,
  DEVICE_NOT_YOURS: 403,
  DIALER_SHARED: 403,
  RATE_LIMITED: 429,
  URI_TOO_LONG: 414,
  REQUEST_TIMEOUT: 503,
};

export class DialpaneError extends Error {
  readonly status: number;
  /** For 429 (and 503 when known): seconds until trying again makes sense, sent as Retry-After. */
  readonly retryAfterSeconds: number | undefined;
  /** What exactly failed, finer than `code` (e.g. BIND_ACCOUNT_DISABLED); the directory check reports it. */
  readonly problem: DirectoryProblem | undefined;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly hint: string,
    options?: { cause?: unknown; retryAfterSeconds?: number; problem?: DirectoryProblem },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DialpaneError';
    this.status = STATUS[code];
    this.retryAfterSeconds = options?.retryAfterSeconds;
    this.problem = options?.problem;
  }
}

export const badQuery = (message: string, hint: string): DialpaneError => new DialpaneError('BAD_QUERY', message, hint);
