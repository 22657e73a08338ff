import { makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type JSX, type ReactNode } from 'react';
import type { DialpaneClient } from '../api';
import { DialingContext, type CallTarget, type Dialing } from './dialing-context';
import { readMyPhone, saveMyPhone, type MyPhone, type SettingsBackend } from './preferences';
import { useDialers } from './useDialers';

/** Loaded on the first Call with a dialer: panes without dialers never download it. */
const CallSheet = lazy(() => import(/* webpackChunkName: "call-sheet" */ './CallSheet').then((m) => ({ default: m.CallSheet })));

const useStyles = makeStyles({
  frame: { position: 'relative', height: '100%' },
  content: { height: '100%' },
  loading: { position: 'absolute', inset: 0, display: 'flex', alignItems: 'center', justifyContent: 'center', backgroundColor: tokens.colorNeutralBackground1 },
});

export interface DialingProviderProps {
  client: DialpaneClient;
  /** Where "my phone" is kept: Outlook's roaming settings, localStorage or memory (preferences.ts). */
  settings: () => SettingsBackend;
  /** Changes when Office reports: roaming settings exist only from then on, so my phone is read again. */
  hostReport: unknown;
  children: ReactNode;
}

/**
 * Dialing for everything below it: the configured dialers, my phone, and the call sheet, shown
 * over the pane (the pane under it is inert) when a Call button asks for it. Focus returns to that
 * button when the sheet closes.
 */
export function DialingProvider({ client, settings, hostReport, children }: DialingProviderProps): JSX.Element {
  const styles = useStyles();
  const dialers = useDialers(client);
  const [mine, setMine] = useState<MyPhone | null>(null);
  const [target, setTarget] = useState<CallTarget | null>(null);
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => {
    setMine(readMyPhone(settings()));
  }, [settings, hostReport]);

  const onMine = useCallback(
    (phone: MyPhone) => {
      setMine(phone);
      saveMyPhone(settings(), phone).catch((error: unknown) => console.warn('Dialpane: my phone could not be saved; it lasts until the pane closes.', error));
    },
    [settings],
  );

  const startCall = useCallback((next: CallTarget) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setTarget(next);
  }, []);
  const close = useCallback(() => setTarget(null), []);
  useEffect(() => {
    if (target === null && opener.current?.isConnected) {
      opener.current.focus();
      opener.current = null;
    }
  }, [target]);

  const value = useMemo<Dialing>(() => ({ dialers, mine: dialers.find((d) => d.id === mine?.dialerId) ?? dialers[0] ?? null, startCall }), [dialers, mine, startCall]);
  const open = target !== null && dialers.length > 0;
  return (
    <DialingContext.Provider value={value}>
      <div className={styles.frame}>
        <div className={styles.content} inert={open} aria-hidden={open ? true : undefined}>
          {children}
        </div>
        {open && (
          <Suspense fallback={<Spinner className={styles.loading} size="small" />}>
            <CallSheet client={client} target={target} dialers={dialers} mine={mine} onMine={onMine} onClose={close} />
          </Suspense>
        )}
      </div>
    </DialingContext.Provider>
  );
}
