/** The pane's settings storage (src/taskpane/dialing/preferences.ts): Outlook roaming settings, localStorage, memory. */
import { chooseBackend, localBackend, memoryBackend, readMyPhone, roamingBackend, saveMyPhone, SettingsError, type RoamingSettingsLike, type StorageLike } from '../../src/taskpane/dialing/preferences';

/** Office.RoamingSettings as Outlook has it: values in memory until saveAsync sends them to the mailbox. */
class FakeRoaming implements RoamingSettingsLike {
  values: Record<string, unknown> = {};
  saved: Record<string, unknown> = {};
  saves = 0;
  constructor(private readonly outcome: 'succeeded' | 'failed' = 'succeeded') {}
  get = (name: string): unknown => this.values[name];
  set = (name: string, value: unknown): void => {
    this.values[name] = value;
  };
  remove = (name: string): void => {
    delete this.values[name];
  };
  saveAsync = (callback?: (result: { status: unknown; error?: { message?: string } }) => void): void => {
    this.saves++;
    if (this.outcome === 'succeeded') this.saved = { ...this.values };
    setTimeout(() => callback?.(this.outcome === 'succeeded' ? { status: 'succeeded' } : { status: 'failed', error: { message: 'The roaming settings are full.' } }), 0);
  };
}

/** window.localStorage as browsers have it (strings only), optionally full. */
class FakeStorage implements StorageLike {
  readonly items = new Map<string, string>();
  constructor(private readonly full = false) {}
  getItem = (key: string): string | null => this.items.get(key) ?? null;
  setItem = (key: string, value: string): void => {
    if (this.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  };
  removeItem = (key: string): void => {
    this.items.delete(key);
  };
}

describe('settings backends', () => {
  test('when my phone is saved in Outlook, then it is set in the roaming settings and saved to the mailbox once', async () => {
    const roaming = new FakeRoaming();
    const backend = roamingBackend(roaming, 'succeeded');
    await saveMyPhone(backend, { dialerId: 'desk', device: '2002', line: '' });
    expect(roaming.saved).toEqual({ myPhone: { dialerId: 'desk', device: '2002' } });
    expect(roaming.saves).toBe(1);
    expect(readMyPhone(backend)).toEqual({ dialerId: 'desk', device: '2002' });
  });

  test('when Outlook refuses to save, then the write rejects with SETTINGS_NOT_SAVED and the reason', async () => {
    const backend = roamingBackend(new FakeRoaming('failed'), 'succeeded');
    const failure = saveMyPhone(backend, { dialerId: 'desk' });
    await expect(failure).rejects.toBeInstanceOf(SettingsError);
    await expect(failure).rejects.toMatchObject({ code: 'SETTINGS_NOT_SAVED', message: 'The roaming settings are full.' });
  });

  test('when my phone is saved in a browser, then localStorage holds it as JSON under a prefixed key', async () => {
    const storage = new FakeStorage();
    const backend = localBackend(storage);
    await saveMyPhone(backend, { dialerId: 'phone-app' });
    expect([...storage.items]).toEqual([['dialpane.myPhone', '{"dialerId":"phone-app"}']]);
    expect(readMyPhone(backend)).toEqual({ dialerId: 'phone-app' });
  });

  test('when localStorage holds something that is not JSON, then it reads as unset', () => {
    const storage = new FakeStorage();
    storage.items.set('dialpane.myPhone', '{broken');
    expect(readMyPhone(localBackend(storage))).toBeNull();
  });

  test('when localStorage is full, then the write rejects with SETTINGS_NOT_SAVED', async () => {
    await expect(saveMyPhone(localBackend(new FakeStorage(true)), { dialerId: 'desk' })).rejects.toMatchObject({ code: 'SETTINGS_NOT_SAVED', message: 'The quota has been exceeded.' });
  });

  test('when a value is written as undefined, then it is removed', async () => {
    const storage = new FakeStorage();
    const backend = localBackend(storage);
    await backend.write('x', 1);
    await backend.write('x', undefined);
    expect(storage.items.size).toBe(0);
  });
});

describe('choosing where settings live', () => {
  test('when Outlook has roaming settings, then they are used', () => {
    expect(chooseBackend({ roamingSettings: new FakeRoaming(), succeeded: 'succeeded' }, () => new FakeStorage()).kind).toBe('roaming');
  });

  test('when there is no Outlook, then localStorage is used', () => {
    expect(chooseBackend(undefined, () => new FakeStorage()).kind).toBe('local');
  });

  test('when even touching localStorage throws (storage blocked), then one memory store serves the page', async () => {
    const blocked = (): StorageLike => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    };
    const first = chooseBackend(undefined, blocked);
    expect(first.kind).toBe('memory');
    await saveMyPhone(first, { dialerId: 'desk' });
    expect(readMyPhone(chooseBackend(undefined, blocked))).toEqual({ dialerId: 'desk' });
  });
});

describe('reading my phone', () => {
  test.each([
    [undefined, null],
    ['desk', null],
    [{ dialerId: '' }, null],
    [{ dialerId: 42 }, null],
    [{ dialerId: 'desk', device: 'SEP001122334455', line: '1000 ; no partition' }, { dialerId: 'desk', device: 'SEP001122334455', line: '1000 ; no partition' }],
    [{ dialerId: 'desk', device: 'bad\nheader', line: 7 }, { dialerId: 'desk' }],
    [{ dialerId: 'desk', device: '{number}' }, { dialerId: 'desk' }],
  ])('when %j is stored, then it reads as %j', async (stored, expected) => {
    const backend = memoryBackend();
    await backend.write('myPhone', stored);
    expect(readMyPhone(backend)).toEqual(expected);
  });
});
