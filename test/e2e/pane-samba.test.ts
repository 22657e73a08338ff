/**
 * The "done when": the built pane, in headless Chromium, places a call from a search
 * against the real Samba Active Directory DC started by the Jest global setup (test/servers).
 * The service under test is createApp over HTTPS with the Samba directory as its only directory.
 */
import type { Page } from 'playwright-core';
import { SAMBA_DIRECTORY_ID, SAMBA_FACTS, namedPerson, sambaDirectoryConfig } from '../servers/env';
import { assertPaneBuilt, countThroughApi, launchBrowser, recordedCalls, screenshot, startPaneServer, type PaneBrowser, type PaneServer } from './harness';
import { loadEveryone, search, settled } from './pane-actions';

// A per-project testTimeout in jest.config.js is not applied by Jest; browser steps need more than 5 s.
jest.setTimeout(120_000);

describe('task pane on the Samba Active Directory DC', () => {
  let service: PaneServer;
  let browser: PaneBrowser;
  let page: Page;

  beforeAll(async () => {
    assertPaneBuilt();
    service = await startPaneServer(sambaDirectoryConfig());
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  afterEach(async () => {
    await page?.close();
    expect(browser.pageErrors).toEqual([]);
  });

  test('when Sam Carter is searched, opened and called, then the browser navigates to tel:+1-408-555-0100;ext=123', async () => {
    const sam = namedPerson('Sam Carter');
    expect(sam.telephoneNumber).toBe('+1 (408) 555-0100 x123');
    page = await browser.openPane(service.url);
    await page.getByRole('banner').getByText('Monkey AD (Samba)').waitFor();

    await search(page, 'Sam Car');
    const row = page.getByRole('option', { name: /Sam Carter/ });
    await row.waitFor();
    expect(await page.getByRole('listbox').getByRole('option').count()).toBe(1);
    await screenshot(page, 'samba-01-search');
    await row.click();

    const card = page.getByTestId('person-card');
    await card.getByRole('heading', { name: 'Sam Carter' }).waitFor();
    await card.getByText(sam.mail).waitFor();
    await screenshot(page, 'samba-02-person-card');

    const work = card.getByRole('link', { name: /^Call Sam Carter, Work/ });
    expect(await work.getAttribute('href')).toBe('tel:+1-408-555-0100;ext=123');
    await work.click();
    const placed = [{ url: 'tel:+1-408-555-0100;ext=123', via: 'navigation' }];
    expect(await settled(() => recordedCalls(page), placed)).toEqual(placed);

    // The internal extension is dialable in the configured phone-context.
    const ipPhone = card.getByRole('link', { name: /^Call Sam Carter, IP phone/ });
    await ipPhone.click();
    const both = [...placed, { url: 'tel:4100;phone-context=monkey.com', via: 'navigation' }];
    expect(await settled(() => recordedCalls(page), both)).toEqual(both);
  });

  test('when José is searched, then José García is found and a number that is text is shown with its reason', async () => {
    page = await browser.openPane(service.url);
    await search(page, 'José');
    await page.getByRole('option', { name: /José García/ }).waitFor();

    await search(page, 'Mateja');
    await page.getByRole('option', { name: /Mateja Novak/ }).click();
    const card = page.getByTestId('person-card');
    await card.getByRole('heading', { name: 'Mateja Novak' }).waitFor();
    const home = card.getByTestId('phone').filter({ hasText: 'n/a' });
    await home.getByText('Cannot be dialed').waitFor();
    expect(await home.getByRole('link').count()).toBe(0);
    expect(await home.getByRole('button', { name: /^Copy/ }).count()).toBe(1);
    expect(await card.getByRole('link', { name: /^Call Mateja Novak, Work/ }).getAttribute('href')).toMatch(/^tel:\+386-1-555-?01-?00$/); // keeps its country code 386
  });

  test('when a disabled account is searched, then the pane shows no results', async () => {
    page = await browser.openPane(service.url);
    await search(page, 'Disabled Dan');
    await page.getByTestId('empty-state').getByRole('heading', { name: 'No one matches “Disabled Dan”' }).waitFor();
  });

  test('when Show All is clicked, then every enabled person of the domain loads into the list', async () => {
    const expected = SAMBA_FACTS.listedNames.length;
    expect(expected).toBeGreaterThan(1500);
    expect(await countThroughApi(service, SAMBA_DIRECTORY_ID)).toBe(expected);
    page = await browser.openPane(service.url);
    await page.getByRole('button', { name: /^Show all/ }).first().click();
    await page.getByRole('listbox').waitFor();
    await screenshot(page, 'samba-03-show-all');
    expect(await loadEveryone(page)).toBe(expected);
    await expect(page.getByTestId('result-status').textContent()).resolves.toBe(`All ${expected.toLocaleString('en-US')} people`);
    await page.keyboard.press('End');
    await screenshot(page, 'samba-04-show-all-end');
  });
});
