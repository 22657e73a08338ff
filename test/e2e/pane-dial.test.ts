/**
 * "Call with …" in the built pane, in headless Chromium, on the demo directory with two dialers:
 * a desk phone's action URL (an `http` dialer pointed at a local server that records every request
 * it receives) and the phone app (`uri`, a tel: link the pane opens).
 */
import type { Page, Request } from 'playwright-core';
import { demoConfigInput, parseConfig } from '../../server/config/load';
import { FakeWebdialer } from '../dial/support/fake-webdialer';
import { RecordingServer } from '../dial/support/recording-http';
import { assertPaneBuilt, launchBrowser, recordedCalls, screenshot, startPaneServer, type PaneBrowser, type PaneServer } from './harness';
import { officeStandIn, outlook } from './outlook';
import { search, settled } from './pane-actions';

jest.setTimeout(120_000);

const CUCM_PASSWORD = 'b1ll-cucm-s3cret';
const BILLS_PHONES = [
  { deviceName: 'SEPF01FAF38ABC2', lines: ['1002 ; no partition'], phoneDesc: '', phoneType: 'Cisco IP Communicator' },
  { deviceName: 'CSFBILL', lines: ['1001 ; no partition', '1003 ; Internal'], phoneDesc: 'Bill on Jabber', phoneType: 'Cisco Unified Client Services Framework' },
];

interface SentDial {
  idempotencyKey: string;
  dialerId: string;
  device?: string;
}

describe('Call with … a configured dialer', () => {
  let phone: RecordingServer;
  let cucm: FakeWebdialer;
  let service: PaneServer;
  let browser: PaneBrowser;
  let page: Page;
  let dials: SentDial[];

  beforeAll(async () => {
    assertPaneBuilt();
    phone = await new RecordingServer().start();
    cucm = await new FakeWebdialer({ users: { bill: { password: CUCM_PASSWORD, devices: BILLS_PHONES } } }).start();
    service = await startPaneServer(
      parseConfig(
        {
          ...demoConfigInput(),
          dialRules: [{ kind: 'external', country: 'US', outsideLine: '9' }],
          dialers: [
            { id: 'desk', displayName: 'Desk phone', kind: 'http', url: `http://127.0.0.1:${phone.port}/command.htm?number={number}&device={device}`, device: '1001' },
            { id: 'phone-app', displayName: 'Phone app', kind: 'uri' },
            // No default device: the user's own phones come from getProfileDetailSoap.
            { id: 'cucm', displayName: 'Cisco phone', kind: 'webdialer', url: `http://127.0.0.1:${cucm.port}`, user: 'bill', passwordEnv: 'CUCM_PW', applyDialRules: false, profile: {} },
          ],
        },
        { CUCM_PW: CUCM_PASSWORD },
      ),
    );
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await service?.close();
    await phone?.stop();
    await cucm?.stop();
  });

  afterEach(async () => {
    await page?.close();
    expect(browser.pageErrors).toEqual([]);
  });

  async function open(officeJs?: string): Promise<Page> {
    dials = [];
    const opened = await browser.openPane(service.url, officeJs === undefined ? {} : { officeJs });
    // Every test starts without a stored phone (the browser context keeps localStorage between tests).
    await opened.evaluate(() => localStorage.clear());
    await opened.reload();
    opened.on('request', (request: Request) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/dial')) dials.push(request.postDataJSON() as SentDial);
    });
    return opened;
  }

  /** Opens Jane Doe's card and her work number's call sheet. */
  async function callJane(): Promise<void> {
    await search(page, 'Jane Doe');
    await page.getByRole('option', { name: /Jane Doe/ }).click();
    await page.getByTestId('person-card').getByRole('button', { name: 'Call Jane Doe, Work, +1 408 555 0100, with Desk phone' }).click();
    await page.getByRole('dialog', { name: 'Call Jane Doe' }).waitFor();
  }

  const previewText = (): Promise<string | null> => page.getByTestId('dial-preview-text').textContent();
  const phoneRequests = (): string[] => phone.requests.map((r) => `${r.method} ${r.url}`);

  test('when Call is double-clicked, then the preview shows first, the desk phone gets exactly one request, and the pane says Queued', async () => {
    phone.requests.length = 0;
    page = await open();
    await callJane();
    const sheet = page.getByRole('dialog', { name: 'Call Jane Doe' });
    expect(await settled(previewText, 'Will dial 9 1 408 555 0100')).toBe('Will dial 9 1 408 555 0100');
    expect(await sheet.getByRole('combobox', { name: 'Call with' }).inputValue()).toBe('desk');
    // My phone: my own extension on the desk phone's system, kept in localStorage in a browser.
    const device = sheet.getByRole('textbox', { name: 'My phone' });
    await device.fill('2002');
    await device.blur();
    expect(await page.evaluate(() => localStorage.getItem('dialpane.myPhone'))).toBe('{"dialerId":"desk","device":"2002"}');
    await screenshot(page, 'dial-01-preview');

    await sheet.getByRole('button', { name: 'Call', exact: true }).dblclick();
    const outcome = sheet.getByTestId('call-outcome');
    await outcome.waitFor();
    expect(await outcome.getAttribute('data-outcome')).toBe('queued');
    expect(await outcome.locator('p').allInnerTexts()).toEqual(['Queued', 'Desk phone took the call request; your phone rings shortly.']);
    expect(phoneRequests()).toEqual(['GET /command.htm?number=914085550100&device=2002']);
    expect(dials.map((d) => [d.dialerId, d.device])).toEqual([['desk', '2002']]);
    await screenshot(page, 'dial-02-queued');

    // Escape closes the sheet and gives the focus back to the Call button that opened it.
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Call Jane Doe, Work, +1 408 555 0100, with Desk phone');
  });

  test('when the answer to Call is lost on the way back, then Try again sends the same key and the phone still rings once', async () => {
    phone.requests.length = 0;
    page = await open();
    await callJane();
    const sheet = page.getByRole('dialog', { name: 'Call Jane Doe' });
    await settled(previewText, 'Will dial 9 1 408 555 0100');
    // The first request reaches the service (which places the call); its answer never reaches the pane.
    let first = true;
    await page.route('**/api/dial', async (route) => {
      if (!first) return route.continue();
      first = false;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await sheet.getByRole('button', { name: 'Call', exact: true }).click();
    const error = sheet.getByTestId('error-state');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('NETWORK');
    expect(phoneRequests()).toEqual(['GET /command.htm?number=914085550100&device=1001']);

    await sheet.getByRole('button', { name: 'Try again' }).click();
    const outcome = sheet.getByTestId('call-outcome');
    await outcome.waitFor();
    expect(await outcome.getAttribute('data-outcome')).toBe('queued');
    expect(phoneRequests()).toEqual(['GET /command.htm?number=914085550100&device=1001']);
    expect(dials).toHaveLength(2);
    expect(dials[1]?.idempotencyKey).toBe(dials[0]?.idempotencyKey);
  });

  test('when the phone app is chosen, then the preview gives its link, Call opens it, and the choice is remembered', async () => {
    page = await open();
    await callJane();
    const sheet = page.getByRole('dialog', { name: 'Call Jane Doe' });
    await sheet.getByRole('combobox', { name: 'Call with' }).selectOption('phone-app');
    expect(await settled(previewText, 'Will dial +1 408 555 0100')).toBe('Will dial +1 408 555 0100');
    expect(await sheet.getByRole('textbox', { name: 'My phone' }).count()).toBe(0); // the phone app is on this computer
    const link = sheet.getByRole('link', { name: 'Call' });
    expect(await link.getAttribute('href')).toBe('tel:+14085550100');
    await link.click();
    const placed = [{ url: 'tel:+14085550100', via: 'navigation' }];
    expect(await settled(() => recordedCalls(page), placed)).toEqual(placed);
    await sheet.getByText('Handed to Phone app.').waitFor();
    expect(await page.evaluate(() => localStorage.getItem('dialpane.myPhone'))).toBe('{"dialerId":"phone-app"}');
    await screenshot(page, 'dial-03-phone-app');
    // The card's Call button now names my phone.
    await page.keyboard.press('Escape');
    await page.getByTestId('person-card').getByRole('button', { name: 'Call Jane Doe, Work, +1 408 555 0100, with Phone app' }).waitFor();
  });

  test('when Cisco WebDialer is chosen, then my phones come from Unified CM, and the phone and line I pick carry the call', async () => {
    page = await open();
    await callJane();
    const sheet = page.getByRole('dialog', { name: 'Call Jane Doe' });
    await sheet.getByRole('combobox', { name: 'Call with' }).selectOption('cucm');
    const myPhone = sheet.getByRole('combobox', { name: 'My phone' });
    await myPhone.waitFor();
    // Nothing chosen and no default: the first phone Unified CM lists is mine until I pick another.
    expect(await settled(() => page.evaluate(() => localStorage.getItem('dialpane.myPhone')), '{"dialerId":"cucm","device":"SEPF01FAF38ABC2"}')).toBe('{"dialerId":"cucm","device":"SEPF01FAF38ABC2"}');
    expect(await myPhone.locator('option').allTextContents()).toEqual(['SEPF01FAF38ABC2', 'Bill on Jabber (CSFBILL)']);
    await myPhone.selectOption('CSFBILL');
    await sheet.getByRole('combobox', { name: 'Line' }).selectOption('1003 ; Internal');
    expect(await settled(previewText, 'Will dial +1 408 555 0100')).toBe('Will dial +1 408 555 0100');
    await screenshot(page, 'dial-05-webdialer-my-phone');
    await sheet.getByRole('button', { name: 'Call', exact: true }).click();
    await sheet.getByTestId('call-outcome').waitFor();
    expect(cucm.calls).toEqual([{ userID: 'bill', destination: '+14085550100', user: 'bill', deviceName: 'CSFBILL', lineNumber: '1003 ; Internal' }]);
    expect(await page.evaluate(() => localStorage.getItem('dialpane.myPhone'))).toBe('{"dialerId":"cucm","device":"CSFBILL","line":"1003 ; Internal"}');
  });

  test('when the pane runs inside Outlook, then my phone is kept in the roaming settings, not in localStorage', async () => {
    page = await open(officeStandIn({ item: null, theme: { bodyBackgroundColor: '#1F1F1F', bodyForegroundColor: '#F5F5F5', isDarkTheme: true } }));
    await page.getByTestId('message-people').waitFor();
    await callJane();
    const sheet = page.getByRole('dialog', { name: 'Call Jane Doe' });
    const device = sheet.getByRole('textbox', { name: 'My phone' });
    await device.fill('3003');
    await device.blur();
    expect(await settled(() => outlook.roaming(page), { myPhone: { dialerId: 'desk', device: '3003' } })).toEqual({ myPhone: { dialerId: 'desk', device: '3003' } });
    expect(await outlook.saves(page)).toBe(1);
    await settled(previewText, 'Will dial 9 1 408 555 0100');
    await screenshot(page, 'dial-04-outlook-dark');
    expect(await page.evaluate(() => localStorage.getItem('dialpane.myPhone'))).toBeNull();
  });
});
