/** What the components that show a Call button need to know about dialing, through React context. */
import { createContext, useContext } from 'react';
import type { DialerSummary, Person } from '../../shared/api';

/** A number to call: one of a person's phones. */
export interface CallTarget {
  directoryId: string;
  person: Person;
  phoneIndex: number;
}

export interface Dialing {
  /** Configured dialers; empty while loading, when none is configured, or when the list failed: Call is then the tel: link. */
  dialers: readonly DialerSummary[];
  /** The dialer my calls go through (my phone), when there are dialers. */
  mine: DialerSummary | null;
  /** Opens the call sheet: preview, Call with …, outcome. */
  startCall(target: CallTarget): void;
}

export const DialingContext = createContext<Dialing>({ dialers: [], mine: null, startCall: () => undefined });

export const useDialing = (): Dialing => useContext(DialingContext);
