/**
 * The built pane in headless Chromium against the service's embedded demo directory (LDIF), plus
 * a generated directory of 2,500 people and one whose LDAP server does not answer.
 * The same flows run against the Samba AD DC in pane-samba.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { demoConfigInput, parseConfig } from '../../server/config/load';
import type { ApiError } from '../../src/shared/api';
import { writeBigLdif } from './big-directory';
import { assertPaneBuilt, countThroughApi, launchBrowser, recordedCalls, screenshot, startPaneServer, type PaneBrowser, type PaneServer } from './harness';
import { focusedAttribute, loadEveryone, search, settled } from './pane-actions';

const BIG_COUNT = 2500;
const OFFLINE_PASSWORD_ENV = 'DIALPANE_E2E_OFFLINE_PASSWORD';

/**
 * A stand-in for office.js: an Outlook host in dark theme that reports through Office.onReady
 * after a delay (the pane must already be on screen by then) and can report again.
 */
const FAKE_OUTLOOK_OFFICE_JS = `
  window.Office = {
    context: { officeTheme: { bodyBackgroundColor: '#1F1F1F', bodyForegroundColor: '#F5F5F5', controlBackgroundColor: '#2E2E2E', controlForegroundColor: '#F5F5F5' } },
    onReady(callback) {
      const info = { host: 'Outlook', platform: 'PC' };
      return new Promise((resolve) => setTimeout(() => { if (callback) callback(info); resolve(info); }, 400));
    },
  };
`;

/** A TCP port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// A per-project testTimeout in jest.config.js is not applied by Jest; browser steps need more than 5 s.
jest.setTimeout(120_000);

describe('task pane on the demo directory', () => {
  let tmp: string;
  let demo: PaneServer;
  let multi: PaneServer;
  let browser: PaneBrowser;
  let page: Page;

  beforeAll(async () => {
    assertPaneBuilt();
    tmp = mkdtempSync(path.join(os.tmpdir(), 'dialpane-e2e-'));
    const bigFile = path.join(tmp, 'big.ldif');
    writeBigLdif(bigFile, BIG_COUNT);
    demo = await startPaneServer(parseConfig(demoConfigInput()));
    const demoInput = demoConfigInput();
    const [demoDirectory] = demoInput['directories'] as Record<string, unknown>[];
    multi = await startPaneServer(
      parseConfig(
        {
          ...demoInput,
          directories: [
            demoDirectory,
            { id: 'big', displayName: 'Big directory', kind: 'ldif', file: bigFile },
            {
              id: 'offline',
              displayName: 'Offline directory',
              kind: 'ad',
              url: `ldap://127.0.0.1:${await closedPort()}`,
              bindUser: 'svc-dialpane@monkey.com',
              passwordEnv: OFFLINE_PASSWORD_ENV,
              searchBase: 'CN=Users,DC=monkey,DC=com',
              timeouts: { connectMs: 2000, requestMs: 4000 },
            },
          ],
        },
        { [OFFLINE_PASSWORD_ENV]: 'never-sent' },
      ),
    );
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.close();
    await multi?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  afterEach(async () => {
    await page?.close();
    expect(browser.pageErrors).toEqual([]);
  });

  test('when a person is searched, opened and called, then the browser navigates to their exact tel: URI', async () => {
    page = await browser.openPane(demo.url);
    // One directory: its name in the header, no picker.
    await page.getByRole('banner').getByText('Demo directory').waitFor();
    expect(await page.getByRole('combobox', { name: 'Directory' }).count()).toBe(0);
    await screenshot(page, 'demo-01-welcome');

    await search(page, 'jane');
    await page.getByRole('option', { name: /Jane Doe/ }).waitFor();
    await screenshot(page, 'demo-02-search-results');
    await page.getByRole('option', { name: /Jane Doe/ }).click();

    const card = page.getByTestId('person-card');
    await card.getByRole('heading', { name: 'Jane Doe' }).waitFor();
    await expect(card.getByText('Chief Executive Officer').first().isVisible()).resolves.toBe(true);
    await screenshot(page, 'demo-03-person-card');

    const call = card.getByRole('link', { name: /^Call Jane Doe, Work/ });
    expect(await call.getAttribute('href')).toBe('tel:+1-408-555-0100');
    await call.click();
    const placed = [{ url: 'tel:+1-408-555-0100', via: 'navigation' }];
    expect(await settled(() => recordedCalls(page), placed)).toEqual(placed);
  });

  test('when typing, then one debounced request goes out, and a slow answer to an older search is dropped', async () => {
    page = await browser.openPane(demo.url);
    const searches: string[] = [];
    const aborted: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/people?q=')) searches.push(new URL(r.url()).searchParams.get('q') ?? '');
    });
    page.on('requestfailed', (r) => {
      if (r.url().includes('/people?q=')) aborted.push(`${new URL(r.url()).searchParams.get('q') ?? ''} ${r.failure()?.errorText ?? ''}`);
    });
    // The service answers "ja" late, after "jane" has been typed and answered.
    await page.route(/\/people\?q=ja&/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      // By now the pane has aborted this request (that is what is under test), so continuing may fail.
      await route.continue().catch(() => undefined);
    });
    await search(page, 'ja');
    await new Promise((resolve) => setTimeout(resolve, 500)); // past the 250 ms debounce: "ja" is in flight
    await page.getByRole('searchbox', { name: 'Search people' }).pressSequentially('ne', { delay: 20 });
    await page.getByRole('option', { name: /Jane Doe/ }).waitFor();
    await new Promise((resolve) => setTimeout(resolve, 1700)); // the late "ja" answer would have landed by now
    expect(await page.getByRole('listbox').getByRole('option').count()).toBe(1);
    expect(await page.getByTestId('result-status').textContent()).toBe('1 person');
    expect(searches).toEqual(['ja', 'jane']);
    expect(aborted).toEqual(['ja net::ERR_ABORTED']);
  });

  test('when only the keyboard is used, then type, ArrowDown, Enter opens the person and Enter calls', async () => {
    page = await browser.openPane(demo.url);
    await search(page, 'müller');
    await page.getByRole('option', { name: /Jürgen Müller/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await settled(() => focusedAttribute(page, 'role'), 'listbox')).toBe('listbox');
    await page.keyboard.press('Enter');
    await page.getByTestId('person-card').getByRole('heading', { name: 'Jürgen Müller' }).waitFor();
    // The first Call button has the focus: Enter calls.
    expect(await settled(() => focusedAttribute(page, 'href'), 'tel:+49-30-1234567')).toBe('tel:+49-30-1234567');
    await page.keyboard.press('Enter');
    const placed = [{ url: 'tel:+49-30-1234567', via: 'navigation' }];
    expect(await settled(() => recordedCalls(page), placed)).toEqual(placed);
    // Escape goes back to the list, focused on the same row.
    await page.keyboard.press('Escape');
    await page.getByTestId('person-card').waitFor({ state: 'detached' });
    expect(await settled(() => focusedAttribute(page, 'role'), 'listbox')).toBe('listbox');
  });

  test('when Office reports a dark theme, then the pane follows it, and again when Office reports once more', async () => {
    page = await browser.openPane(demo.url, { officeJs: FAKE_OUTLOOK_OFFICE_JS });
    const background = (): Promise<string> => page.evaluate(() => getComputedStyle(document.querySelector('[data-testid="app"]') ?? document.body).backgroundColor);
    // Rendered before Office answers: the plain-browser light theme.
    await page.getByRole('searchbox', { name: 'Search people' }).waitFor();
    expect(await background()).toBe('rgb(255, 255, 255)');
    expect(await settled(background, 'rgb(31, 31, 31)')).toBe('rgb(31, 31, 31)');
    await search(page, 'jane');
    await page.getByRole('option', { name: /Jane Doe/ }).waitFor();
    await screenshot(page, 'demo-08-outlook-dark-theme');
    // Office reports again (a host may reinitialise the pane) with a light theme: same root, new theme.
    await page.evaluate(() => {
      const office = (window as unknown as { Office: { context: { officeTheme: Record<string, string> }; initialize?: () => void } }).Office;
      office.context.officeTheme = { bodyBackgroundColor: '#FAFAFA', bodyForegroundColor: '#242424' };
      office.initialize?.();
    });
    expect(await settled(background, 'rgb(250, 250, 250)')).toBe('rgb(250, 250, 250)');
    expect(await page.locator('#container > *').count()).toBe(1);
    expect(await page.getByRole('option', { name: /Jane Doe/ }).count()).toBe(1);
  });

  test('when a number is copied, then it reaches the clipboard (also where the Clipboard API is refused) and the copy is announced', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(demo.url).origin });
    page = await browser.openPane(demo.url);
    await search(page, 'jane doe');
    await page.getByRole('option', { name: /Jane Doe/ }).click();
    await page.getByRole('button', { name: /^Copy Mobile/ }).click();
    expect(await settled(() => page.evaluate(() => navigator.clipboard.readText()), '+1 669 555 0100')).toBe('+1 669 555 0100');
    const announced = 'Copied +1 669 555 0100 to the clipboard';
    expect(await settled(() => page.getByTestId('announcer').textContent(), announced)).toBe(announced);

    // Outlook's iframes often refuse the Clipboard API: the pane falls back to the copy command.
    await page.evaluate(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
    });
    await page.getByRole('button', { name: /^Copy Work/ }).click();
    expect(await settled(() => page.evaluate(() => navigator.clipboard.readText()), '+1 408 555 0100')).toBe('+1 408 555 0100');
    const again = 'Copied +1 408 555 0100 to the clipboard';
    expect(await settled(() => page.getByTestId('announcer').textContent(), again)).toBe(again);
  });

  test('when nobody matches, then the no-results state names the search', async () => {
    page = await browser.openPane(demo.url);
    await search(page, 'zzzqqq');
    const empty = page.getByTestId('empty-state');
    await empty.getByRole('heading', { name: 'No one matches “zzzqqq”' }).waitFor();
    expect(await page.getByRole('listbox').count()).toBe(0);
    await screenshot(page, 'demo-04-no-results');
  });

  test('when Show All is clicked, then every person of the demo directory is listed', async () => {
    const expected = await countThroughApi(demo, 'demo');
    expect(expected).toBeGreaterThan(150);
    page = await browser.openPane(demo.url);
    await page.getByRole('button', { name: /^Show all/ }).first().click();
    await page.getByRole('listbox').waitFor();
    await screenshot(page, 'demo-05-show-all');
    expect(await loadEveryone(page)).toBe(expected);
    await expect(page.getByTestId('result-status').textContent()).resolves.toBe(`All ${expected.toLocaleString("en-US")} people`);
  });

  test('when Show All runs on 2,500 people, then all load page by page into a virtualized list', async () => {
    expect(await countThroughApi(multi, 'big')).toBe(BIG_COUNT);
    page = await browser.openPane(multi.url);
    // Several directories: a picker.
    const picker = page.getByRole('combobox', { name: 'Directory' });
    await picker.selectOption('big');
    await page.getByRole('button', { name: /^Show all/ }).first().click();
    await page.getByRole('listbox').waitFor();
    expect(await loadEveryone(page)).toBe(BIG_COUNT);
    await expect(page.getByTestId('result-status').textContent()).resolves.toBe('All 2,500 people');
    // Only the rows in view (plus overscan) exist in the DOM.
    expect(await page.getByRole('listbox').getByRole('option').count()).toBeLessThan(40);
    // End now reaches the very last person, selected and scrolled into view.
    await page.keyboard.press('End');
    const last = page.getByRole('listbox').getByRole('option', { selected: true });
    expect(await settled(() => last.getAttribute('aria-posinset'), String(BIG_COUNT))).toBe(String(BIG_COUNT));
    expect(await last.getAttribute('aria-setsize')).toBe(String(BIG_COUNT));
    await screenshot(page, 'demo-06-show-all-2500-end');
  });

  test('when the directory server does not answer, then the error state shows the service message and hint', async () => {
    const answer = await multi.api<ApiError>('api/directories/offline/people?q=ab');
    expect(answer.status).toBeGreaterThanOrEqual(500);
    page = await browser.openPane(multi.url);
    await page.getByRole('combobox', { name: 'Directory' }).selectOption('offline');
    await search(page, 'ab');
    const error = page.getByTestId('error-state');
    await error.waitFor({ timeout: 20_000 });
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await error.getByTestId('error-message').textContent()).toBe(answer.body.message);
    expect(await error.getByTestId('error-hint').textContent()).toBe(answer.body.hint);
    expect(await error.getAttribute('data-code')).toBe(answer.body.code);
    await screenshot(page, 'demo-07-error');
    // Try again asks again (and fails the same way).
    await error.getByRole('button', { name: 'Try again' }).click();
    await page.getByTestId('error-state').waitFor();
  });
});
