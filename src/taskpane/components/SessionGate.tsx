import type { JSX } from 'react';
import type { DialpaneClient } from '../api';
import type { HostActions } from '../host-actions';
import { useSession } from '../hooks/useSession';
import type { SessionStore } from '../session';
import { App } from './App';
import { SignIn } from './SignIn';

export interface SessionGateProps {
  client: DialpaneClient;
  session: SessionStore;
  actions: HostActions;
}

/**
 * The sign-in form when the service asks for one (a 401), the pane otherwise. Without sign-in (the
 * loopback demo) no 401 ever comes and the pane shows at once. A new sign-in starts the pane afresh.
 */
export function SessionGate({ client, session, actions }: SessionGateProps): JSX.Element {
  const state = useSession(client, session);
  if (state.status === 'needs-sign-in') return <SignIn client={client} notice={state.notice} />;
  const signedIn = state.status === 'signed-in' ? state.session : null;
  const account = signedIn === null ? undefined : { displayName: signedIn.user.displayName, onSignOut: () => void client.signOut() };
  return <App client={client} actions={actions} account={account} />;
}
