import { useCallback, useEffect, useState } from 'react';
import type { DirectorySummary } from '../../shared/api';
import type { ApiFailure, DialpaneClient } from '../api';

export type DirectoriesState =
  | { status: 'loading' }
  | { status: 'ready'; directories: DirectorySummary[] }
  | { status: 'error'; error: ApiFailure };

/** The configured directories, loaded once (and again on retry). */
export function useDirectories(client: DialpaneClient): DirectoriesState & { retry: () => void } {
  const [state, setState] = useState<DirectoriesState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    void client.directories(controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      setState(result.ok ? { status: 'ready', directories: result.data } : { status: 'error', error: result.error });
    });
    return () => controller.abort();
  }, [client, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
