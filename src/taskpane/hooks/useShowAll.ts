import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { Person } from '../../shared/api';
import type { ApiFailure, DialpaneClient } from '../api';

export interface ShowAllState {
  people: Person[];
  /** Cursor of the next page; null once the last page arrived. */
  nextCursor: string | null;
  loading: boolean;
  complete: boolean;
  error: ApiFailure | null;
}

type Action =
  | { type: 'reset' }
  | { type: 'loading' }
  | { type: 'page'; people: Person[]; nextCursor: string | null }
  | { type: 'error'; error: ApiFailure };

const initial: ShowAllState = { people: [], nextCursor: null, loading: false, complete: false, error: null };

function reducer(state: ShowAllState, action: Action): ShowAllState {
  switch (action.type) {
    case 'reset':
      return initial;
    case 'loading':
      return { ...state, loading: true, error: null };
    case 'page':
      return { people: state.people.concat(action.people), nextCursor: action.nextCursor, loading: false, complete: action.nextCursor === null, error: null };
    case 'error':
      return { ...state, loading: false, error: action.error };
  }
}

/**
 * Show All: the whole directory, page by page. The first page loads when `active` turns on; each
 * later page when the list asks for it (`loadMore`, called as the person scrolls near the end), so
 * a directory of 50,000 people never loads more than someone looks at.
 */
export function useShowAll(client: DialpaneClient, directoryId: string | null, active: boolean): ShowAllState & { loadMore: () => void; retry: () => void } {
  const [state, dispatch] = useReducer(reducer, initial);
  const controller = useRef<AbortController | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;

  const fetchPage = useCallback(
    (cursor: string | null) => {
      if (directoryId === null) return;
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      dispatch({ type: 'loading' });
      void client.page(directoryId, cursor, current.signal).then((result) => {
        if (current.signal.aborted) return;
        controller.current = null;
        dispatch(result.ok ? { type: 'page', people: result.data.people, nextCursor: result.data.nextCursor } : { type: 'error', error: result.error });
      });
    },
    [client, directoryId],
  );

  useEffect(() => {
    dispatch({ type: 'reset' });
    if (active) fetchPage(null);
    return () => {
      controller.current?.abort();
      controller.current = null;
    };
  }, [active, fetchPage]);

  const loadMore = useCallback(() => {
    const s = stateRef.current;
    if (!active || s.loading || s.complete || s.error || s.nextCursor === null) return;
    fetchPage(s.nextCursor);
  }, [active, fetchPage]);

  /** After an error: the failed page again, or from the start when the cursor expired. */
  const retry = useCallback(() => {
    const s = stateRef.current;
    if (s.error?.code === 'CURSOR_EXPIRED' || s.people.length === 0) {
      dispatch({ type: 'reset' });
      fetchPage(null);
    } else {
      fetchPage(s.nextCursor);
    }
  }, [fetchPage]);

  return { ...state, loadMore, retry };
}
