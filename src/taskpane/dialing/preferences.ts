/**
 * The user's own settings, kept where the pane runs: inside Outlook in the add-in's roaming
 * settings (they follow the mailbox to every Outlook the user opens), in a plain browser in
 * localStorage, and in memory when neither is available (a locked-down browser). Plain module.
 *
 * The one setting today is "my phone": which dialer places my calls, and my device or line on it.
 */
import { DEVICE_PATTERN } from '../../shared/api';

/** Office.RoamingSettings, as far as the pane uses it. */
export interface RoamingSettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: { status: unknown; error?: { message?: string } }) => void): void;
}

/** The Storage of window.localStorage, as far as the pane uses it. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface SettingsBackend {
  readonly kind: 'roaming' | 'local' | 'memory';
  read(name: string): unknown;
  /** Resolves once the value is stored (roaming settings: saved to the mailbox). */
  write(name: string, value: unknown): Promise<void>;
}

export class SettingsError extends Error {
  readonly code = 'SETTINGS_NOT_SAVED';
}

export function roamingBackend(settings: RoamingSettingsLike, succeeded: unknown): SettingsBackend {
  return {
    kind: 'roaming',
    read: (name) => settings.get(name),
    write: (name, value) =>
      new Promise((resolve, reject) => {
        if (value === undefined) settings.remove(name);
        else settings.set(name, value);
        settings.saveAsync((result) => (result.status === succeeded ? resolve() : reject(new SettingsError(result.error?.message ?? 'Outlook did not save the settings.'))));
      }),
  };
}

/** Keys are prefixed: the pane shares its origin with nothing else, but a prefix keeps it tidy. */
export function localBackend(storage: StorageLike, prefix = 'dialpane.'): SettingsBackend {
  return {
    kind: 'local',
    read(name) {
      const text = storage.getItem(prefix + name);
      if (text === null) return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return undefined; // written by something else: as if unset
      }
    },
    async write(name, value) {
      try {
        if (value === undefined) storage.removeItem(prefix + name);
        else storage.setItem(prefix + name, JSON.stringify(value));
      } catch (error) {
        // A DOMException (QuotaExceededError) is not an Error in every realm: read its message by shape.
        const message = typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string' ? (error as { message: string }).message : String(error);
        throw new SettingsError(message);
      }
    },
  };
}

export function memoryBackend(): SettingsBackend {
  const values = new Map<string, unknown>();
  return {
    kind: 'memory',
    read: (name) => values.get(name),
    async write(name, value) {
      if (value === undefined) values.delete(name);
      else values.set(name, value);
    },
  };
}

/** One memory store for the page: what is set there lasts until the pane closes. */
let memory: SettingsBackend | undefined;

/** Roaming settings inside Outlook (they exist once Office reported), else localStorage, else memory. */
export function chooseBackend(office: { roamingSettings?: RoamingSettingsLike; succeeded: unknown } | undefined, storage: () => StorageLike | undefined): SettingsBackend {
  if (office?.roamingSettings) return roamingBackend(office.roamingSettings, office.succeeded);
  try {
    const local = storage();
    if (local) return localBackend(local);
  } catch (error) {
    // Some browsers throw on the mere access to localStorage when storage is blocked.
    console.info('Dialpane: localStorage is not available; settings last until the pane closes.', error);
  }
  memory ??= memoryBackend();
  return memory;
}

export interface MyPhone {
  dialerId: string;
  /** My device on that dialer (WebDialer device name, a template's {device}); the dialer's default when absent. */
  device?: string;
  /** My line on that device. */
  line?: string;
}

export const MY_PHONE_SETTING = 'myPhone';

const isText = (v: unknown): v is string => typeof v === 'string';

/** The stored choice, or null when none is stored or it is not a valid one (edited by hand, older format). */
export function readMyPhone(backend: SettingsBackend): MyPhone | null {
  const value = backend.read(MY_PHONE_SETTING);
  if (typeof value !== 'object' || value === null) return null;
  const { dialerId, device, line } = value as Record<string, unknown>;
  if (!isText(dialerId) || dialerId === '' || dialerId.length > 128) return null;
  const phone: MyPhone = { dialerId };
  if (isText(device) && DEVICE_PATTERN.test(device)) phone.device = device;
  if (isText(line) && DEVICE_PATTERN.test(line)) phone.line = line;
  return phone;
}

export function saveMyPhone(backend: SettingsBackend, phone: MyPhone): Promise<void> {
  const value: MyPhone = { dialerId: phone.dialerId };
  if (phone.device !== undefined && phone.device !== '') value.device = phone.device;
  if (phone.line !== undefined && phone.line !== '') value.line = phone.line;
  return backend.write(MY_PHONE_SETTING, value);
}
