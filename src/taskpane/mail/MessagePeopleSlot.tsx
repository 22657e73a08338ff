import { lazy, Suspense, useSyncExternalStore, type JSX } from 'react';
import type { MessagePeopleProps } from './MessagePeople';

/**
 * The message section is loaded only once Outlook says a mailbox is there: in a plain browser the
 * pane never downloads it, and in Outlook it arrives while Office.js is still starting.
 */
const MessagePeople = lazy(() => import(/* webpackChunkName: "message-people" */ './MessagePeople').then((m) => ({ default: m.MessagePeople })));

export function MessagePeopleSlot(props: MessagePeopleProps): JSX.Element | null {
  const state = useSyncExternalStore(props.mailbox.subscribe, props.mailbox.get);
  if (state.status === 'none') return null;
  return (
    <Suspense fallback={null}>
      <MessagePeople {...props} />
    </Suspense>
  );
}
