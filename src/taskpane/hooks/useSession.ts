import { useEffect, useSyncExternalStore } from 'react';
import type { DialpaneClient } from '../api';
import { refreshDelayMs, type SessionState, type SessionStore } from '../session';

/** When a refresh fails for a reason other than 401 (network, directory down), try again after this long. */
export const REFRESH_RETRY_MS = 30_000;

/**
 * The session state, and its token refreshed while the pane is open: a third of the token's life
 * before it ends. A refused refresh (401) brings the sign-in form back through the store.
 */
export function useSession(client: DialpaneClient, store: SessionStore): SessionState {
  const state = useSyncExternalStore(store.subscribe, store.get);
  const session = state.status === 'signed-in' ? state.session : null;
  useEffect(() => {
    if (session === null) return;
    let timer: ReturnType<typeof setTimeout>;
    const lifetime = Date.parse(session.expiresAt) - Date.now();
    const schedule = (delay: number): void => {
      timer = setTimeout(() => {
        void client.refresh().then((result) => {
          if (!result.ok && result.error.status !== 401 && Date.parse(session.expiresAt) > Date.now()) schedule(REFRESH_RETRY_MS);
        });
      }, delay);
    };
    schedule(refreshDelayMs(session, Date.now(), lifetime));
    return () => clearTimeout(timer);
  }, [client, session]);
  return state;
}
