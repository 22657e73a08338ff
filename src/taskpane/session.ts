/**
 * Who is signed in, for the pane: the token the service gave, kept in memory and in sessionStorage
 * (so reloading the pane in the same Outlook window keeps the sign-in; closing it ends it), never in
 * a cookie — see the README on why. A plain store (no React) that the API client reads the token
 * from and tells when the service answered 401.
 */
import type { SessionResponse } from '../shared/api';

export type SessionState =
  /** No token; the service may not need one (the loopback demo runs without sign-in). */
  | { status: 'anonymous' }
  | { status: 'signed-in'; session: SessionResponse }
  /** The service answered 401: the pane shows the sign-in form, with why when there is a reason. */
  | { status: 'needs-sign-in'; notice?: string };

const STORAGE_KEY = 'dialpane.session';

function isSession(value: unknown): value is SessionResponse {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const user = v['user'] as Record<string, unknown> | undefined;
  return typeof v['token'] === 'string' && typeof v['expiresAt'] === 'string' && typeof user === 'object' && user !== null && typeof user['displayName'] === 'string';
}

export class SessionStore {
  private state: SessionState = { status: 'anonymous' };
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined,
    private readonly now: () => number = Date.now,
  ) {
    const kept = this.read();
    if (kept !== undefined && Date.parse(kept.expiresAt) > this.now()) this.state = { status: 'signed-in', session: kept };
  }

  get = (): SessionState => this.state;

  /** The token to send, if any. */
  token(): string | undefined {
    return this.state.status === 'signed-in' ? this.state.session.token : undefined;
  }

  signedIn(session: SessionResponse): void {
    this.write(session);
    this.update({ status: 'signed-in', session });
  }

  /** The service wants a (new) sign-in: the token is dropped, the form shows `notice`. */
  needsSignIn(notice?: string): void {
    this.write(undefined);
    this.update(notice === undefined ? { status: 'needs-sign-in' } : { status: 'needs-sign-in', notice });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private update(next: SessionState): void {
    this.state = next;
    for (const listener of this.listeners) listener();
  }

  private read(): SessionResponse | undefined {
    try {
      const parsed: unknown = JSON.parse(this.storage?.getItem(STORAGE_KEY) ?? 'null');
      return isSession(parsed) ? parsed : undefined;
    } catch {
      return undefined; // unreadable storage or a damaged entry: start signed out
    }
  }

  private write(session: SessionResponse | undefined): void {
    try {
      if (session === undefined) this.storage?.removeItem(STORAGE_KEY);
      else this.storage?.setItem(STORAGE_KEY, JSON.stringify(session));
    } catch (error) {
      // Storage can be blocked in Office's web views; the session then lives in memory only.
      console.info('Dialpane: sessionStorage is not available; the sign-in lasts until the pane closes.', error);
    }
  }
}

/** When to refresh: a third of the token's life before it ends, at least a minute before. */
export function refreshDelayMs(session: SessionResponse, now: number, lifetimeMs: number): number {
  const expires = Date.parse(session.expiresAt);
  return Math.max(0, expires - now - Math.max(60_000, lifetimeMs / 3));
}
