/**
 * The parts of Office.js the message reader uses, as plain structural types: the pane checks every
 * value at run time (hosts differ, and the typings describe `item` as an intersection of every item
 * kind), and tests hand in stand-ins of the same shapes.
 *
 * Requirement sets: item.from/to/cc and getAsync are Mailbox 1.1, ItemChanged 1.5, from.getAsync
 * and RecipientsChanged 1.7, OfficeThemeChanged 1.14; the newer ones are used only where
 * `isSetSupported` says so.
 */

export interface AsyncResultLike<T> {
  status: unknown;
  value: T;
  error?: { name?: string; message?: string; code?: number };
}

/** Office.EmailAddressDetails. */
export interface EmailAddressDetailsLike {
  displayName?: string;
  emailAddress?: string;
}

export type AsyncCallback<T> = (result: AsyncResultLike<T>) => void;

export interface EventSourceLike {
  addHandlerAsync(eventType: unknown, handler: (args?: unknown) => void, callback?: AsyncCallback<void>): void;
}

export interface MailboxLike extends EventSourceLike {
  item?: unknown;
  userProfile?: { emailAddress?: string };
}

export interface OfficeMailHost {
  AsyncResultStatus: { Succeeded: unknown };
  EventType: { ItemChanged: unknown; RecipientsChanged?: unknown; OfficeThemeChanged?: unknown };
  MailboxEnums?: { ItemType?: { Message?: unknown } };
  context?: {
    mailbox?: MailboxLike | null;
    requirements?: { isSetSupported(name: string, minVersion?: string): boolean };
  };
}

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** True when the host supports Mailbox `version` (false when it cannot say). */
export function supportsMailbox(host: OfficeMailHost, version: string): boolean {
  try {
    return host.context?.requirements?.isSetSupported('Mailbox', version) === true;
  } catch (error) {
    console.warn(`Dialpane: isSetSupported("Mailbox", "${version}") failed.`, error);
    return false;
  }
}

/** A getAsync-style call as a promise; rejects with the host's error message. */
export function fromAsync<T>(start: (callback: AsyncCallback<T>) => void, host: OfficeMailHost): Promise<T> {
  return new Promise((resolve, reject) => {
    try {
      start((result) => {
        if (result.status === host.AsyncResultStatus.Succeeded) resolve(result.value);
        else reject(new Error(result.error?.message ?? 'Outlook refused the request.'));
      });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
