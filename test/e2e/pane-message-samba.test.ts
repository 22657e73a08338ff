/**
 * "In this message" in the built pane, in headless Chromium, inside a stand-in Outlook
 * (office-stand-in.js, served in place of office.js) against the real Samba AD DC, reached through
 * an LDAP-decoding proxy so the searches that reach the directory are counted.
 */
import type { Page, Request, Route } from 'playwright-core';
import { PRIYA_ALIAS } from '../fixtures/mail-aliases';
import { SAMBA_FACTS, sambaDirectoryConfig, sambaDirectoryInput } from '../servers/env';
import { startLdapCountingProxy, type LdapCountingProxy } from '../servers/ldap-counting-proxy';
import { mailOf } from '../fixtures/people';
import { assertPaneBuilt, launchBrowser, recordedCalls, screenshot, startPaneServer, type PaneBrowser, type PaneServer } from './harness';
import { settled } from './pane-actions';
import { foundEver, messagePeople, officeStandIn, outlook, RECORD_FOUND, type MailPerson, type ShownPerson, type StandInConfig } from './outlook';

jest.setTimeout(120_000);

const JANE: MailPerson = { name: 'Jane Doe', address: 'jdoe@monkey.com' };
const SAM: MailPerson = { name: 'Sam Carter', address: 'scarter@monkey.com' };
const MATEJA: MailPerson = { name: 'Mateja Novak', address: 'mnovak@monkey.com' };
const JOSE: MailPerson = { name: 'José García', address: 'jgarcia@monkey.com' };
/** Priya's smtp: alias (fixtures/mail-aliases.ts), not her mail. */
const PRIYA: MailPerson = { name: 'Priya Patel', address: 'Priya.Patel@monkey.co.uk' };
const PARTNER: MailPerson = { name: 'Pat Partner', address: 'pat@partner.example' };
const DARK = { bodyBackgroundColor: '#1F1F1F', bodyForegroundColor: '#F5F5F5', controlBackgroundColor: '#2E2E2E', controlForegroundColor: '#F5F5F5', isDarkTheme: true };
const LIGHT = { bodyBackgroundColor: '#FFFFFF', bodyForegroundColor: '#242424', controlBackgroundColor: '#FFFFFF', controlForegroundColor: '#242424', isDarkTheme: false };

/** What the section shows once every lookup answered: [address, status] top to bottom. */
const statuses = (people: ShownPerson[]): Array<[string, string]> => people.map((p) => [p.address, p.status]);
const settledPeople = (page: Page, expected: Array<[string, string]>) => settled(async () => statuses(await messagePeople(page)), expected, 20_000);

describe('the people of the open message, on Samba Active Directory', () => {
  let proxy: LdapCountingProxy;
  let service: PaneServer;
  let browser: PaneBrowser;
  let page: Page;
  /** Bodies of POST api/lookup/emails the page sent. */
  let lookups: string[][];

  beforeAll(async () => {
    assertPaneBuilt();
    expect(PRIYA.address.toLowerCase()).toBe(PRIYA_ALIAS);
    proxy = await startLdapCountingProxy(sambaDirectoryInput()['url'] as string);
    service = await startPaneServer(sambaDirectoryConfig({ directory: { url: proxy.url } }));
    browser = await launchBrowser();
    await browser.context.addInitScript(RECORD_FOUND);
  });

  afterAll(async () => {
    await browser?.close();
    await service?.close();
    await proxy?.close();
  });

  afterEach(async () => {
    await page?.close();
    expect(browser.pageErrors).toEqual([]);
  });

  async function open(config: StandInConfig): Promise<Page> {
    lookups = [];
    const opened = await browser.openPane(service.url, { officeJs: officeStandIn({ user: JANE, ...config }) });
    opened.on('request', (request: Request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/lookup/emails')) lookups.push((request.postDataJSON() as { addresses: string[] }).addresses);
    });
    return opened;
  }

  test('when a pinned pane has nothing selected and then a message from Sam Carter is selected, then his card shows and Call dials him', async () => {
    page = await open({ item: null });
    const section = page.getByTestId('message-people');
    await section.getByText('Select a message').waitFor();
    expect(await section.getAttribute('data-state')).toBe('no-item');
    await screenshot(page, 'message-01-select-a-message');

    await outlook.select(page, { id: 'm1', subject: 'Support rota', from: SAM, to: [JANE], cc: [PRIYA, PARTNER] });
    const expected: Array<[string, string]> = [
      ['scarter@monkey.com', 'found'],
      ['jdoe@monkey.com', 'found'],
      ['priya.patel@monkey.co.uk', 'found'],
      ['pat@partner.example', 'missing'],
    ];
    expect(await settledPeople(page, expected)).toEqual(expected);
    expect((await messagePeople(page)).map((p) => p.text)).toEqual([
      'Sam Carter Support Lead · Support From +1 408 555 0100 ext. 123 Call',
      'Jane Doe Chief Executive Officer · Executive To You +1 408 555 0101 Call',
      'Priya Patel Sales Manager · Sales Cc +44 20 7946 0000 Call',
      'Pat Partner pat@partner.example Cc Not in the directory',
    ]);
    expect(lookups).toEqual([['scarter@monkey.com', 'jdoe@monkey.com', 'Priya.Patel@monkey.co.uk', 'pat@partner.example']]);
    await screenshot(page, 'message-02-read-from-sam');

    await section.getByRole('link', { name: /^Call Sam Carter, Work/ }).click();
    const placed = [{ url: 'tel:+1-408-555-0100;ext=123', via: 'navigation' }];
    expect(await settled(() => recordedCalls(page), placed)).toEqual(placed);

    // The name opens the full card, from the directory the lookup found Priya in.
    await section.getByRole('button', { name: 'Show details of Priya Patel' }).click();
    const card = page.getByTestId('person-card');
    await card.getByRole('heading', { name: 'Priya Patel' }).waitFor();
    await card.getByText('ppatel@monkey.com').waitFor();
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Show details of Priya Patel');
  });

  test('when another message is selected while the first one is still being looked up, then its lookup is aborted and its person never shows', async () => {
    page = await open({ item: { id: 'm1', from: SAM, to: [JANE] } });
    await settledPeople(page, [
      ['scarter@monkey.com', 'found'],
      ['jdoe@monkey.com', 'found'],
    ]);

    // José's lookup is held at the network until the test lets it go.
    let held: Route | undefined;
    let arrived: () => void = () => undefined;
    const heldArrived = new Promise<void>((resolve) => (arrived = resolve));
    await page.route('**/api/lookup/emails', async (route) => {
      if ((route.request().postData() ?? '').includes(JOSE.address)) {
        held = route;
        arrived();
        return;
      }
      await route.continue();
    });
    const aborted = page.waitForEvent('requestfailed', (r) => r.url().endsWith('/api/lookup/emails') && (r.postData() ?? '').includes(JOSE.address));

    await outlook.select(page, { id: 'm2', from: JOSE, to: [JANE] });
    await heldArrived;
    // A new message is one new lookup for all its people (Jane too), held here.
    const waiting: Array<[string, string]> = [
      ['jgarcia@monkey.com', 'pending'],
      ['jdoe@monkey.com', 'pending'],
    ];
    expect(await settledPeople(page, waiting)).toEqual(waiting);
    await screenshot(page, 'message-03a-looking-up');

    await outlook.select(page, { id: 'm3', from: MATEJA, to: [JANE] });
    const expected: Array<[string, string]> = [
      ['mnovak@monkey.com', 'found'],
      ['jdoe@monkey.com', 'found'],
    ];
    expect(await settledPeople(page, expected)).toEqual(expected);
    expect((await aborted).failure()?.errorText).toBe('net::ERR_ABORTED');
    // Let the held request go on: it was aborted by the pane, so nothing can come back.
    await held?.continue().catch(() => undefined);
    expect(await foundEver(page)).toEqual(['scarter@monkey.com', 'jdoe@monkey.com', 'mnovak@monkey.com']);
    expect(statuses(await messagePeople(page))).toEqual(expected);
    expect(lookups).toEqual([['scarter@monkey.com', 'jdoe@monkey.com'], ['jgarcia@monkey.com', 'jdoe@monkey.com'], ['mnovak@monkey.com', 'jdoe@monkey.com']]);
    await screenshot(page, 'message-03-switched-while-pinned');
  });

  test('when a message is written to three recipients, then three cards show, one not in the directory, and a recipient added later joins with one more lookup', async () => {
    page = await open({ item: { mode: 'compose', from: JANE, to: [SAM, PRIYA], cc: [PARTNER] } });
    const expected: Array<[string, string]> = [
      ['jdoe@monkey.com', 'found'],
      ['scarter@monkey.com', 'found'],
      ['priya.patel@monkey.co.uk', 'found'],
      ['pat@partner.example', 'missing'],
    ];
    expect(await settledPeople(page, expected)).toEqual(expected);
    const shown = await messagePeople(page);
    expect(shown.filter((p) => p.text.includes('Not in the directory')).map((p) => p.address)).toEqual(['pat@partner.example']);
    expect(shown[0]?.text).toBe('Jane Doe Chief Executive Officer · Executive From You +1 408 555 0101 Call');
    expect(await page.getByTestId('message-people').getByRole('heading').textContent()).toBe('In this message · 4');
    await screenshot(page, 'message-04-compose-three-recipients');

    await outlook.addRecipient(page, 'bcc', MATEJA);
    const more: Array<[string, string]> = [...expected, ['mnovak@monkey.com', 'found']];
    expect(await settledPeople(page, more)).toEqual(more);
    expect((await messagePeople(page))[4]?.text).toBe('Mateja Novak Software Engineer · Engineering Bcc +386 1 555 01 00 Call');
    // Only the new address was looked up again.
    expect(lookups).toEqual([['jdoe@monkey.com', 'scarter@monkey.com', 'Priya.Patel@monkey.co.uk', 'pat@partner.example'], ['mnovak@monkey.com']]);
    expect(await outlook.handlerCount(page, 'RecipientsChanged')).toBe(1);
  });

  test('when Outlook has no RecipientsChanged (Mailbox 1.5), then three recipients show and an added one is found by polling', async () => {
    page = await open({ mailboxVersion: '1.5', item: { mode: 'compose', from: JANE, to: [SAM], cc: [PRIYA], bcc: [PARTNER] } });
    // No from.getAsync before Mailbox 1.7: only the three recipients.
    const expected: Array<[string, string]> = [
      ['scarter@monkey.com', 'found'],
      ['priya.patel@monkey.co.uk', 'found'],
      ['pat@partner.example', 'missing'],
    ];
    expect(await settledPeople(page, expected)).toEqual(expected);
    expect((await messagePeople(page))[2]?.text).toBe('Pat Partner pat@partner.example Bcc Not in the directory');
    await screenshot(page, 'message-05-compose-mailbox-1.5');
    expect(await outlook.handlerCount(page, 'RecipientsChanged')).toBe(0);

    await outlook.addRecipient(page, 'to', MATEJA);
    const more: Array<[string, string]> = [
      ['scarter@monkey.com', 'found'],
      ['mnovak@monkey.com', 'found'],
      ['priya.patel@monkey.co.uk', 'found'],
      ['pat@partner.example', 'missing'],
    ];
    expect(await settledPeople(page, more)).toEqual(more);
  });

  test('when a message has 50 recipients, then the pane sends one lookup and the directory sees one search', async () => {
    const bulk = [...SAMBA_FACTS.byAccount.values()].filter((p) => /^u\d{4}$/.test(p.account)).slice(100, 146);
    const to: MailPerson[] = [...bulk.map((p) => ({ name: p.displayName, address: mailOf(p) })), JANE, PRIYA, PARTNER];
    expect(to.length + 1).toBe(50);
    page = await open({ item: { id: 'big', from: SAM, to } });
    const expected: Array<[string, string]> = [[SAM.address, 'found'], ...to.map((p): [string, string] => [p.address.toLowerCase(), p === PARTNER ? 'missing' : 'found'])];
    const searchesBefore = proxy.count('search');
    expect(await settledPeople(page, expected)).toEqual(expected);
    expect(proxy.count('search') - searchesBefore).toBe(1);
    expect(lookups.map((l) => l.length)).toEqual([50]);
    expect(await page.getByTestId('message-people').getByRole('heading').textContent()).toBe('In this message · 50');
    await screenshot(page, 'message-06-fifty-recipients');
  });

  test('when Outlook reinitialises the pane (Office.onReady again) with another message, then that message\'s people show and no handler is doubled', async () => {
    page = await open({ item: { id: 'm1', from: SAM, to: [JANE] } });
    await settledPeople(page, [
      ['scarter@monkey.com', 'found'],
      ['jdoe@monkey.com', 'found'],
    ]);
    await outlook.reinitialize(page, { id: 'm4', from: MATEJA, to: [JANE], cc: [PRIYA] });
    const expected: Array<[string, string]> = [
      ['mnovak@monkey.com', 'found'],
      ['jdoe@monkey.com', 'found'],
      ['priya.patel@monkey.co.uk', 'found'],
    ];
    expect(await settledPeople(page, expected)).toEqual(expected);
    expect(await outlook.handlerCount(page, 'ItemChanged')).toBe(1);
    // The pinned pane still follows selections after the reinitialisation.
    await outlook.select(page, null);
    await page.getByTestId('message-people').getByText('Select a message').waitFor();
  });

  test('when Outlook is dark, then the pane is dark, and it turns light when Outlook switches theme', async () => {
    page = await open({ theme: DARK, item: { id: 'm1', from: SAM, to: [JANE], cc: [PARTNER] } });
    const background = (): Promise<string> => page.evaluate(() => getComputedStyle(document.querySelector('[data-testid="app"]') ?? document.body).backgroundColor);
    expect(await settled(background, 'rgb(31, 31, 31)')).toBe('rgb(31, 31, 31)');
    await settledPeople(page, [
      ['scarter@monkey.com', 'found'],
      ['jdoe@monkey.com', 'found'],
      ['pat@partner.example', 'missing'],
    ]);
    await screenshot(page, 'message-07-dark');
    await outlook.setTheme(page, LIGHT);
    expect(await settled(background, 'rgb(255, 255, 255)')).toBe('rgb(255, 255, 255)');
    expect(await outlook.handlerCount(page, 'OfficeThemeChanged')).toBe(1);
  });
});
