/**
 * Entry point. Renders at once — in a plain browser there is no Office host to wait for — and
 * lets Office.onReady (office.js is loaded by taskpane.html) update the host info whenever it
 * reports, without a second root.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DialpaneClient } from './api';
import { Root } from './components/Root';
import { browserActions } from './host-actions';
import { chooseBackend, type RoamingSettingsLike, type SettingsBackend } from './dialing/preferences';
import { MailboxWatcher } from './mail/mailbox-watcher';
import type { OfficeMailHost } from './mail/office-mail';
import { connectOffice, createHostStore, refreshTheme } from './office';
import { SessionStore } from './session';
import { clientMessages } from './strings';

const container = document.getElementById('container');
if (!container) throw new Error('taskpane.html has no #container element');

const hostStore = createHostStore();
// sessionStorage itself may throw where storage is blocked; the session then lives in memory.
const storage = (() => {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
})();
const session = new SessionStore(storage);
const client = new DialpaneClient(clientMessages, document.baseURI, (input, init) => fetch(input, init), session);
// Office.js types `mailbox.item` as an intersection of every item kind; the watcher checks shapes at run time.
const officeHost = (): OfficeMailHost | undefined => (typeof Office === 'undefined' ? undefined : (Office as unknown as OfficeMailHost));
const mailbox = new MailboxWatcher({ host: officeHost, onThemeChanged: () => refreshTheme(hostStore) });
/** Roaming settings once Outlook reported (they follow the mailbox), else localStorage. */
const settings = (): SettingsBackend => {
  const roaming = hostStore.get().office && typeof Office !== 'undefined' ? (Office.context?.roamingSettings as RoamingSettingsLike | undefined) : undefined;
  return chooseBackend(roaming ? { roamingSettings: roaming, succeeded: Office.AsyncResultStatus.Succeeded } : undefined, () => window.localStorage);
};

createRoot(container).render(
  <StrictMode>
    <Root hostStore={hostStore} client={client} session={session} actions={browserActions} mailbox={mailbox} settings={settings} />
  </StrictMode>,
);

connectOffice(hostStore, undefined, () => mailbox.connect());
