/** What a person does in the pane, as reusable steps for the browser tests. */
import { isDeepStrictEqual } from 'node:util';
import type { Page } from 'playwright-core';

/** Types into the search box as a person would (the pane debounces and searches). */
export async function search(page: Page, text: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Search people' });
  await box.click();
  await box.fill('');
  await box.pressSequentially(text, { delay: 20 });
}

/**
 * In Show All, keeps pressing End in the list (which scrolls to the last loaded row and so asks
 * for the next page) until the status line says everyone is loaded; returns the count it shows.
 */
export async function loadEveryone(page: Page, timeoutMs = 90_000): Promise<number> {
  const status = page.getByTestId('result-status');
  const deadline = Date.now() + timeoutMs;
  await page.getByRole('listbox').focus();
  while (Date.now() < deadline) {
    if ((await status.textContent())?.startsWith('All ')) return Number(await status.getAttribute('data-count'));
    const failure = page.getByTestId('people-scroller').getByRole('alert');
    if ((await failure.count()) > 0) throw new Error(`Show All stopped with an error: ${await failure.textContent()}`);
    const before = await status.getAttribute('data-count');
    await page.keyboard.press('End');
    await page.waitForFunction(
      (previous) => {
        const line = document.querySelector('[data-testid="result-status"]');
        const alert = document.querySelector('[data-testid="people-scroller"] [role="alert"]');
        return alert !== null || (line !== null && (line.getAttribute('data-count') !== previous || (line.textContent ?? '').startsWith('All ')));
      },
      before,
      { timeout: 30_000 },
    );
  }
  throw new Error(`Show All did not finish within ${timeoutMs} ms; the status line says "${await status.textContent()}"`);
}

/**
 * Reads `read()` until it deep-equals `expected` or `timeoutMs` passes, and returns the last value,
 * so the test's own `expect(...).toEqual(expected)` shows a readable difference when it never got there.
 */
export async function settled<T>(read: () => Promise<T>, expected: T, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!isDeepStrictEqual(value, expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

/** An attribute of the element that has the keyboard focus. */
export const focusedAttribute = (page: Page, name: string): Promise<string | null> => page.evaluate((attr) => document.activeElement?.getAttribute(attr) ?? null, name);
