/**
 * Everything the pane reads from the Office host, in one plain module (no React), so components
 * receive plain values as props and run without Office. In a plain browser — or when office.js
 * could not load — the pane runs with `office: false` and the light theme.
 */
import type { OfficeThemeColors } from './theme';

export interface HostInfo {
  /** True once Office.onReady reported a host (Outlook); false in a plain browser. */
  office: boolean;
  host: string | null;
  platform: string | null;
  theme: OfficeThemeColors | null;
}

export const PLAIN_BROWSER: HostInfo = { office: false, host: null, platform: null, theme: null };

/** A tiny external store for useSyncExternalStore: Office.onReady may report after the first render, and more than once. */
export interface HostStore {
  get(): HostInfo;
  set(next: HostInfo): void;
  subscribe(listener: () => void): () => void;
}

export function createHostStore(initial: HostInfo = PLAIN_BROWSER): HostStore {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(next) {
      current = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function readTheme(): OfficeThemeColors | null {
  // officeTheme is missing on many Outlook clients (and throws on a few): then the pane keeps its light theme.
  try {
    const theme = Office.context?.officeTheme as (Office.OfficeTheme & { isDarkTheme?: boolean }) | undefined;
    if (!theme) return null;
    const colors: OfficeThemeColors = {};
    if (theme.bodyBackgroundColor) colors.bodyBackgroundColor = theme.bodyBackgroundColor;
    if (theme.bodyForegroundColor) colors.bodyForegroundColor = theme.bodyForegroundColor;
    if (theme.controlBackgroundColor) colors.controlBackgroundColor = theme.controlBackgroundColor;
    if (theme.controlForegroundColor) colors.controlForegroundColor = theme.controlForegroundColor;
    if (typeof theme.isDarkTheme === 'boolean') colors.isDarkTheme = theme.isDarkTheme;
    return colors;
  } catch (error) {
    console.warn('Dialpane: cannot read the Office theme; using the light theme.', error);
    return null;
  }
}

/**
 * Registers for Office.onReady without waiting for it: the pane is already rendered.
 * Each time Office reports (it can, e.g. after the host reinitialises the pane), the store updates.
 */
export function connectOffice(store: HostStore, office: typeof Office | undefined = typeof Office === 'undefined' ? undefined : Office, onReport?: () => void): void {
  if (!office || typeof office.onReady !== 'function') return;
  const update = (info: { host: Office.HostType | null; platform: Office.PlatformType | null }): void => {
    store.set({ office: info.host !== null, host: info.host === null ? null : String(info.host), platform: info.platform === null ? null : String(info.platform), theme: info.host !== null ? readTheme() : null });
    // The mailbox watcher re-reads the open item on every report (Outlook on the web reports again).
    if (info.host !== null) onReport?.();
  };
  office.onReady(update).catch((error: unknown) => {
    console.warn('Dialpane: Office.onReady failed; running as a plain web page.', error);
  });
  // Office.initialize is the older entry point some hosts still call (possibly again on reload).
  office.initialize = () => {
    office.onReady(update).catch((error: unknown) => console.warn('Dialpane: Office.onReady failed after initialize.', error));
  };
}

/** Outlook switched theme while the pane is open (OfficeThemeChanged): read it again. */
export function refreshTheme(store: HostStore): void {
  const current = store.get();
  if (current.office) store.set({ ...current, theme: readTheme() });
}
