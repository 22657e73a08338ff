import { FluentProvider, makeStyles } from '@fluentui/react-components';
import { useMemo, useSyncExternalStore, type JSX } from 'react';
import type { DialpaneClient } from '../api';
import type { SettingsBackend } from '../dialing/preferences';
import type { HostActions } from '../host-actions';
import type { MailboxWatcher } from '../mail/mailbox-watcher';
import type { HostStore } from '../office';
import type { SessionStore } from '../session';
import { themeFor } from '../theme';
import { SessionGate } from './SessionGate';

const useStyles = makeStyles({
  provider: { height: '100%' },
});

export interface RootProps {
  hostStore: HostStore;
  client: DialpaneClient;
  session: SessionStore;
  actions: HostActions;
  /** What Outlook has open (absent in tests that render the pane without it). */
  mailbox?: MailboxWatcher;
  /** Where the user's settings live (dialing/preferences.ts). */
  settings: () => SettingsBackend;
}

/** Theme follows the Office host (re-rendered whenever Office.onReady reports); the App below knows nothing of Office, nor of signing in. */
export function Root({ hostStore, client, session, actions, mailbox, settings }: RootProps): JSX.Element {
  const styles = useStyles();
  const host = useSyncExternalStore(hostStore.subscribe, hostStore.get);
  const theme = useMemo(() => themeFor(host.theme), [host.theme]);
  return (
    <FluentProvider theme={theme} className={styles.provider}>
      <SessionGate client={client} session={session} actions={actions} mailbox={mailbox} settings={settings} hostReport={host} />
    </FluentProvider>
  );
}
