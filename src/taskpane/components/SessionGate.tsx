import type { JSX } from 'react';
import type { DialpaneClient } from '../api';
import { DialingProvider } from '../dialing/DialingProvider';
import type { SettingsBackend } from '../dialing/preferences';
import type { HostActions } from '../host-actions';
import type { MailboxWatcher } from '../mail/mailbox-watcher';
import { useSession } from '../hooks/useSession';
import type { SessionStore } from '../session';
import { App } from './App';
import { SignIn } from './SignIn';

export interface SessionGateProps {
  client: DialpaneClient;
  session: SessionStore;
  actions: HostActions;
  mailbox?: MailboxWatcher | undefined;
  settings: () => SettingsBackend;
  /** Changes when Office reports (DialingProvider reads my phone again). */
  hostReport: unknown;
}

/**
 * The sign-in form when the service asks for one (a 401), the pane otherwise. Without sign-in (the
 * loopback demo) no 401 ever comes and the pane shows at once. A new sign-in starts the pane afresh.
 */
export function SessionGate({ client, session, actions, mailbox, settings, hostReport }: SessionGateProps): JSX.Element {
  const state = useSession(client, session);
  if (state.status === 'needs-sign-in') return <SignIn client={client} notice={state.notice} />;
  const signedIn = state.status === 'signed-in' ? state.session : null;
  const account = signedIn === null ? undefined : { displayName: signedIn.user.displayName, onSignOut: () => void client.signOut() };
  // Dialing mounts only once signed in: its dialer list is behind the sign-in too.
  return (
    <DialingProvider client={client} settings={settings} hostReport={hostReport}>
      <App client={client} actions={actions} mailbox={mailbox} account={account} />
    </DialingProvider>
  );
}
