import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useImperativeHandle, useRef, useState, type JSX, type Ref } from 'react';
import type { Person } from '../../shared/api';
import type { ApiFailure } from '../api';
import { listKeyDown } from '../list-keys';
import { ListFooter } from './ListFooter';
import { PersonRow, ROW_HEIGHT } from './PersonRow';

/** Ask for the next page when the last rendered row is this close to the end of what is loaded. */
const NEAR_END_ROWS = 60;

const useStyles = makeStyles({
  scroller: { flex: 1, minHeight: 0, overflowY: 'auto', overscrollBehavior: 'contain', borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  listbox: { position: 'relative', width: '100%', outlineStyle: 'none' },
  stale: { opacity: 0.55 },
});

export interface PeopleListHandle {
  /** Focuses the list on its active row (the first one if none yet). */
  focus(): void;
}

export interface PeopleListProps {
  ref?: Ref<PeopleListHandle>;
  people: Person[];
  /** Accessible name of the listbox. */
  label: string;
  /** All rows are loaded (sets aria-setsize; otherwise it is unknown, -1). */
  complete: boolean;
  /** What to show under the last row: a page loading, a page that failed, or nothing. */
  footer: 'loading' | 'error' | null;
  footerError?: ApiFailure | null;
  /** The rows are a previous answer while a new one loads. */
  stale?: boolean;
  onOpen: (person: Person) => void;
  /** Escape (or ArrowUp on the first row) leaves the list, back to the search box. */
  onLeave: () => void;
  onNearEnd?: () => void;
  onRetry?: () => void;
}

/**
 * A virtualized listbox: only the visible rows exist in the DOM, so Show All stays fast with
 * tens of thousands of people. Focus stays on the listbox; aria-activedescendant names the
 * active row, which is always rendered because moving to it scrolls it into view.
 */
export function PeopleList({ ref, people, label, complete, footer, footerError, stale, onOpen, onLeave, onNearEnd, onRetry }: PeopleListProps): JSX.Element {
  const styles = useStyles();
  const baseId = useId();
  const scrollerRef = useRef<HTMLDivElement>(null);
  const listboxRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(-1);
  const [focused, setFocused] = useState(false);
  const virtualizer = useVirtualizer({ count: people.length, getScrollElement: () => scrollerRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const lastRendered = items[items.length - 1]?.index ?? -1;

  useImperativeHandle(ref, () => ({
    focus() {
      if (people.length === 0) return;
      const index = active >= 0 && active < people.length ? active : 0;
      setActive(index);
      virtualizer.scrollToIndex(index, { align: 'auto' });
      listboxRef.current?.focus({ preventScroll: true });
    },
  }));

  useEffect(() => {
    if (onNearEnd && lastRendered >= people.length - NEAR_END_ROWS) onNearEnd();
  }, [lastRendered, people.length, onNearEnd]);

  const moveTo = (index: number): void => {
    setActive(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };
  const onKeyDown = listKeyDown({
    active,
    count: people.length,
    pageRows: () => Math.max(1, Math.floor((scrollerRef.current?.clientHeight ?? ROW_HEIGHT * 5) / ROW_HEIGHT) - 1),
    moveTo,
    open: (index) => {
      const person = people[index];
      if (person) onOpen(person);
    },
    leave: onLeave,
  });

  const optionId = (index: number): string => `${baseId}-row-${index}`;
  return (
    <div ref={scrollerRef} className={styles.scroller} data-testid="people-scroller">
      <div
        ref={listboxRef}
        role="listbox"
        aria-label={label}
        aria-busy={stale || footer === 'loading' ? true : undefined}
        aria-activedescendant={focused && active >= 0 && active < people.length ? optionId(active) : undefined}
        tabIndex={0}
        className={mergeClasses(styles.listbox, stale && styles.stale)}
        style={{ height: `${virtualizer.getTotalSize()}px` }}
        onKeyDown={onKeyDown}
        onFocus={() => {
          setFocused(true);
          if (active < 0 && people.length > 0) setActive(0);
        }}
        onBlur={() => setFocused(false)}
        data-testid="people-list"
      >
        {items.map((item) => {
          const person = people[item.index];
          if (!person) return null;
          return (
            <PersonRow
              key={person.id}
              id={optionId(item.index)}
              person={person}
              start={item.start}
              active={item.index === active}
              focused={focused && item.index === active}
              position={item.index + 1}
              setSize={complete ? people.length : -1}
              onClick={() => {
                setActive(item.index);
                listboxRef.current?.focus({ preventScroll: true });
                onOpen(person);
              }}
            />
          );
        })}
      </div>
      <ListFooter state={footer} error={footerError} onRetry={onRetry} />
    </div>
  );
}
