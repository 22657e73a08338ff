import { makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState, type JSX } from 'react';
import { ALL_DIRECTORIES, type Person } from '../../shared/api';
import type { DialpaneClient } from '../api';
import type { HostActions } from '../host-actions';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { useDirectories } from '../hooks/useDirectories';
import { useSearch } from '../hooks/useSearch';
import { useShowAll } from '../hooks/useShowAll';
import type { MailboxWatcher } from '../mail/mailbox-watcher';
import { MessagePeopleSlot } from '../mail/MessagePeopleSlot';
import { strings } from '../strings';
import { Announcer, useAnnouncer } from './Announcer';
import { ErrorState } from './ErrorState';
import { Header, type HeaderAccount } from './Header';
import { LoadingState } from './LoadingState';
import type { PeopleListHandle } from './PeopleList';
import { PersonCard } from './PersonCard';
import { Results } from './Results';
import { SearchBar } from './SearchBar';
import { SettingsPanel } from './SettingsPanel';

/** Wait this long after the last keystroke before searching. */
export const SEARCH_DEBOUNCE_MS = 250;

const useStyles = makeStyles({
  root: {
    position: 'relative',
    display: 'flex',
    flexDirection: 'column',
    height: '100%',
    overflow: 'hidden',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  main: { display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 },
});

export interface AppProps {
  client: DialpaneClient;
  actions: HostActions;
  /** What Outlook has open: its people show above the search. */
  mailbox?: MailboxWatcher | undefined;
  /** The signed-in person and Sign out, when the service wants sign-in. */
  account?: HeaderAccount | undefined;
}

export function App({ client, actions, mailbox, account }: AppProps): JSX.Element {
  const styles = useStyles();
  const directories = useDirectories(client);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const directoryList = directories.status === 'ready' ? directories.directories : [];
  // "All directories" is offered when there are several; the first directory stays the default.
  const allChosen = chosenId === ALL_DIRECTORIES && directoryList.length > 1;
  const directoryId = allChosen ? ALL_DIRECTORIES : (directoryList.find((d) => d.id === chosenId)?.id ?? directoryList[0]?.id ?? null);
  const [settings, setSettings] = useState(false);

  const [text, setText] = useState('');
  const [showAll, setShowAll] = useState(false);
  const query = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  const search = useSearch(client, directoryId, showAll ? '' : query);
  const all = useShowAll(client, directoryId, showAll);
  const [open, setOpen] = useState<Person | null>(null);
  /** Where focus goes back to when a card opened from the message closes: the name that opened it. */
  const messageOpener = useRef<HTMLElement | null>(null);
  const onOpenResult = useCallback((person: Person) => {
    messageOpener.current = null;
    setOpen(person);
  }, []);
  // People of a message come from any directory: they open in the one the lookup found them in.
  const onOpenMessagePerson = useCallback((person: Person, inDirectory: string) => {
    messageOpener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setOpen({ ...person, directoryId: inDirectory });
  }, []);
  const announcer = useAnnouncer();

  const searchRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<PeopleListHandle>(null);
  const returnFocus = useRef(false);

  const onText = useCallback((value: string) => {
    setText(value);
    if (value !== '') setShowAll(false);
  }, []);
  const onShowAll = useCallback(() => {
    setText('');
    setShowAll(true);
  }, []);
  const onDirectory = useCallback((id: string) => {
    setChosenId(id);
    setOpen(null);
  }, []);
  const onClose = useCallback(() => {
    returnFocus.current = true;
    setOpen(null);
  }, []);
  const settingsRef = useRef<HTMLButtonElement>(null);
  const onSettings = useCallback(() => setSettings(true), []);
  const onCloseSettings = useCallback(() => {
    setSettings(false);
    // After the panel is gone and the main area is no longer inert.
    setTimeout(() => settingsRef.current?.focus(), 0);
  }, []);
  useEffect(() => {
    if (open === null && returnFocus.current) {
      returnFocus.current = false;
      const opener = messageOpener.current;
      messageOpener.current = null;
      if (opener?.isConnected) opener.focus();
      else listRef.current?.focus();
    }
  }, [open]);

  if (directories.status !== 'ready' || directoryId === null) {
    return (
      <div className={styles.root} data-testid="app">
        <Header directories={[]} directoryId={null} onDirectory={onDirectory} account={account} />
        {directories.status === 'error' ? <ErrorState error={directories.error} onRetry={directories.retry} /> : <LoadingState label={strings.directory.loading} />}
      </div>
    );
  }

  const covered = open !== null || settings;
  // A person from "All directories" opens in the directory that has them.
  const openDirectoryId = open?.directoryId ?? directoryId;
  return (
    <div className={styles.root} data-testid="app">
      <div className={styles.main} inert={covered} aria-hidden={covered ? true : undefined}>
        <Header directories={directoryList} directoryId={directoryId} onDirectory={onDirectory} onSettings={onSettings} settingsRef={settingsRef} account={account} />
        {mailbox && <MessagePeopleSlot client={client} mailbox={mailbox} searching={text !== '' || showAll} onOpen={onOpenMessagePerson} />}
        <SearchBar ref={searchRef} value={text} onChange={onText} onShowAll={onShowAll} showAllActive={showAll} onArrowDown={() => listRef.current?.focus()} />
        <Results
          key={directoryId}
          listRef={listRef}
          mode={showAll ? 'all' : 'search'}
          typed={text}
          search={search}
          all={all}
          onOpen={onOpenResult}
          onShowAll={onShowAll}
          onLeaveList={() => searchRef.current?.focus()}
        />
      </div>
      {open !== null && !settings && (
        <PersonCard
          key={`${openDirectoryId}/${open.id}`}
          client={client}
          directoryId={openDirectoryId}
          listed={open}
          directoryName={allChosen ? directoryList.find((d) => d.id === openDirectoryId)?.displayName : undefined}
          onBack={onClose}
          // A manager opens in the directory of the person whose card it is.
          onOpenPerson={(person) => setOpen({ ...person, directoryId: person.directoryId ?? openDirectoryId })}
          copyText={actions.copyText}
          announce={announcer.announce}
        />
      )}
      {settings && <SettingsPanel client={client} directories={directoryList} onBack={onCloseSettings} />}
      <Announcer message={announcer.message} />
    </div>
  );
}
