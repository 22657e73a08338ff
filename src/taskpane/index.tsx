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
import { connectOffice, createHostStore } from './office';
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

createRoot(container).render(
  <StrictMode>
    <Root hostStore={hostStore} client={client} session={session} actions={browserActions} />
  </StrictMode>,
);

connectOffice(hostStore);
