import { useCallback, useEffect, useRef, useState } from 'react';
import type { DirectoryCheck } from '../../shared/api';
import type { ApiFailure, DialpaneClient } from '../api';

export type CheckState = { status: 'idle' } | { status: 'running' } | { status: 'done'; check: DirectoryCheck } | { status: 'error'; error: ApiFailure };

/**
 * "Test connection" for each directory: runs GET /api/directories/:id/check on demand and keeps
 * each directory's last answer. A check still running when the settings close is abandoned.
 */
export function useConnectionChecks(client: DialpaneClient): { states: Record<string, CheckState>; run: (directoryId: string) => void } {
  const [states, setStates] = useState<Record<string, CheckState>>({});
  const controllers = useRef(new Map<string, AbortController>());

  useEffect(() => {
    const running = controllers.current;
    return () => running.forEach((c) => c.abort());
  }, []);

  const run = useCallback(
    (directoryId: string) => {
      controllers.current.get(directoryId)?.abort();
      const controller = new AbortController();
      controllers.current.set(directoryId, controller);
      setStates((s) => ({ ...s, [directoryId]: { status: 'running' } }));
      void client.check(directoryId, controller.signal).then((result) => {
        if (controller.signal.aborted) return;
        controllers.current.delete(directoryId);
        setStates((s) => ({ ...s, [directoryId]: result.ok ? { status: 'done', check: result.data } : { status: 'error', error: result.error } }));
      });
    },
    [client],
  );

  return { states, run };
}
