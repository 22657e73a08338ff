/**
 * The built pane in headless Chromium against the real Samba AD DC: a person's photo, manager and
 * SIP address on the card; "All directories" in the picker; and Settings → Test connection showing
 * the directory check step by step.
 */
import type { Page } from 'playwright-core';
import { SAMBA_BIND_FIXTURES } from '../fixtures/samba-fixture';
import { directoriesConfig, sambaEntry, slapdEntry } from '../servers/env';
import { assertPaneBuilt, launchBrowser, recordedCalls, screenshot, startPaneServer, type PaneBrowser, type PaneServer } from './harness';
import { search, settled } from './pane-actions';

jest.setTimeout(60_000);

describe('task pane on Samba Active Directory', () => {
  let server: PaneServer;
  let browser: PaneBrowser;
  let page: Page;

  beforeAll(async () => {
    assertPaneBuilt();
    server = await startPaneServer(
      directoriesConfig([
        sambaEntry(),
        slapdEntry(),
        { input: { ...sambaEntry().input, id: 'disabled', displayName: 'Monkey AD (disabled account)', bindUser: SAMBA_BIND_FIXTURES.disabled.upn }, password: SAMBA_BIND_FIXTURES.disabled.password },
      ]),
    );
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(async () => {
    await page?.close();
    expect(browser.pageErrors).toEqual([]);
  });

  test('when John Smith is opened, then his photo, his SIP address with Call, and his manager who opens are shown', async () => {
    page = await browser.openPane(server.url);
    await search(page, 'John Sm');
    await page.getByRole('option', { name: /John Smith/ }).click();
    const card = page.getByTestId('person-card');
    await card.getByRole('heading', { name: 'John Smith' }).waitFor();

    // The avatar shows the directory's JPEG, loaded from the photo route.
    const photo = card.getByTestId('person-avatar').locator('img');
    await photo.waitFor();
    expect(await settled(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), 96)).toBe(96);
    expect(await photo.getAttribute('src')).toMatch(/\/api\/directories\/samba\/people\/[A-Za-z0-9_-]{22}\/photo\?v=/);

    const sipCall = card.getByRole('link', { name: 'Call John Smith at SIP address john.smith@monkey.com' });
    expect(await sipCall.getAttribute('href')).toBe('sip:john.smith@monkey.com');
    await screenshot(page, 'ad-01-person-photo-sip-manager');
    await sipCall.click();
    const placed = [{ url: 'sip:john.smith@monkey.com', via: 'navigation' }];
    expect(await settled(() => recordedCalls(page), placed)).toEqual(placed);

    await card.getByRole('button', { name: 'Open Jane Doe, the manager' }).click();
    await page.getByTestId('person-card').getByRole('heading', { name: 'Jane Doe' }).waitFor();
    // No photo: the initials.
    expect(await page.getByTestId('person-card').getByTestId('person-avatar').locator('img').count()).toBe(0);
    expect(await page.getByTestId('person-card').getByTestId('person-avatar').textContent()).toBe('JD');
  });

  test('when "All directories" is picked, then a colleague in two directories is listed once and opens with the name of their directory', async () => {
    page = await browser.openPane(server.url);
    const picker = page.getByRole('combobox', { name: 'Directory' });
    await picker.waitFor();
    expect(await picker.locator('option').allTextContents()).toEqual(['All directories', 'Monkey AD (Samba)', 'Monkey OpenLDAP', 'Monkey AD (disabled account)']);
    expect(await picker.inputValue()).toBe('samba');
    await picker.selectOption({ label: 'All directories' });
    await search(page, 'Priya');
    await page.getByRole('option', { name: /Priya Patel/ }).waitFor();
    // The directory with the disabled account cannot answer: named, the others' people still shown.
    expect(await settled(() => page.getByTestId('result-status').textContent(), '1 person · Not searched: Monkey AD (disabled account).')).toBe('1 person · Not searched: Monkey AD (disabled account).');
    expect(await page.getByRole('listbox').getByRole('option').count()).toBe(1);
    await screenshot(page, 'ad-02-all-directories');
    await page.getByRole('option', { name: /Priya Patel/ }).click();
    const card = page.getByTestId('person-card');
    await card.getByText('Monkey AD (Samba)').waitFor();
    await card.getByRole('button', { name: 'Open Jürgen Müller, the manager' }).waitFor();
  });

  test('when Test connection is clicked in Settings, then each step shows ok or failed with the cause and the fix', async () => {
    page = await browser.openPane(server.url);
    await page.getByRole('button', { name: 'Settings: test the directory connections' }).click();
    const settings = page.getByTestId('settings');
    await settings.getByRole('heading', { name: 'Settings' }).waitFor();

    const good = settings.locator('[data-testid="directory-check"][data-directory="samba"]');
    await good.getByRole('button', { name: 'Test the connection to Monkey AD (Samba)' }).click();
    await good.getByTestId('check-verdict').waitFor();
    expect(await good.getByTestId('check-verdict').textContent()).toBe('Connection works');
    expect(await good.locator('[data-step]').evaluateAll((items) => items.map((i) => `${i.getAttribute('data-step')}:${i.getAttribute('data-status')}`))).toEqual([
      'reach:ok',
      'tls:skipped',
      'bind:ok',
      'searchBase:ok',
      'people:ok',
    ]);

    const bad = settings.locator('[data-testid="directory-check"][data-directory="disabled"]');
    await bad.getByRole('button', { name: 'Test the connection to Monkey AD (disabled account)' }).click();
    await bad.getByTestId('check-verdict').waitFor();
    expect(await bad.getByTestId('check-verdict').textContent()).toBe('Connection fails');
    const bind = bad.locator('[data-step="bind"]');
    expect(await bind.getAttribute('data-status')).toBe('failed');
    expect(await bind.getByTestId('step-cause').textContent()).toMatch(/refused the bind as "svc-disabled@monkey\.com": the account is disabled\.$/);
    expect(await bind.getByTestId('step-fix').textContent()).toBe('Fix: Enable the account in Active Directory, or bind as another service account.');
    await screenshot(page, 'ad-03-test-connection');

    await page.keyboard.press('Escape');
    await settings.waitFor({ state: 'detached' });
    expect(await settled(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null), 'Settings: test the directory connections')).toBe('Settings: test the directory connections');
  });
});
