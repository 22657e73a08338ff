/**
 * Reading the open message and following Outlook (src/taskpane/mail/read-item.ts and
 * mailbox-watcher.ts), against the same Office host stand-in the browser tests use
 * (test/e2e/office-stand-in.js), run here in a Node vm context.
 */
import vm from 'node:vm';
import { MailboxWatcher, type MailboxState } from '../../src/taskpane/mail/mailbox-watcher';
import type { OfficeMailHost } from '../../src/taskpane/mail/office-mail';
import { itemKind, mergeAddresses, readModePeople, readPeople } from '../../src/taskpane/mail/read-item';
import { officeStandIn, type MailPerson, type StandInConfig, type StandInMessage } from '../e2e/outlook';

interface StandIn {
  select(message: StandInMessage | null): void;
  reinitialize(message: StandInMessage | null): void;
  addRecipient(field: 'to' | 'cc' | 'bcc', person: MailPerson): void;
  handlerCount(type: string): number;
  setTheme(theme: { bodyBackgroundColor: string; bodyForegroundColor: string }): void;
}

function outlook(config: StandInConfig): { host: OfficeMailHost & { initialize?: () => void }; standIn: StandIn } {
  const window: Record<string, unknown> = {};
  vm.runInNewContext(officeStandIn(config), { window, setTimeout, JSON });
  return { host: window['Office'] as OfficeMailHost, standIn: window['__officeStandIn'] as StandIn };
}

/** Resolves with the watcher's state once `done` accepts it (the stand-in answers asynchronously, as Office does). */
function until(watcher: MailboxWatcher, done: (state: MailboxState) => boolean): Promise<MailboxState> {
  return new Promise((resolve) => {
    const check = (): void => {
      const state = watcher.get();
      if (!done(state)) return;
      unsubscribe();
      resolve(state);
    };
    const unsubscribe = watcher.subscribe(check);
    check();
  });
}
const ready = (watcher: MailboxWatcher): Promise<MailboxState> => until(watcher, (s) => s.status === 'ready');
const addresses = (state: MailboxState): string[] => (state.status === 'ready' ? state.people.map((p) => `${p.roles.join('+')} ${p.address}`) : []);

const SAM = { name: 'Sam Carter', address: 'scarter@monkey.com' };
const JANE = { name: 'Jane Doe', address: 'jdoe@monkey.com' };
const ASSISTANT = { name: 'Ann Assistant', address: 'ann@monkey.com' };

describe('reading a message', () => {
  test('when a message was sent on behalf of Sam by his assistant, then from and sender both show, each once with every role', () => {
    const people = readModePeople({
      from: { displayName: 'Sam Carter', emailAddress: 'scarter@monkey.com' },
      sender: { displayName: 'Ann Assistant', emailAddress: 'ann@monkey.com' },
      to: [{ displayName: 'Jane Doe', emailAddress: 'jdoe@monkey.com' }, { displayName: '', emailAddress: 'SCarter@Monkey.com' }],
      cc: [{ displayName: 'jdoe@monkey.com', emailAddress: 'jdoe@monkey.com' }],
    });
    expect(people).toEqual([
      { address: 'scarter@monkey.com', key: 'scarter@monkey.com', name: 'Sam Carter', roles: ['from', 'to'], lookup: true },
      { address: 'ann@monkey.com', key: 'ann@monkey.com', name: 'Ann Assistant', roles: ['sender'], lookup: true },
      { address: 'jdoe@monkey.com', key: 'jdoe@monkey.com', name: 'Jane Doe', roles: ['to', 'cc'], lookup: true },
    ]);
  });

  test('when the sender is the author, then no "sent by" entry is added', () => {
    const people = readModePeople({ from: { emailAddress: 'scarter@monkey.com' }, sender: { emailAddress: 'SCARTER@monkey.com' }, to: [] });
    expect(people.map((p) => p.roles)).toEqual([['from']]);
  });

  test('when a recipient has an X.500 path or only a name, then it is listed but never looked up', () => {
    const people = mergeAddresses([['to', [{ displayName: 'Legacy', emailAddress: '/o=Monkey/ou=Exchange/cn=Recipients/cn=legacy' }, { displayName: 'All Staff' }]]]);
    expect(people.map((p) => [p.name, p.lookup])).toEqual([
      ['Legacy', false],
      ['All Staff', false],
    ]);
  });

  test('when nothing, a message, an appointment or a compose form is open, then the kind says so', () => {
    const { host } = outlook({});
    expect(itemKind(host, null)).toEqual({ kind: 'none' });
    expect(itemKind(host, { itemType: 'appointment' })).toEqual({ kind: 'other' });
    expect(itemKind(host, { itemType: 'message', to: [] })).toEqual({ kind: 'message', mode: 'read' });
    expect(itemKind(host, { itemType: 'message', to: { getAsync: () => undefined } })).toEqual({ kind: 'message', mode: 'compose' });
  });

  test('when a message is written on Mailbox 1.7, then from comes through getAsync with to, cc and bcc', async () => {
    const { host } = outlook({ item: { mode: 'compose', from: JANE, to: [SAM], bcc: [ASSISTANT] } });
    const item = host.context?.mailbox?.item;
    expect((await readPeople(host, item, 'compose')).map((p) => `${p.roles.join('+')} ${p.address}`)).toEqual(['from jdoe@monkey.com', 'to scarter@monkey.com', 'bcc ann@monkey.com']);
  });

  test('when a message is written on Mailbox 1.5, then there is no from to read', async () => {
    const { host } = outlook({ mailboxVersion: '1.5', item: { mode: 'compose', from: JANE, to: [SAM] } });
    expect((await readPeople(host, host.context?.mailbox?.item, 'compose')).map((p) => p.address)).toEqual(['scarter@monkey.com']);
  });

  test('when getAsync fails, then the read rejects with Outlook\'s message', async () => {
    const { host } = outlook({});
    const item = { to: { getAsync: (callback: (r: unknown) => void) => callback({ status: 'failed', error: { message: 'The item was closed.' } }) } };
    await expect(readPeople(host, item, 'compose')).rejects.toThrow('The item was closed.');
  });
});

describe('following Outlook (MailboxWatcher)', () => {
  test('when there is no Office host, then the state is none', () => {
    const watcher = new MailboxWatcher({ host: () => undefined });
    watcher.connect();
    expect(watcher.get()).toEqual({ status: 'none' });
  });

  test('when a pinned pane starts empty and messages are selected, then each has its own generation and "You" is known', async () => {
    const { host, standIn } = outlook({ item: null, user: JANE });
    const watcher = new MailboxWatcher({ host: () => host });
    watcher.connect();
    expect(watcher.get()).toEqual({ status: 'no-item', generation: 1 });
    await until(watcher, () => standIn.handlerCount('ItemChanged') === 1);

    standIn.select({ id: 'a', from: SAM, to: [JANE] });
    const first = await ready(watcher);
    expect(first).toMatchObject({ status: 'ready', generation: 2, mode: 'read', user: 'jdoe@monkey.com' });
    expect(addresses(first)).toEqual(['from scarter@monkey.com', 'to jdoe@monkey.com']);

    standIn.select({ id: 'b', from: ASSISTANT, to: [JANE] });
    const second = await until(watcher, (s) => s.status === 'ready' && s.generation === 3);
    expect(addresses(second)).toEqual(['from ann@monkey.com', 'to jdoe@monkey.com']);

    standIn.select(null);
    expect(await until(watcher, (s) => s.status === 'no-item')).toEqual({ status: 'no-item', generation: 4 });
  });

  test('when the item changes while a compose read is still answering, then the late answer is dropped', async () => {
    const { host, standIn } = outlook({ item: { mode: 'compose', to: [SAM] } });
    const watcher = new MailboxWatcher({ host: () => host });
    watcher.connect(); // generation 1: getAsync answers on a later tick
    expect(watcher.get()).toEqual({ status: 'reading', generation: 1, mode: 'compose' });
    standIn.reinitialize({ id: 'r', from: JANE, to: [] });
    watcher.connect(); // what Office.onReady does again after the reinitialisation: generation 2
    const state = await ready(watcher);
    expect(state.status === 'ready' && state.generation).toBe(2);
    expect(addresses(state)).toEqual(['from jdoe@monkey.com']);
    // The compose answer of generation 1 arrives on the next ticks and must change nothing.
    await new Promise((resolve) => setImmediate(resolve));
    expect(addresses(watcher.get())).toEqual(['from jdoe@monkey.com']);
  });

  test('when Office reports again with the same mailbox, then ItemChanged is not registered twice', async () => {
    const { host, standIn } = outlook({ item: { id: 'a', from: SAM } });
    const watcher = new MailboxWatcher({ host: () => host });
    watcher.connect();
    watcher.connect();
    await ready(watcher);
    await until(watcher, () => standIn.handlerCount('ItemChanged') >= 1);
    expect(standIn.handlerCount('ItemChanged')).toBe(1);
  });

  test('when a recipient is added on Mailbox 1.7, then RecipientsChanged re-reads within the same generation', async () => {
    const { host, standIn } = outlook({ item: { mode: 'compose', to: [SAM] } });
    const watcher = new MailboxWatcher({ host: () => host });
    watcher.connect();
    await ready(watcher);
    await until(watcher, () => standIn.handlerCount('RecipientsChanged') === 1);
    standIn.addRecipient('cc', JANE);
    const state = await until(watcher, (s) => addresses(s).length === 2);
    expect(state).toMatchObject({ status: 'ready', generation: 1 });
    expect(addresses(state)).toEqual(['to scarter@monkey.com', 'cc jdoe@monkey.com']);
  });

  test('when the host lacks RecipientsChanged (Mailbox 1.5), then a poll finds the added recipient', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    try {
      const { host, standIn } = outlook({ mailboxVersion: '1.5', item: { mode: 'compose', to: [SAM] } });
      const watcher = new MailboxWatcher({ host: () => host, pollMs: 3000 });
      watcher.connect();
      await jest.advanceTimersByTimeAsync(0);
      expect(addresses(watcher.get())).toEqual(['to scarter@monkey.com']);
      standIn.addRecipient('to', JANE);
      await jest.advanceTimersByTimeAsync(2999);
      expect(addresses(watcher.get())).toEqual(['to scarter@monkey.com']);
      await jest.advanceTimersByTimeAsync(1); // the poll reads the recipients…
      const found = until(watcher, (s) => addresses(s).length === 2);
      await jest.advanceTimersByTimeAsync(1); // …and Outlook answers on its next tick, long before the next poll
      expect(addresses(await found)).toEqual(['to scarter@monkey.com', 'to jdoe@monkey.com']);
      expect(standIn.handlerCount('RecipientsChanged')).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });

  test.each([
    ['1.14', 1],
    ['1.13', 0],
  ])('when Outlook switches theme on Mailbox %s, then the pane is told %i time(s)', async (mailboxVersion, times) => {
    const { host, standIn } = outlook({ mailboxVersion, item: null });
    let told = 0;
    const watcher = new MailboxWatcher({ host: () => host, onThemeChanged: () => told++ });
    watcher.connect();
    await until(watcher, () => standIn.handlerCount('ItemChanged') === 1);
    standIn.setTheme({ bodyBackgroundColor: '#1F1F1F', bodyForegroundColor: '#F5F5F5' });
    await new Promise((resolve) => setTimeout(resolve, 0)); // the stand-in fires on the next tick, as Office does
    await new Promise((resolve) => setImmediate(resolve));
    expect(told).toBe(times);
  });
});
