import { Button, makeStyles, mergeClasses, Spinner, tokens, typographyStyles } from '@fluentui/react-components';
import { useEffect, useId, useMemo, useState, useSyncExternalStore, type JSX } from 'react';
import type { Person } from '../../shared/api';
import type { DialpaneClient } from '../api';
import { ErrorState } from '../components/ErrorState';
import { Icon } from '../components/icons';
import { strings } from '../strings';
import type { MailboxState, MailboxWatcher } from './mailbox-watcher';
import { MessagePersonItem } from './MessagePersonItem';
import { useMessageLookup } from './useMessageLookup';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    flexShrink: 1,
    minHeight: 0,
    // The search below keeps room: a message with many recipients scrolls inside its section.
    maxHeight: '45%',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}` },
  heading: { ...typographyStyles.caption1Strong, margin: 0, color: tokens.colorNeutralForeground3, textTransform: 'uppercase', letterSpacing: '0.04em' },
  chevron: { transitionProperty: 'transform', transitionDuration: tokens.durationFast },
  collapsed: { transform: 'rotate(-90deg)' },
  scroll: { minHeight: 0, overflowY: 'auto', overscrollBehavior: 'contain' },
  list: { listStyleType: 'none', margin: 0, padding: 0, backgroundColor: tokens.colorNeutralBackground1 },
  note: { ...typographyStyles.body1, display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS, margin: 0, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalM}`, color: tokens.colorNeutralForeground2 },
  noteIcon: { flexShrink: 0, marginTop: '2px', color: tokens.colorNeutralForeground3 },
  noteTitle: { ...typographyStyles.body1Strong, display: 'block', color: tokens.colorNeutralForeground1 },
  warning: { ...typographyStyles.caption1, margin: 0, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`, backgroundColor: tokens.colorStatusWarningBackground1, color: tokens.colorNeutralForeground2 },
});

export interface MessagePeopleProps {
  client: DialpaneClient;
  mailbox: MailboxWatcher;
  /** The user is searching: the section folds to its heading unless they open it. */
  searching: boolean;
  onOpen: (person: Person, directoryId: string) => void;
}

const NO_ADDRESSES: readonly string[] = [];

/**
 * "In this message": the people of the message open in Outlook, above the search. Absent in a
 * plain browser; "Select a message" when a pinned pane has nothing selected.
 */
export function MessagePeople({ client, mailbox, searching, onOpen }: MessagePeopleProps): JSX.Element | null {
  const styles = useStyles();
  const headingId = useId();
  const bodyId = useId();
  const state = useSyncExternalStore(mailbox.subscribe, mailbox.get);
  const ready = state.status === 'ready' ? state : null;
  const addresses = useMemo(() => (ready ? ready.people.filter((p) => p.lookup).map((p) => p.address) : NO_ADDRESSES), [ready]);
  const lookup = useMessageLookup(client, ready ? ready.generation : null, addresses);
  const [choice, setChoice] = useState<boolean | null>(null);
  useEffect(() => setChoice(null), [searching]);
  const expanded = choice ?? !searching;

  if (state.status === 'none') return null;
  const count = ready ? ready.people.length : 0;
  return (
    <section className={styles.section} aria-labelledby={headingId} data-testid="message-people" data-state={state.status}>
      <div className={styles.header}>
        {/* Polite live heading: a screen reader hears "In this message · 3" when another message is selected. */}
        <h2 id={headingId} className={styles.heading} aria-live="polite">
          {count > 0 ? strings.message.headingCount(count) : strings.message.heading}
        </h2>
        <Button
          appearance="subtle"
          size="small"
          icon={<Icon name="chevronDown" size={16} className={mergeClasses(styles.chevron, !expanded && styles.collapsed)} />}
          aria-expanded={expanded}
          aria-controls={bodyId}
          aria-label={expanded ? strings.message.collapse : strings.message.expand}
          onClick={() => setChoice(!expanded)}
        />
      </div>
      {expanded && (
        <div id={bodyId} className={styles.scroll} role="region" aria-label={strings.message.regionLabel}>
          <Body state={state} lookup={lookup} onOpen={onOpen} />
        </div>
      )}
    </section>
  );
}

function Note({ title, body, busy }: { title?: string; body: string; busy?: boolean }): JSX.Element {
  const styles = useStyles();
  return (
    <p className={styles.note} role="status">
      {busy ? <Spinner size="extra-tiny" aria-hidden className={styles.noteIcon} /> : <Icon name="mail" size={16} className={styles.noteIcon} />}
      <span>
        {title && <span className={styles.noteTitle}>{title}</span>}
        {body}
      </span>
    </p>
  );
}

function Body({ state, lookup, onOpen }: { state: MailboxState; lookup: ReturnType<typeof useMessageLookup>; onOpen: MessagePeopleProps['onOpen'] }): JSX.Element | null {
  const styles = useStyles();
  switch (state.status) {
    case 'none':
      return null;
    case 'no-item':
      return <Note title={strings.message.selectTitle} body={strings.message.selectBody} />;
    case 'other-item':
      return <Note body={strings.message.otherItem} />;
    case 'reading':
      return <Note body={strings.message.reading} busy />;
    case 'error':
      return <Note body={strings.message.readFailed(state.message)} />;
    case 'ready':
      if (state.people.length === 0) return <Note body={state.mode === 'compose' ? strings.message.noRecipients : strings.message.nobody} />;
      return (
        <>
          {lookup.error && <ErrorState error={{ ...lookup.error, message: `${strings.message.lookupFailed} ${lookup.error.message}` }} onRetry={lookup.retry} />}
          {lookup.failures.length > 0 && (
            <p className={styles.warning} role="status">
              {strings.message.partial(lookup.failures.map((f) => f.displayName).join(', '))}
            </p>
          )}
          <ul className={styles.list} data-testid="message-people-list">
            {state.people.map((entry) => (
              <MessagePersonItem key={entry.key} entry={entry} lookup={lookup.entries.get(entry.key)} you={state.user !== null && state.user === entry.key} onOpen={onOpen} />
            ))}
          </ul>
        </>
      );
  }
}
