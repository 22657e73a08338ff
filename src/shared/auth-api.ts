/**
 * Wire format of signing in: the sign-in form's choices, the session a sign-in answers, and the
 * limits of the fields. Re-exported by api.ts.
 */
import type { DirectorySummary } from './api';

/** GET /api/session/options (public): what the sign-in form offers. */
export interface SignInOptions {
  /** "none": the service runs without sign-in (loopback demo); the pane never shows the form. */
  mode: 'directory' | 'none';
  /** The directories people sign in against. */
  directories: DirectorySummary[];
}

/** Body of POST /api/session. */
export interface SignInRequest {
  directoryId: string;
  /** A DN, user@domain, DOMAIN\user, or the bare account name. */
  username: string;
  password: string;
}

/** Who is signed in, as the pane shows it. */
export interface SessionUser {
  directoryId: string;
  displayName: string;
  account?: string;
  mail?: string;
}

/** Answer of POST /api/session and POST /api/session/refresh. */
export interface SessionResponse {
  /** Send as `Authorization: Bearer <token>` on every API request. */
  token: string;
  /** When the token stops working (ISO 8601); refresh before. */
  expiresAt: string;
  user: SessionUser;
}

export const USERNAME_MAX_LENGTH = 256;
/** Longer than any directory allows; refusing more keeps hostile bodies away from the bind. */
export const PASSWORD_MAX_LENGTH = 512;
