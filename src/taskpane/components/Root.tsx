import { FluentProvider, makeStyles } from '@fluentui/react-components';
import { useMemo, useSyncExternalStore, type JSX } from 'react';
import type { DialpaneClient } from '../api';
import type { HostActions } from '../host-actions';
import type { HostStore } from '../office';
import { themeFor } from '../theme';
import { App } from './App';

const useStyles = makeStyles({
  provider: { height: '100%' },
});

export interface RootProps {
  hostStore: HostStore;
  client: DialpaneClient;
  actions: HostActions;
}

/** Theme follows the Office host (re-rendered whenever Office.onReady reports); the App below knows nothing of Office. */
export function Root({ hostStore, client, actions }: RootProps): JSX.Element {
  const styles = useStyles();
  const host = useSyncExternalStore(hostStore.subscribe, hostStore.get);
  const theme = useMemo(() => themeFor(host.theme), [host.theme]);
  return (
    <FluentProvider theme={theme} className={styles.provider}>
      <App client={client} actions={actions} />
    </FluentProvider>
  );
}
