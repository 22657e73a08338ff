import { makeStyles } from '@fluentui/react-components';
import type { JSX, RefObject } from 'react';
import { SEARCH_MIN_LENGTH, type Person } from '../../shared/api';
import type { SearchState } from '../hooks/useSearch';
import type { ShowAllState } from '../hooks/useShowAll';
import { strings } from '../strings';
import { EmptyState } from './EmptyState';
import { ErrorState } from './ErrorState';
import { LoadingState } from './LoadingState';
import { PeopleList, type PeopleListHandle, type PeopleListProps } from './PeopleList';
import { StatusLine } from './StatusLine';

const useStyles = makeStyles({
  area: { display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 },
});

type ListExtras = Pick<PeopleListProps, 'complete' | 'footer'> & Partial<Pick<PeopleListProps, 'footerError' | 'onNearEnd' | 'onRetry' | 'stale'>>;

export interface ResultsProps {
  listRef: RefObject<PeopleListHandle | null>;
  mode: 'search' | 'all';
  /** What is in the search box right now (not yet debounced). */
  typed: string;
  search: SearchState & { retry: () => void };
  all: ShowAllState & { loadMore: () => void; retry: () => void };
  onOpen: (person: Person) => void;
  onShowAll: () => void;
  onLeaveList: () => void;
}

/** Picks one distinct state for the content area: welcome, loading, error, no results, or the list. */
export function Results({ listRef, mode, typed, search, all, onOpen, onShowAll, onLeaveList }: ResultsProps): JSX.Element {
  const styles = useStyles();
  const list = (people: Person[], listKey: string, status: string, busy: boolean, extra: ListExtras): JSX.Element => (
    <div className={styles.area}>
      <StatusLine text={status} busy={busy} count={people.length} />
      <PeopleList key={listKey} ref={listRef} people={people} label={strings.results.listLabel(status)} onOpen={onOpen} onLeave={onLeaveList} {...extra} />
    </div>
  );

  if (mode === 'all') {
    if (all.people.length === 0) {
      if (all.error) return <ErrorState error={all.error} onRetry={all.retry} />;
      if (all.complete) return <EmptyState icon="person" title={strings.results.noPeopleTitle} body={strings.results.noPeopleBody} />;
      return <LoadingState label={strings.results.loadingAll} />;
    }
    const status = all.complete ? strings.results.allComplete(all.people.length) : strings.results.allPartial(all.people.length);
    return list(all.people, 'all', status, all.loading, {
      complete: all.complete,
      footer: all.error ? 'error' : all.complete ? null : 'loading',
      footerError: all.error,
      onNearEnd: all.loadMore,
      onRetry: all.retry,
    });
  }

  const typedLength = typed.trim().length;
  if (typedLength < SEARCH_MIN_LENGTH) {
    return (
      <EmptyState
        icon="personSearch"
        title={strings.welcome.title}
        body={typedLength > 0 && typedLength < SEARCH_MIN_LENGTH ? strings.welcome.tooShort(typedLength) : strings.welcome.body}
      />
    );
  }
  // Typed enough, but the debounce has not fired yet.
  if (search.status === 'idle') return <LoadingState label={strings.results.searching} />;
  if (search.status === 'error') return <ErrorState error={search.error} onRetry={search.retry} />;
  if (search.status === 'loading') {
    if (!search.previous || search.previous.people.length === 0) return <LoadingState label={strings.results.searching} />;
    const { people, query } = search.previous;
    return list(people, `q:${query}`, strings.results.searching, true, { complete: true, footer: null, stale: true });
  }
  // "All directories": the directories that did not answer are named, the others' people still shown.
  const notSearched = search.failures.length > 0 ? strings.directory.partial(search.failures.map((f) => f.displayName).join(', ')) : '';
  if (search.people.length === 0) {
    return (
      <EmptyState
        icon="searchInfo"
        title={strings.results.noResultsTitle(search.query)}
        body={notSearched ? `${strings.results.noResultsBody} ${notSearched}` : strings.results.noResultsBody}
        action={{ label: strings.search.showAll, onClick: onShowAll }}
      />
    );
  }
  const count = search.more ? strings.results.more(search.people.length) : strings.results.count(search.people.length);
  const status = notSearched ? `${count} · ${notSearched}` : count;
  return list(search.people, `q:${search.query}`, status, false, { complete: true, footer: null });
}
