/**
 * A directory index over time (server/directory/index/directory-index.ts): the first load, the
 * schedule of delta syncs, deletion checks and full reloads, what each reports, and what happens
 * when the directory fails or holds more people than allowed. The source is people in memory
 * (test/fixtures/memory-index-source.ts); the LDAP source runs against real servers in
 * test/integration/index-*.test.ts.
 */
import { DirectoryIndex, type IndexSettings } from '../../server/directory/index/directory-index';
import { IndexedDirectory } from '../../server/directory/index/indexed-directory';
import { LdifDirectory } from '../../server/directory/ldif-directory';
import { DEMO_LDIF_PATH } from '../../server/directory/demo';
import { parseQuery } from '../../server/directory/query';
import { numberKeys, person, phones, sourcePerson } from '../fixtures/index-people';
import { MemoryIndexSource, unreachable } from '../fixtures/memory-index-source';

const SETTINGS: IndexSettings = { syncIntervalSeconds: 3600, deletionCheckEvery: 0, fullReloadEvery: 0, maxPeople: 1000 };
const ann = sourcePerson(person({ id: 'ann', displayName: 'Ann Archer', givenName: 'Ann', surname: 'Archer', mail: 'ann@monkey.com', phones: ['+1 408 555 0100'] }));
const bob = sourcePerson(person({ id: 'bob', displayName: 'Bob Baker', givenName: 'Bob', surname: 'Baker', mail: 'bob@monkey.com' }));
const cat = sourcePerson(person({ id: 'cat', displayName: 'Cat Cooper', givenName: 'Cat', surname: 'Cooper' }));

const names = (index: DirectoryIndex): string[] => index.current?.records.map((r) => r.displayName) ?? [];
let opened: DirectoryIndex[] = [];
function indexOf(source: MemoryIndexSource, settings: Partial<IndexSettings> = {}): DirectoryIndex {
  const index = new DirectoryIndex('corp', source, numberKeys, { ...SETTINGS, ...settings });
  opened.push(index);
  return index;
}
afterEach(async () => {
  await Promise.all(opened.map((i) => i.close()));
  opened = [];
});

describe('directory index', () => {
  it('when it first loads, then everyone is indexed in order and health reports the full load', async () => {
    const index = indexOf(new MemoryIndexSource([cat, ann, bob]));
    expect(index.health()).toMatchObject({ state: 'loading', people: 0, loadedAt: null, syncedAt: null, ageSeconds: null, lastSync: null });
    const report = await index.loaded();
    expect(report).toMatchObject({ kind: 'full', ok: true, people: 3, added: 3, changed: 0, removed: 0 });
    expect(names(index)).toEqual(['Ann Archer', 'Bob Baker', 'Cat Cooper']);
    const health = index.health();
    expect(health).toMatchObject({ state: 'ready', people: 3, ageSeconds: 0, syncIntervalSeconds: 3600, lastSync: report });
    expect(health.syncedAt).toBe(report.at);
    expect(Date.parse(health.loadedAt ?? '')).not.toBeNaN();
  });

  it('when people are added, changed and disabled, then a delta sync applies exactly those changes', async () => {
    const source = new MemoryIndexSource([ann, bob, cat]);
    const index = indexOf(source);
    await index.loaded();
    source.put(sourcePerson(person({ id: 'dan', displayName: 'Dan Dunn' })));
    source.put(sourcePerson(person({ id: 'bob', displayName: 'Robert Baker', givenName: 'Robert', surname: 'Baker' })));
    source.disable('cat');
    const report = await index.sync('delta');
    expect(report).toMatchObject({ kind: 'delta', ok: true, people: 3, added: 1, changed: 1, removed: 1 });
    expect(names(index)).toEqual(['Ann Archer', 'Dan Dunn', 'Robert Baker']);
    expect(index.current?.search(parseQuery('rob'), 10).records.map((r) => r.id)).toEqual(['bob']);
  });

  it('when an entry is touched but nothing shown changed, then the sync counts no change', async () => {
    const source = new MemoryIndexSource([ann]);
    const index = indexOf(source);
    await index.loaded();
    const before = index.current;
    source.put(ann);
    expect(await index.sync('delta')).toMatchObject({ kind: 'delta', added: 0, changed: 0, removed: 0 });
    expect(index.current).toBe(before);
  });

  it('when someone is deleted, then deltas cannot see it and the deletion check removes them', async () => {
    const source = new MemoryIndexSource([ann, bob]);
    const index = indexOf(source);
    await index.loaded();
    source.delete('bob');
    expect(await index.sync('delta')).toMatchObject({ kind: 'delta', removed: 0 });
    expect(names(index)).toEqual(['Ann Archer', 'Bob Baker']);
    expect(await index.sync('deletions')).toMatchObject({ kind: 'deletions', ok: true, people: 1, removed: 1 });
    expect(names(index)).toEqual(['Ann Archer']);
  });

  it('when the deletion check finds someone no change showed, then the index reloads in full', async () => {
    const source = new MemoryIndexSource([ann]);
    const index = indexOf(source);
    await index.loaded();
    source.putUnseen(bob);
    expect(await index.sync('delta')).toMatchObject({ kind: 'delta', added: 0 });
    expect(await index.sync('deletions')).toMatchObject({ kind: 'full', ok: true, people: 2, added: 1 });
    expect(names(index)).toEqual(['Ann Archer', 'Bob Baker']);
  });

  it('when another domain controller answers, then the watermark is useless there and the index reloads in full', async () => {
    const source = new MemoryIndexSource([ann]);
    const index = indexOf(source);
    await index.loaded();
    source.dc = 'dc2';
    source.delete('ann');
    source.put(bob);
    expect(await index.sync('delta')).toMatchObject({ kind: 'full', ok: true, people: 1, added: 1, removed: 1 });
    expect(names(index)).toEqual(['Bob Baker']);
  });

  it('when syncs run on schedule, then deletion checks and full reloads come every so many syncs', async () => {
    const index = indexOf(new MemoryIndexSource([ann]), { deletionCheckEvery: 2, fullReloadEvery: 5 });
    await index.loaded();
    const kinds: string[] = [];
    for (let i = 0; i < 7; i++) kinds.push((await index.sync()).kind);
    expect(kinds).toEqual(['delta', 'deletions', 'delta', 'deletions', 'full', 'delta', 'deletions']);
  });

  it('when a sync fails, then the last snapshot keeps answering and health names the error', async () => {
    const source = new MemoryIndexSource([ann, bob]);
    const index = indexOf(source);
    const loaded = await index.loaded();
    const before = index.current;
    source.failures.push(unreachable());
    const report = await index.sync('delta');
    expect(report).toMatchObject({ kind: 'delta', ok: false, people: 2, error: { code: 'DIRECTORY_UNREACHABLE', message: 'The connection was refused by 127.0.0.1:1.' } });
    expect(index.current).toBe(before);
    expect(index.health()).toMatchObject({ state: 'ready', people: 2, lastSync: report });
    expect(index.health().syncedAt).toBe(loaded.at);
    expect(await index.sync('delta')).toMatchObject({ ok: true });
  });

  it('when the first load fails, then health says failed and the next sync loads in full', async () => {
    const source = new MemoryIndexSource([ann]);
    source.failures.push(unreachable());
    const index = indexOf(source);
    expect(await index.loaded()).toMatchObject({ kind: 'full', ok: false, people: 0 });
    expect(index.health()).toMatchObject({ state: 'failed', people: 0, loadedAt: null });
    expect(await index.sync()).toMatchObject({ kind: 'full', ok: true, people: 1 });
  });

  it('when the directory holds more people than maxPeople, then nothing is indexed and health says why', async () => {
    const index = indexOf(new MemoryIndexSource([ann, bob, cat]), { maxPeople: 2 });
    const report = await index.loaded();
    expect(report).toMatchObject({ ok: false, error: { code: 'INDEX_TOO_LARGE' } });
    expect(report.error?.message).toContain('index.maxPeople (2)');
    expect(index.current).toBeUndefined();
  });

  it('when the directory outgrows maxPeople, then the index is dropped (answers go live) and everyone is read again only at the next full reload', async () => {
    const source = new MemoryIndexSource([ann, bob]);
    const index = indexOf(source, { maxPeople: 2, fullReloadEvery: 3 });
    await index.loaded();
    source.put(cat);
    expect(await index.sync('delta')).toMatchObject({ ok: false, error: { code: 'INDEX_TOO_LARGE' } });
    expect(index.current).toBeUndefined();
    expect(index.health()).toMatchObject({ state: 'failed', people: 0 });
    const loads = (): number => source.calls.filter((c) => c === 'loadAll').length;
    const loadsBefore = loads();
    await index.sync();
    await index.sync();
    expect(loads()).toBe(loadsBefore);
    source.disable('cat');
    expect(await index.sync()).toMatchObject({ kind: 'full', ok: true, people: 2 });
    expect(loads()).toBe(loadsBefore + 1);
  });
});

describe('a directory answered from its index', () => {
  it('while the index loads, the directory answers; once loaded, the index does', async () => {
    const live = new LdifDirectory('corp', 'Monkey', DEMO_LDIF_PATH, phones);
    let release = (): void => undefined;
    const source = new MemoryIndexSource([ann]);
    source.gate = new Promise((resolve) => (release = resolve));
    const index = indexOf(source);
    const directory = new IndexedDirectory(live, index, numberKeys).start();
    const liveAnswer = await live.search('an', 5);
    expect(liveAnswer.people.length).toBeGreaterThan(0);
    expect(await directory.search('an', 5)).toEqual(liveAnswer);
    expect(directory.searchJson('an', 5)).toBeUndefined();
    expect(directory.pageJson(undefined, 5)).toBeUndefined();
    release();
    await index.loaded();
    expect((await directory.search('an', 5)).people.map((p) => p.displayName)).toEqual(['Ann Archer']);
    expect(JSON.parse(directory.searchJson('an', 5) ?? 'null')).toEqual({ people: [ann.person], more: false });
    expect(await directory.lookupEmails(['ANN@monkey.com', 'nobody@monkey.com'])).toEqual(new Map([['ann@monkey.com', ann.person]]));
    expect(await directory.lookupNumber({ e164: '+14085550100' })).toEqual([{ person: ann.person, phoneIndex: 0 }]);
  });

  it('when a Show All started from the index continues, then its cursor is the index’s; a cursor no index wrote is expired', async () => {
    const index = indexOf(new MemoryIndexSource([ann, bob, cat]));
    const live = new LdifDirectory('corp', 'Monkey', DEMO_LDIF_PATH, phones);
    const directory = new IndexedDirectory(live, index, numberKeys);
    await index.loaded();
    const first = await directory.listPage(undefined, 2);
    expect(first.people.map((p) => p.id)).toEqual(['ann', 'bob']);
    expect(first.nextCursor).toMatch(/^x\./);
    const second = await directory.listPage(first.nextCursor ?? undefined, 2);
    expect(second).toEqual({ people: [cat.person], nextCursor: null });
    await expect(directory.listPage('x.bm90LWEtY3Vyc29y', 2)).rejects.toMatchObject({ code: 'CURSOR_EXPIRED' });
  });
});
