import { Button, makeStyles, mergeClasses, Spinner, tokens, typographyStyles } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useImperativeHandle, useRef, useState, type JSX, type KeyboardEvent, type Ref } from 'react';
import type { Person } from '../../shared/api';
import type { ApiFailure } from '../api';
import { strings } from '../strings';
import { PersonRow, ROW_HEIGHT } from './PersonRow';

/** Ask for the next page when the last rendered row is this close to the end of what is loaded. */
const NEAR_END_ROWS = 60;

const useStyles = makeStyles({
  scroller: { flex: 1, minHeight: 0, overflowY: 'auto', overscrollBehavior: 'contain', borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  listbox: { position: 'relative', width: '100%', outlineStyle: 'none' },
  stale: { opacity: 0.55 },
  footer: { ...typographyStyles.caption1, display: 'flex', alignItems: 'center', justifyContent: 'center', gap: tokens.spacingHorizontalS, minHeight: '48px', padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`, color: tokens.colorNeutralForeground3 },
  footerError: { flexDirection: 'column', color: tokens.colorStatusDangerForeground1, textAlign: 'center' },
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
    const next = Math.max(0, Math.min(people.length - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const pageRows = (): number => Math.max(1, Math.floor((scrollerRef.current?.clientHeight ?? ROW_HEIGHT * 5) / ROW_HEIGHT) - 1);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const current = active < 0 ? -1 : active;
    const handled = (): void => event.preventDefault();
    switch (event.key) {
      case 'ArrowDown': handled(); moveTo(current + 1); break;
      case 'ArrowUp': handled(); if (current <= 0) onLeave(); else moveTo(current - 1); break;
      case 'PageDown': handled(); moveTo(current + pageRows()); break;
      case 'PageUp': handled(); moveTo(current - pageRows()); break;
      case 'Home': handled(); moveTo(0); break;
      case 'End': handled(); moveTo(people.length - 1); break;
      case 'Enter':
      case ' ': {
        handled();
        const person = people[current];
        if (person) onOpen(person);
        break;
      }
      case 'Escape': handled(); onLeave(); break;
    }
  };

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
      {footer === 'loading' && (
        <div className={styles.footer}>
          <Spinner size="extra-tiny" aria-hidden />
          {strings.results.loadingMore}
        </div>
      )}
      {footer === 'error' && footerError && (
        <div className={mergeClasses(styles.footer, styles.footerError)} role="alert">
          <span>{footerError.message}</span>
          <span>{footerError.hint}</span>
          {onRetry && (
            <Button size="small" appearance="secondary" onClick={onRetry}>
              {strings.error.retry}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
