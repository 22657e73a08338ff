/**
 * Signing in through the pane, in headless Chromium, against the Samba AD DC: the service answers
 * 401, the pane shows its sign-in form, a wrong password is told as such, the right one opens the
 * pane (search, open, Call), a reload keeps the session, an expired token brings the form back with
 * why, and Sign out ends it. Every page runs under the service's Content-Security-Policy, and the
 * tests check the browser reported no violation of it — on the demo pane too.
 */
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { createAuth } from '../../server/auth/create-auth';
import { demoConfigInput, parseConfig } from '../../server/config/load';
import { AUTH_ACCOUNTS, AUTH_OU_DN, AUTH_PASSWORD } from '../fixtures/samba-auth-fixture';
import { TEST_PASSWORD_ENV, sambaDirectoryInput } from '../servers/env';
import { SAMBA_SERVICE_ACCOUNT } from '../fixtures/samba-fixture';
import { assertPaneBuilt, cspViolations, launchBrowser, recordedCalls, screenshot, startPaneServer, type PaneBrowser, type PaneServer } from './harness';
import { search, settled } from './pane-actions';

jest.setTimeout(120_000);

const bea = AUTH_ACCOUNTS.browser;
const clock = { ms: Date.now(), now: () => clock.ms };

/** People under CN=Users ("samba"); people sign in against the OU of the sign-in accounts ("staff"). */
function signInConfig() {
  const people = sambaDirectoryInput();
  return parseConfig(
    {
      phone: { defaultCountry: 'US', extensionContext: 'monkey.com' },
      auth: { mode: 'directory', directories: ['staff'] },
      directories: [
        { ...people, passwordEnv: TEST_PASSWORD_ENV },
        { ...people, id: 'staff', displayName: 'Monkey staff', searchBase: AUTH_OU_DN, passwordEnv: TEST_PASSWORD_ENV },
      ],
    },
    { [TEST_PASSWORD_ENV]: SAMBA_SERVICE_ACCOUNT.password },
  );
}

async function signIn(page: Page, username: string, password: string): Promise<void> {
  const form = page.getByTestId('sign-in');
  await form.getByRole('textbox', { name: /User name/ }).fill(username);
  await form.getByLabel(/Password/).fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
}

describe('signing in through the pane', () => {
  let service: PaneServer;
  let demo: PaneServer;
  let browser: PaneBrowser;
  let page: Page;

  beforeAll(async () => {
    assertPaneBuilt();
    const loaded = signInConfig();
    service = await startPaneServer(loaded, { auth: createAuth(loaded, { signingKey: randomBytes(32), now: clock.now }) });
    demo = await startPaneServer(parseConfig(demoConfigInput(), {}));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await service?.close();
    await demo?.close();
  });

  afterEach(async () => {
    if (page) expect(await cspViolations(page)).toEqual([]);
    await page?.close();
    expect(browser.pageErrors).toEqual([]);
  });

  test('when the service wants sign-in, then a wrong password is refused as such, and the right one opens the pane that calls', async () => {
    page = await browser.openPane(service.url);
    const form = page.getByTestId('sign-in');
    await form.getByRole('heading', { name: 'Sign in' }).waitFor();
    // One directory takes sign-ins: no directory picker in the form.
    expect(await form.getByRole('combobox').count()).toBe(0);
    await screenshot(page, 'sign-in-01-form');

    await signIn(page, bea.account, 'not-her-password');
    await form.getByTestId('error-message').filter({ hasText: 'Wrong user name or password.' }).waitFor();
    expect(await form.getByLabel(/Password/).inputValue()).toBe('');
    await screenshot(page, 'sign-in-02-wrong-password');

    await signIn(page, `MONKEY\\${bea.account}`, AUTH_PASSWORD);
    const signOut = page.getByRole('button', { name: 'Sign out Bea Browser' });
    await signOut.waitFor();
    await screenshot(page, 'sign-in-03-signed-in');

    await search(page, 'jane');
    await page.getByRole('option', { name: /Jane Doe/ }).click();
    const call = page.getByTestId('person-card').getByRole('link', { name: /^Call Jane Doe, Work/ });
    await call.click();
    const placed = [{ url: 'tel:+1-408-555-0101', via: 'navigation' }];
    expect(await settled(() => recordedCalls(page), placed)).toEqual(placed);
  });

  test('when signed in and John Smith is opened, then his photo loads through the sign-in (an <img> alone cannot send the token)', async () => {
    page = await browser.openPane(service.url);
    await signIn(page, bea.account, AUTH_PASSWORD);
    await page.getByRole('button', { name: 'Sign out Bea Browser' }).waitFor();
    await search(page, 'john smith');
    await page.getByRole('option', { name: /John Smith/ }).click();
    const photo = page.getByTestId('person-card').getByTestId('person-avatar').locator('img');
    await photo.waitFor();
    expect(await settled(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), 96)).toBe(96);
    expect(await photo.getAttribute('src')).toMatch(/^blob:/);
  });

  test('when the pane is reloaded, then the session is kept; when signed out, then the form is back and stays after a reload', async () => {
    page = await browser.openPane(service.url);
    await signIn(page, bea.account, AUTH_PASSWORD);
    await page.getByRole('button', { name: 'Sign out Bea Browser' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Sign out Bea Browser' }).waitFor();
    expect(await page.getByTestId('sign-in').count()).toBe(0);

    await page.getByRole('button', { name: 'Sign out Bea Browser' }).click();
    await page.getByTestId('sign-in').getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.reload();
    await page.getByTestId('sign-in').getByRole('heading', { name: 'Sign in' }).waitFor();
  });

  test('when the token has expired, then the next request brings the form back saying so', async () => {
    page = await browser.openPane(service.url);
    await signIn(page, bea.account, AUTH_PASSWORD);
    await page.getByRole('button', { name: 'Sign out Bea Browser' }).waitFor();
    clock.ms += 16 * 60_000; // the service's clock: the token is now past its 15 minutes
    await search(page, 'jane');
    const form = page.getByTestId('sign-in');
    await form.getByRole('status').filter({ hasText: 'Your session has expired.' }).waitFor();
    await screenshot(page, 'sign-in-04-expired');
  });

  test('when the demo pane is searched and a person opened under the CSP, then the browser reports no violation', async () => {
    page = await browser.openPane(demo.url);
    await search(page, 'jane');
    await page.getByRole('option', { name: /Jane Doe/ }).click();
    await page.getByTestId('person-card').getByRole('heading', { name: 'Jane Doe' }).waitFor();
    expect(await page.getByTestId('sign-in').count()).toBe(0);
  });
});
