/** The session a request was authenticated with, kept beside the request (no global type augmentation). */
import type { Request } from 'express';
import type { SignedInUser } from '../auth/signed-in-user';

export interface RequestSession {
  user: SignedInUser;
  tokenId: string;
  /** Seconds since the epoch. */
  expiresAt: number;
}

const sessions = new WeakMap<Request, RequestSession>();

export function setSession(req: Request, session: RequestSession): void {
  sessions.set(req, session);
}

/** The signed-in session, or undefined without sign-in (auth.mode none). */
export function sessionOf(req: Request): RequestSession | undefined {
  return sessions.get(req);
}

/** The signed-in person of a route that requireAuth guards in directory mode; undefined in mode none. */
export const userOf = (req: Request): SignedInUser | undefined => sessions.get(req)?.user;
