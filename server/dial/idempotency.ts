/**
 * One click places one call: requests carrying the same idempotency key share one execution.
 * A request arriving while the first is still dialing waits for it (coalesced); one arriving later
 * gets the stored answer or error (replayed) until it expires. The same key with a different request
 * is refused, as it most likely is a client bug that would otherwise hide a call.
 */
import { DialpaneError } from '../errors';

interface Entry<T> {
  fingerprint: string;
  promise: Promise<T>;
  /** When the stored answer stops being replayed; undefined while the work is in flight. */
  expiresAt?: number;
}

export interface IdempotencyOptions {
  /** How long a finished answer is replayed. */
  ttlMs: number;
  /** Finished answers kept at most; the oldest go first. In-flight work is never dropped. */
  maxEntries: number;
  /** The clock; tests pass their own. */
  now?: () => number;
}

export class IdempotencyStore<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly now: () => number;

  constructor(private readonly options: IdempotencyOptions) {
    this.now = options.now ?? Date.now;
  }

  run(key: string, fingerprint: string, work: () => Promise<T>): Promise<T> {
    this.evict();
    const existing = this.entries.get(key);
    if (existing !== undefined) {
      if (existing.fingerprint !== fingerprint) {
        return Promise.reject(
          new DialpaneError('IDEMPOTENCY_KEY_REUSED', 'This idempotency key was already used for a different call.', 'Send a new idempotencyKey for each click on Call.'),
        );
      }
      return existing.promise;
    }
    const entry: Entry<T> = { fingerprint, promise: Promise.resolve().then(work) };
    const settle = (): void => {
      entry.expiresAt = this.now() + this.options.ttlMs;
    };
    entry.promise.then(settle, settle);
    this.entries.set(key, entry);
    return entry.promise;
  }

  /** Number of keys remembered (in flight or replayable). */
  get size(): number {
    this.evict();
    return this.entries.size;
  }

  private evict(): void {
    const now = this.now();
    let finished = 0;
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt === undefined) continue;
      if (entry.expiresAt <= now) this.entries.delete(key);
      else finished++;
    }
    // Map iteration is insertion order: the first finished entries are the oldest.
    for (const [key, entry] of this.entries) {
      if (finished <= this.options.maxEntries) break;
      if (entry.expiresAt === undefined) continue;
      this.entries.delete(key);
      finished--;
    }
  }
}
