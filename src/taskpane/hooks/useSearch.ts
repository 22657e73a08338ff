import { useCallback, useEffect, useState } from 'react';
import { SEARCH_DEFAULT_LIMIT, SEARCH_MIN_LENGTH, type DirectoryFailure, type Person } from '../../shared/api';
import type { ApiFailure, DialpaneClient } from '../api';

export type SearchState =
  | { status: 'idle' }
  /** `previous` keeps the last answer on screen while the next one loads. */
  | { status: 'loading'; query: string; previous: { query: string; people: Person[]; more: boolean } | null }
  /** `failures`: "All directories" only, the directories that did not answer. */
  | { status: 'ready'; query: string; people: Person[]; more: boolean; failures: DirectoryFailure[] }
  | { status: 'error'; query: string; error: ApiFailure };

/**
 * Search as you type. `query` should already be debounced. Each new query aborts the request of
 * the previous one, and an answer that arrives for a query no longer current is dropped.
 */
export function useSearch(client: DialpaneClient, directoryId: string | null, query: string): SearchState & { retry: () => void } {
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  const [attempt, setAttempt] = useState(0);
  const trimmed = query.trim();
  const active = directoryId !== null && trimmed.length >= SEARCH_MIN_LENGTH;

  useEffect(() => {
    if (!active || directoryId === null) {
      setState({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({
      status: 'loading',
      query: trimmed,
      previous: previous.status === 'ready' ? { query: previous.query, people: previous.people, more: previous.more } : previous.status === 'loading' ? previous.previous : null,
    }));
    void client.search(directoryId, trimmed, SEARCH_DEFAULT_LIMIT, controller.signal).then((result) => {
      if (controller.signal.aborted) return; // stale: a newer query (or unmount) took over
      setState(
        result.ok
          ? { status: 'ready', query: trimmed, people: result.data.people, more: result.data.more, failures: result.data.failures ?? [] }
          : { status: 'error', query: trimmed, error: result.error },
      );
    });
    return () => controller.abort();
  }, [client, directoryId, trimmed, active, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
