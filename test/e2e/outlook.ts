/**
 * Outlook for the browser tests: the Office host stand-in (office-stand-in.js) configured per test
 * and driven through window.__officeStandIn, plus readers of the pane's "In this message" section.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

const STAND_IN = readFileSync(path.join(__dirname, 'office-stand-in.js'), 'utf8');

export interface MailPerson {
  name: string;
  address: string;
}

export interface ReadMessage {
  mode?: 'read';
  id: string;
  subject?: string;
  from?: MailPerson;
  /** Differs from `from` when sent on behalf. */
  sender?: MailPerson;
  to?: MailPerson[];
  cc?: MailPerson[];
}

export interface ComposeMessage {
  mode: 'compose';
  subject?: string;
  from?: MailPerson;
  to?: MailPerson[];
  cc?: MailPerson[];
  bcc?: MailPerson[];
}

export type StandInMessage = ReadMessage | ComposeMessage;

export interface OfficeTheme {
  bodyBackgroundColor: string;
  bodyForegroundColor: string;
  controlBackgroundColor?: string;
  controlForegroundColor?: string;
  isDarkTheme?: boolean;
}

export interface StandInConfig {
  /** The Mailbox requirement set the host supports: events and from.getAsync follow it. @default '1.14' */
  mailboxVersion?: string;
  user?: MailPerson;
  /** What is open when the pane starts; null = a pinned pane with nothing selected. */
  item?: StandInMessage | null;
  theme?: OfficeTheme;
}

/** The script served as office-js/office.js. */
export const officeStandIn = (config: StandInConfig): string => `window.__officeStandInConfig = ${JSON.stringify(config)};\n${STAND_IN}`;

interface StandInApi {
  select(message: StandInMessage | null): void;
  reinitialize(message: StandInMessage | null): void;
  addRecipient(field: 'to' | 'cc' | 'bcc', person: MailPerson): void;
  setTheme(theme: OfficeTheme): void;
  handlerCount(type: 'ItemChanged' | 'RecipientsChanged' | 'OfficeThemeChanged'): number;
  roaming: Record<string, unknown>;
  log: { saves: number; getAsync: string[] };
}

type WithStandIn = Window & { __officeStandIn: StandInApi };

export const outlook = {
  select: (page: Page, message: StandInMessage | null) => page.evaluate((m) => (window as unknown as WithStandIn).__officeStandIn.select(m), message),
  reinitialize: (page: Page, message: StandInMessage | null) => page.evaluate((m) => (window as unknown as WithStandIn).__officeStandIn.reinitialize(m), message),
  addRecipient: (page: Page, field: 'to' | 'cc' | 'bcc', person: MailPerson) => page.evaluate(([f, p]) => (window as unknown as WithStandIn).__officeStandIn.addRecipient(f, p), [field, person] as const),
  setTheme: (page: Page, theme: OfficeTheme) => page.evaluate((t) => (window as unknown as WithStandIn).__officeStandIn.setTheme(t), theme),
  handlerCount: (page: Page, type: 'ItemChanged' | 'RecipientsChanged' | 'OfficeThemeChanged') => page.evaluate((t) => (window as unknown as WithStandIn).__officeStandIn.handlerCount(t), type),
  roaming: (page: Page) => page.evaluate(() => JSON.parse(JSON.stringify((window as unknown as WithStandIn).__officeStandIn.roaming)) as Record<string, unknown>),
  saves: (page: Page) => page.evaluate(() => (window as unknown as WithStandIn).__officeStandIn.log.saves),
};

export interface ShownPerson {
  /** Lowercased address. */
  address: string;
  status: 'found' | 'missing' | 'pending' | 'failed';
  /** The text of the item, as read aloud: name, role line, chips, number or "Not in the directory", Call. */
  text: string;
}

/** The entries of "In this message", top to bottom. */
export const messagePeople = (page: Page): Promise<ShownPerson[]> =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('[data-testid="message-person"]')).map((li) => ({
      address: li.getAttribute('data-address') ?? '',
      status: (li.getAttribute('data-status') ?? '') as ShownPerson['status'],
      // What a screen reader reads: text outside aria-hidden parts (the initials badge, spinners).
      text: (() => {
        const parts: string[] = [];
        const walker = document.createTreeWalker(li, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.parentElement?.closest('[aria-hidden="true"]')) continue;
          const text = (node.textContent ?? '').trim();
          if (text) parts.push(text);
        }
        return parts.join(' ').replace(/\s+/g, ' ');
      })(),
    })),
  );

/**
 * An init script: records every address that was ever shown as found in "In this message"
 * (window.__foundEver), so a test can assert that a stale answer never reached the screen, not
 * merely that it is gone now.
 */
export const RECORD_FOUND = `(() => {
  const seen = [];
  Object.defineProperty(window, '__foundEver', { value: seen });
  const scan = () => {
    for (const li of document.querySelectorAll('[data-testid="message-person"][data-status="found"]')) {
      const address = li.getAttribute('data-address');
      if (address && !seen.includes(address)) seen.push(address);
    }
  };
  new MutationObserver(scan).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
})();`;

export const foundEver = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { __foundEver: string[] }).__foundEver.slice());
