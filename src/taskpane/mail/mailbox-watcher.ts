/**
 * Follows what Outlook has open, as a small external store for useSyncExternalStore:
 * - each Office.onReady report (Outlook on the web runs it again when it reinitialises the pane)
 *   and each ItemChanged (a pinned pane, another message selected) re-reads the item under a new
 *   `generation`, so whatever still runs for the previous item is recognised as stale;
 * - while a message is being written, RecipientsChanged (Mailbox 1.7) re-reads its recipients,
 *   or, where the host lacks it, a light poll does;
 * - OfficeThemeChanged (Mailbox 1.14) is passed on, so the pane can follow a theme switch.
 * Plain module: no React.
 */
import { isRecord, supportsMailbox, type MailboxLike, type OfficeMailHost } from './office-mail';
import { itemKind, readPeople, type ItemMode, type MessageAddress } from './read-item';

export type MailboxState =
  /** No mailbox: a plain browser, or Office has not reported yet. */
  | { status: 'none' }
  /** A pinned pane with nothing selected. */
  | { status: 'no-item'; generation: number }
  /** An item that is not a message (the pane shows people of messages). */
  | { status: 'other-item'; generation: number }
  | { status: 'reading'; generation: number; mode: ItemMode }
  | { status: 'ready'; generation: number; mode: ItemMode; people: MessageAddress[]; user: string | null }
  | { status: 'error'; generation: number; mode: ItemMode; message: string };

export interface MailboxWatcherOptions {
  /** Office, once it exists; undefined in a plain browser. */
  host: () => OfficeMailHost | undefined;
  /** How often a compose item is re-read where RecipientsChanged is missing. */
  pollMs?: number;
  /** Called when Outlook reports a theme change. */
  onThemeChanged?: () => void;
}

export const COMPOSE_POLL_MS = 3000;

export class MailboxWatcher {
  private state: MailboxState = { status: 'none' };
  private readonly listeners = new Set<() => void>();
  private mailbox: MailboxLike | undefined;
  private generation = 0;
  /** Stops watching the recipients of the current compose item. */
  private stopItem: () => void = () => undefined;
  /** Orders the reads of one item: only the newest one's answer counts. */
  private readSequence = 0;

  constructor(private readonly options: MailboxWatcherOptions) {}

  readonly get = (): MailboxState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(next: MailboxState): void {
    this.state = next;
    for (const listener of this.listeners) listener();
  }

  /** Call on every Office.onReady report: registers the mailbox handlers once per mailbox and re-reads the item. */
  connect(): void {
    const host = this.options.host();
    const mailbox = host?.context?.mailbox;
    if (!host || !isRecord(mailbox) || typeof mailbox.addHandlerAsync !== 'function') {
      this.stopItem();
      this.set({ status: 'none' });
      return;
    }
    if (mailbox !== this.mailbox) {
      this.mailbox = mailbox;
      const warn = (what: string) => (result: { status: unknown; error?: { message?: string } }) => {
        if (result.status !== host.AsyncResultStatus.Succeeded) console.warn(`Dialpane: Outlook refused the ${what} handler: ${result.error?.message ?? 'no reason given'}.`);
      };
      mailbox.addHandlerAsync(host.EventType.ItemChanged, () => this.itemChanged(), warn('ItemChanged'));
      const theme = host.EventType.OfficeThemeChanged;
      if (theme !== undefined && this.options.onThemeChanged && supportsMailbox(host, '1.14')) {
        const onTheme = this.options.onThemeChanged;
        mailbox.addHandlerAsync(theme, () => onTheme(), warn('OfficeThemeChanged'));
      }
    }
    this.itemChanged();
  }

  /** The item changed (or Office reported again): start over with a new generation. */
  private itemChanged(): void {
    const host = this.options.host();
    const mailbox = this.mailbox;
    this.stopItem();
    const generation = ++this.generation;
    if (!host || !mailbox) return this.set({ status: 'none' });
    let item: unknown;
    try {
      item = mailbox.item;
    } catch (error) {
      console.warn('Dialpane: Outlook did not give the current item.', error);
      item = undefined;
    }
    const kind = itemKind(host, item);
    if (kind.kind === 'none') return this.set({ status: 'no-item', generation });
    if (kind.kind === 'other') return this.set({ status: 'other-item', generation });
    this.set({ status: 'reading', generation, mode: kind.mode });
    void this.read(host, item, kind.mode, generation);
    if (kind.mode === 'compose') this.watchRecipients(host, item, generation);
  }

  private async read(host: OfficeMailHost, item: unknown, mode: ItemMode, generation: number): Promise<void> {
    const sequence = ++this.readSequence;
    const current = (): boolean => generation === this.generation && sequence === this.readSequence;
    try {
      const people = await readPeople(host, item, mode);
      if (!current()) return;
      const user = this.mailbox?.userProfile?.emailAddress?.toLowerCase() ?? null;
      const before = this.state;
      // A poll that finds the same recipients changes nothing (no render, no lookup).
      if (before.status === 'ready' && before.generation === generation && JSON.stringify(before.people) === JSON.stringify(people)) return;
      this.set({ status: 'ready', generation, mode, people, user });
    } catch (error) {
      if (!current()) return;
      console.warn('Dialpane: reading the message failed.', error);
      this.set({ status: 'error', generation, mode, message: error instanceof Error ? error.message : String(error) });
    }
  }

  /** Recipients added or removed while writing: RecipientsChanged where the host has it, else a poll. */
  private watchRecipients(host: OfficeMailHost, item: unknown, generation: number): void {
    const reread = (): void => {
      if (generation === this.generation) void this.read(host, item, 'compose', generation);
    };
    let timer: ReturnType<typeof setInterval> | undefined;
    const poll = (): void => {
      timer ??= setInterval(reread, this.options.pollMs ?? COMPOSE_POLL_MS);
    };
    this.stopItem = () => {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    };
    const source = isRecord(item) && typeof item['addHandlerAsync'] === 'function' ? (item as unknown as MailboxLike) : undefined;
    const event = host.EventType.RecipientsChanged;
    if (!source || event === undefined || !supportsMailbox(host, '1.7')) return poll();
    source.addHandlerAsync(event, reread, (result) => {
      if (result.status === host.AsyncResultStatus.Succeeded) return;
      console.info('Dialpane: RecipientsChanged is not available; checking the recipients every few seconds instead.', result.error?.message);
      if (generation === this.generation) poll();
    });
  }
}
