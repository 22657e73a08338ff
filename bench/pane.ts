/**
 * The pane as Outlook loads it: the JavaScript taskpane.html loads up front (its own <script>
 * tags, office.js aside: Office serves that), raw and gzip-compressed as InitialJsBudgetPlugin in
 * webpack.config.js counts it; and, in headless Chromium with the e2e tests' harness and steps,
 * the time from navigation to the search box and to the first row of a search.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { PANE_DIR, assertPaneBuilt, launchBrowser } from '../test/e2e/harness';
import { search } from '../test/e2e/pane-actions';
import { round } from './stats';

export interface PaneBytes {
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

export function initialJs(paneDir = PANE_DIR): PaneBytes {
  const html = readFileSync(path.join(paneDir, 'taskpane.html'), 'utf8');
  const files = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1] as string).filter((src) => !src.startsWith('office-js/'));
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const source = readFileSync(path.join(paneDir, file));
    rawBytes += source.length;
    gzipBytes += gzipSync(source, { level: 9 }).length;
  }
  return { files, rawBytes, gzipBytes };
}

export interface PaneTiming {
  /** Navigation start to the search box on screen. */
  readyMs: number;
  /** Navigation start to the first result row (typing at 20 ms a key and the pane's debounce included). */
  firstResultMs: number;
  /** The last key to the first result row: the pane's debounce, the API request, rendering. */
  afterLastKeyMs: number;
}

/** performance.now() in the page, which counts from the navigation's start, once `selector` matches. */
async function pageTimeWhen(page: Page, selector: string): Promise<number> {
  const handle = await page.waitForFunction((s) => (document.querySelector(s) !== null ? performance.now() : false), selector, { polling: 'raf', timeout: 30_000 });
  return (await handle.jsonValue()) as number;
}

async function once(page: Page, query: string): Promise<PaneTiming> {
  const readyMs = await pageTimeWhen(page, 'input[type="search"], [role="searchbox"]');
  await search(page, query);
  const typedMs = await page.evaluate(() => performance.now());
  const firstResultMs = await pageTimeWhen(page, '[role="listbox"] [role="option"]');
  return { readyMs: round(readyMs), firstResultMs: round(firstResultMs), afterLastKeyMs: round(firstResultMs - typedMs) };
}

/** The first visit (nothing cached) and the median of `warmRuns` later ones, each in a fresh tab. */
export async function paneTiming(origin: string, query: string, warmRuns = 4): Promise<{ query: string; cold: PaneTiming; warm: PaneTiming }> {
  assertPaneBuilt();
  const browser = await launchBrowser();
  try {
    const runs: PaneTiming[] = [];
    for (let i = 0; i <= warmRuns; i++) {
      const page = await browser.openPane(`${origin}/`);
      try {
        runs.push(await once(page, query));
      } finally {
        await page.close();
      }
    }
    if (browser.pageErrors.length > 0) throw new Error(`the pane reported errors: ${browser.pageErrors.join('; ')}`);
    const median = (pick: (t: PaneTiming) => number): number => {
      const values = runs.slice(1).map(pick).sort((a, b) => a - b);
      return values[Math.floor(values.length / 2)] as number;
    };
    return { query, cold: runs[0] as PaneTiming, warm: { readyMs: median((t) => t.readyMs), firstResultMs: median((t) => t.firstResultMs), afterLastKeyMs: median((t) => t.afterLastKeyMs) } };
  } finally {
    await browser.close();
  }
}
