/**
 * Looks up the people of the open message: one request per message (per 100 addresses), and
 * again only for recipients added while writing. Everything still running for the previous item is
 * aborted when the item changes (a new `generation`), and its answer, should it arrive anyway, is
 * dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { LOOKUP_MAX_ADDRESSES, type LookupFailure, type Person } from '../../shared/api';
import type { ApiFailure, DialpaneClient } from '../api';
import { lookupEmails } from './lookup-client';

export type LookupEntry =
  | { status: 'pending' }
  | { status: 'found'; directoryId: string; person: Person }
  | { status: 'missing' }
  /** The request failed; `error` on the hook's answer says why. */
  | { status: 'failed' };

export interface MessageLookup {
  /** By lowercased address. Addresses not (yet) asked are absent. */
  entries: ReadonlyMap<string, LookupEntry>;
  /** The last failed request's error, until a retry. */
  error: ApiFailure | null;
  /** Directories that could not be searched while others answered. */
  failures: LookupFailure[];
  retry: () => void;
}

interface Session {
  generation: number | null;
  controller: AbortController;
  entries: Map<string, LookupEntry>;
}

/**
 * @param generation the item the addresses belong to (null when no message is open)
 * @param addresses the addresses to know about (as Outlook gives them); order does not matter
 */
export function useMessageLookup(client: DialpaneClient, generation: number | null, addresses: readonly string[]): MessageLookup {
  const session = useRef<Session>({ generation: null, controller: new AbortController(), entries: new Map() });
  const [, setVersion] = useState(0);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [failures, setFailures] = useState<LookupFailure[]>([]);
  const [attempt, setAttempt] = useState(0);
  const changed = useCallback(() => setVersion((n) => n + 1), []);

  // A new item: abort what runs for the old one and forget its answers.
  useEffect(() => {
    const controller = new AbortController();
    session.current = { generation, controller, entries: new Map() };
    setError(null);
    setFailures([]);
    changed();
    return () => controller.abort();
  }, [generation, changed]);

  const wantedKey = [...new Set(addresses.map((a) => a.toLowerCase()))].sort().join('\n');
  useEffect(() => {
    const current = session.current;
    if (current.generation === null || current.generation !== generation) return;
    const byKey = new Map(addresses.map((a) => [a.toLowerCase(), a]));
    const missing = [...byKey.entries()].filter(([key]) => !current.entries.has(key)).map(([, address]) => address);
    if (missing.length === 0) return;
    for (const address of missing) current.entries.set(address.toLowerCase(), { status: 'pending' });
    changed();
    for (let i = 0; i < missing.length; i += LOOKUP_MAX_ADDRESSES) {
      const part = missing.slice(i, i + LOOKUP_MAX_ADDRESSES);
      void lookupEmails(client, part, current.controller.signal).then((result) => {
        // Stale: the item changed (this session was replaced and aborted) while the answer travelled.
        if (current.controller.signal.aborted || session.current !== current) return;
        if (!result.ok) {
          for (const address of part) current.entries.set(address.toLowerCase(), { status: 'failed' });
          setError(result.error);
        } else {
          for (const match of result.data.matches) current.entries.set(match.address.toLowerCase(), { status: 'found', directoryId: match.directoryId, person: match.person });
          for (const address of result.data.notFound) current.entries.set(address.toLowerCase(), { status: 'missing' });
          // Anything the service left unanswered is not in the directory as far as the pane can tell.
          for (const address of part) if (current.entries.get(address.toLowerCase())?.status === 'pending') current.entries.set(address.toLowerCase(), { status: 'missing' });
          const more = result.data.failures ?? [];
          if (more.length > 0) setFailures((known) => [...known.filter((f) => !more.some((m) => m.directoryId === f.directoryId)), ...more]);
        }
        changed();
      });
    }
    // `addresses` is represented by wantedKey; attempt re-runs after a retry cleared the failed ones.
  }, [client, generation, wantedKey, attempt, changed]);

  const retry = useCallback(() => {
    const current = session.current;
    for (const [key, entry] of current.entries) if (entry.status === 'failed') current.entries.delete(key);
    setError(null);
    setAttempt((n) => n + 1);
  }, []);

  // Until the effect above has opened this item's session, the previous item's answers are not shown.
  const own = session.current.generation === generation ? session.current.entries : new Map<string, LookupEntry>();
  return { entries: new Map(own), error, failures, retry };
}
