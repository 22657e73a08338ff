/**
 * Browser end-to-end harness: the built pane (dist/pane) served by the real service (createApp)
 * over HTTPS on a port of its own, and headless Debian Chromium driven by playwright-core.
 *
 * Calls are recorded, not placed: an init script listens to the Navigation API's `navigate` event,
 * records every tel:/sip: destination and cancels it (and wraps window.open, which the pane must
 * never use for calls). A real external-scheme navigation would otherwise leave the tab unable to
 * receive mouse input (see the infra notes), and Playwright's route() never sees tel: at all.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createApp } from '../../server/app';
import type { AuthDeps } from '../../server/auth/create-auth';
import type { LoadedConfig } from '../../server/config/load';
import { createDirectories } from '../../server/directory/create-directories';
import { createDialers } from '../../server/dial/create-dialers';
import type { Directory } from '../../server/directory/directory';
import { tlsMaterial } from '../../server/tls-certificate';
import type { PageResponse } from '../../src/shared/api';

const ROOT = path.resolve(__dirname, '..', '..');
export const PANE_DIR = path.join(ROOT, 'dist', 'pane');
export const SCREENSHOT_DIR = path.join(ROOT, 'test-output', 'screenshots');
const CHROMIUM = process.env['DIALPANE_CHROMIUM'] ?? '/usr/bin/chromium';
/** Outlook's task pane is about this wide. */
export const PANE_VIEWPORT = { width: 360, height: 640 };

/** The e2e tests test what `npm run build` made; they build nothing themselves. */
export function assertPaneBuilt(): void {
  if (!existsSync(path.join(PANE_DIR, 'taskpane.html'))) {
    throw new Error(`${path.relative(ROOT, PANE_DIR)}/taskpane.html is missing: build the pane first with \`npm run build\` (the test command runs it before jest).`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install it with \`apt-get install -y chromium\` (or set DIALPANE_CHROMIUM).`);
  }
}

export interface PaneServer {
  /** e.g. https://127.0.0.1:40123/ — the pane is at its root (taskpane.html is the index). */
  url: string;
  directories: readonly Directory[];
  /** GETs an API path with the service's self-signed certificate accepted. */
  api<T>(pathname: string): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

/**
 * createApp + https.createServer on 127.0.0.1, port 0, with the service's own localhost certificate.
 * `auth` (createAuth) is for configurations with sign-in; the demo and most tests run without.
 */
export async function startPaneServer(loaded: LoadedConfig, options: { auth?: AuthDeps } = {}): Promise<PaneServer> {
  const directories = createDirectories(loaded);
  const app = createApp(loaded.config, { directories, dialers: createDialers(loaded), paneDir: PANE_DIR, ...(options.auth ? { auth: options.auth } : {}) });
  // A CA + localhost certificate made the way the service makes its own, in a directory of this
  // server's (test files run in parallel workers; a shared one could mix two runs' cert and key).
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dialpane-e2e-tls-'));
  const tls = await tlsMaterial({ ...loaded.config.server, dataDir, tlsCertFile: undefined, tlsKeyFile: undefined });
  const server = https.createServer({ cert: tls.cert, key: tls.key }, app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `https://127.0.0.1:${port}/`;
  const agent = new https.Agent({ rejectUnauthorized: false });
  return {
    url,
    directories,
    api: <T>(pathname: string) =>
      new Promise<{ status: number; body: T }>((resolve, reject) => {
        https
          .get(new URL(pathname, url), { agent }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              try {
                resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as T });
              } catch (error) {
                reject(error);
              }
            });
          })
          .on('error', reject);
      }),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
      await Promise.all([...directories.map((d) => d.close()), options.auth?.close()]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Every person Show All can list, counted through the API page by page (what the pane must reach). */
export async function countThroughApi(server: PaneServer, directoryId: string): Promise<number> {
  let count = 0;
  let cursor: string | null = '';
  while (cursor !== null) {
    const query: string = cursor === '' ? '' : `?cursor=${encodeURIComponent(cursor)}`;
    const page: { status: number; body: PageResponse } = await server.api<PageResponse>(`api/directories/${directoryId}/people${query}`);
    if (page.status !== 200) throw new Error(`Show All page failed with HTTP ${page.status}: ${JSON.stringify(page.body)}`);
    count += page.body.people.length;
    cursor = page.body.nextCursor;
  }
  return count;
}

/** Records tel:/sip: navigations into window.__dialpaneCalls and cancels them; see the file comment. */
const RECORD_CALLS = `(() => {
  const calls = [];
  Object.defineProperty(window, '__dialpaneCalls', { value: calls });
  const isCall = (url) => /^(tel|sip|sips|callto|ciscotel):/i.test(String(url));
  if (window.navigation) {
    window.navigation.addEventListener('navigate', (event) => {
      const url = event.destination.url;
      if (!isCall(url)) return;
      calls.push({ url, via: 'navigation' });
      if (event.cancelable) event.preventDefault();
    });
  }
  // Content-Security-Policy violations (the service's CSP must not break the pane): read by cspViolations().
  const violations = [];
  Object.defineProperty(window, '__dialpaneCspViolations', { value: violations });
  document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective + ' ' + e.blockedURI));
  const open = window.open;
  window.open = function (url, ...rest) {
    if (isCall(url)) {
      calls.push({ url: String(url), via: 'window.open' });
      return null;
    }
    return open.call(window, url, ...rest);
  };
})();`;

export interface RecordedCall {
  url: string;
  via: 'navigation' | 'window.open';
}

export interface PaneBrowser {
  context: BrowserContext;
  /** Uncaught errors of any pane tab so far; tests expect none. */
  pageErrors: string[];
  /**
   * A fresh tab on the pane, with calls recorded. `officeJs` replaces office.js with a script of
   * the test's own (a stand-in Office host), served in its place.
   */
  openPane(url: string, options?: { officeJs?: string }): Promise<Page>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<PaneBrowser> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'dialpane-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    ignoreHTTPSErrors: true,
    viewport: PANE_VIEWPORT,
    deviceScaleFactor: 2,
    locale: 'en-US',
  });
  await context.addInitScript(RECORD_CALLS);
  // Office.js outside Office tries a telemetry host on the internet; the tests stay on loopback.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/]|localhost[:/])/, (route) => route.abort('blockedbyclient'));
  const pageErrors: string[] = [];
  return {
    context,
    pageErrors,
    async openPane(url, options = {}) {
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      const { officeJs } = options;
      if (officeJs !== undefined) await page.route('**/office-js/office.js', (route) => route.fulfill({ contentType: 'application/javascript', body: officeJs }));
      await page.goto(url);
      return page;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The CSP violations the page reported so far ("directive blocked-uri"). */
export const cspViolations = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { __dialpaneCspViolations: string[] }).__dialpaneCspViolations.slice());

export const recordedCalls = (page: Page): Promise<RecordedCall[]> => page.evaluate(() => (window as unknown as { __dialpaneCalls: RecordedCall[] }).__dialpaneCalls.slice());

/** Saves test-output/screenshots/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
