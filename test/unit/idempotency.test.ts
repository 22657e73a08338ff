import { IdempotencyStore } from '../../server/dial/idempotency';
import { DialpaneError } from '../../server/errors';

/** A promise the test settles by hand, so "in flight" is a state, not a race. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('idempotency store', () => {
  let clock = 0;
  const store = (): IdempotencyStore<string> => new IdempotencyStore<string>({ ttlMs: 1000, maxEntries: 2, now: () => clock });

  beforeEach(() => {
    clock = 0;
  });

  it('when the same key arrives while the first is still working, then both get the one execution', async () => {
    const s = store();
    const gate = deferred<string>();
    let runs = 0;
    const work = (): Promise<string> => {
      runs++;
      return gate.promise;
    };
    const first = s.run('key-00001', 'same', work);
    const second = s.run('key-00001', 'same', work);
    gate.resolve('ringing');
    expect(await Promise.all([first, second])).toEqual(['ringing', 'ringing']);
    expect(runs).toBe(1);
  });

  it('when the key comes back later, then the answer (or the error) is replayed until it expires', async () => {
    const s = store();
    let runs = 0;
    const failing = (): Promise<string> => {
      runs++;
      return Promise.reject(new DialpaneError('DIALER_REJECTED', 'refused', 'hint'));
    };
    await expect(s.run('key-00002', 'same', failing)).rejects.toThrow('refused');
    clock = 999;
    await expect(s.run('key-00002', 'same', failing)).rejects.toThrow('refused');
    expect(runs).toBe(1);
    clock = 1000;
    await expect(s.run('key-00002', 'same', failing)).rejects.toThrow('refused');
    expect(runs).toBe(2);
  });

  it('when the key is reused for a different request, then it is refused', async () => {
    const s = store();
    await s.run('key-00003', 'call A', () => Promise.resolve('queued'));
    await expect(s.run('key-00003', 'call B', () => Promise.resolve('queued'))).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', status: 409 });
  });

  it('when more answers are stored than allowed, then the oldest finished ones go and in-flight work stays', async () => {
    const s = store();
    const gate = deferred<string>();
    void s.run('in-flight', 'x', () => gate.promise);
    for (const key of ['done-0001', 'done-0002', 'done-0003']) await s.run(key, 'x', () => Promise.resolve(key));
    expect(s.size).toBe(3);
    let runs = 0;
    await s.run('done-0001', 'x', () => {
      runs++;
      return Promise.resolve('again');
    });
    expect(runs).toBe(1);
    gate.resolve('ringing');
  });
});
