import { makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState, type JSX } from 'react';
import type { Person } from '../../shared/api';
import type { DialpaneClient } from '../api';
import type { HostActions } from '../host-actions';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { useDirectories } from '../hooks/useDirectories';
import { useSearch } from '../hooks/useSearch';
import { useShowAll } from '../hooks/useShowAll';
import { strings } from '../strings';
import { Announcer, useAnnouncer } from './Announcer';
import { ErrorState } from './ErrorState';
import { Header, type HeaderAccount } from './Header';
import { LoadingState } from './LoadingState';
import type { PeopleListHandle } from './PeopleList';
import { PersonCard } from './PersonCard';
import { Results } from './Results';
import { SearchBar } from './SearchBar';

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
  /** The signed-in person and Sign out, when the service wants sign-in. */
  account?: HeaderAccount | undefined;
}

export function App({ client, actions, account }: AppProps): JSX.Element {
  const styles = useStyles();
  const directories = useDirectories(client);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const directoryList = directories.status === 'ready' ? directories.directories : [];
  const directoryId = directoryList.find((d) => d.id === chosenId)?.id ?? directoryList[0]?.id ?? null;

  const [text, setText] = useState('');
  const [showAll, setShowAll] = useState(false);
  const query = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  const search = useSearch(client, directoryId, showAll ? '' : query);
  const all = useShowAll(client, directoryId, showAll);
  const [open, setOpen] = useState<Person | null>(null);
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
  useEffect(() => {
    if (open === null && returnFocus.current) {
      returnFocus.current = false;
      listRef.current?.focus();
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

  return (
    <div className={styles.root} data-testid="app">
      <div className={styles.main} inert={open !== null} aria-hidden={open !== null ? true : undefined}>
        <Header directories={directoryList} directoryId={directoryId} onDirectory={onDirectory} account={account} />
        <SearchBar ref={searchRef} value={text} onChange={onText} onShowAll={onShowAll} showAllActive={showAll} onArrowDown={() => listRef.current?.focus()} />
        <Results
          key={directoryId}
          listRef={listRef}
          mode={showAll ? 'all' : 'search'}
          typed={text}
          search={search}
          all={all}
          onOpen={setOpen}
          onShowAll={onShowAll}
          onLeaveList={() => searchRef.current?.focus()}
        />
      </div>
      {open !== null && <PersonCard client={client} directoryId={directoryId} listed={open} onBack={onClose} copyText={actions.copyText} announce={announcer.announce} />}
      <Announcer message={announcer.message} />
    </div>
  );
}
