/**
 * Failed sign-ins per account, so the service stops asking the directory before the directory
 * locks the account. Unlike a request counter it must hold while binds are still in flight: ten
 * parallel attempts on one account would otherwise all pass the check and all reach the DC. So
 * every attempt first takes a slot (counted as a failure until it ends), then settles it:
 * - failed(): the bind said wrong user name or password — the slot stays as a failure;
 * - succeeded(): the password was right — the account's failures are forgotten, as AD resets
 *   badPwdCount on a successful logon;
 * - released(): no verdict on the password (directory unreachable, account locked…) — the slot goes.
 *
 * Failures older than the window no longer count (a sliding window, like AD's observation window).
 * The clock is injected so tests never wait.
 */
import { DialpaneError } from '../errors';

export interface AccountLimiterOptions {
  /** Failures (plus attempts in flight) per account within windowMs that are still allowed. */
  limit: number;
  windowMs: number;
  now?: () => number;
  /** Accounts remembered at most; the least recently failed are forgotten first. */
  maxAccounts?: number;
}

export interface Attempt {
  failed(): void;
  succeeded(): void;
  released(): void;
}

interface Entry {
  /** Times of the failures still inside the window, oldest first. */
  failures: number[];
  inFlight: number;
}

export class AccountLimiter {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;
  private readonly maxAccounts: number;

  constructor(private readonly options: AccountLimiterOptions) {
    this.now = options.now ?? Date.now;
    this.maxAccounts = options.maxAccounts ?? 100_000;
  }

  private entry(key: string): Entry {
    const found = this.entries.get(key);
    const entry = found ?? { failures: [], inFlight: 0 };
    const cutoff = this.now() - this.options.windowMs;
    while (entry.failures.length > 0 && (entry.failures[0] as number) <= cutoff) entry.failures.shift();
    // Map order is insertion order: re-inserting keeps the busiest accounts at the end.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** Takes a slot for one attempt on `key`, or throws RATE_LIMITED with the seconds until one frees up. */
  begin(key: string): Attempt {
    const entry = this.entry(key);
    if (entry.failures.length + entry.inFlight >= this.options.limit) {
      const oldest = entry.failures[0];
      // Only attempts in flight fill the slots: one of them settles within a request timeout.
      const waitMs = oldest === undefined ? 5_000 : oldest + this.options.windowMs - this.now();
      throw new DialpaneError('RATE_LIMITED', 'Too many failed sign-ins for this account.', 'Wait a while before trying again, so that your account is not locked.', {
        retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
      });
    }
    entry.inFlight += 1;
    this.trim();
    let settled = false;
    const settle = (then: () => void) => () => {
      if (settled) return;
      settled = true;
      entry.inFlight -= 1;
      then();
      if (entry.failures.length === 0 && entry.inFlight === 0 && this.entries.get(key) === entry) this.entries.delete(key);
    };
    return {
      failed: settle(() => entry.failures.push(this.now())),
      succeeded: settle(() => entry.failures.splice(0)),
      released: settle(() => undefined),
    };
  }

  /** Failures of `key` still inside the window (for tests and logs). */
  failures(key: string): number {
    return this.entries.has(key) ? this.entry(key).failures.length : 0;
  }

  private trim(): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.maxAccounts) return;
      if (entry.inFlight === 0) this.entries.delete(key);
    }
  }
}
