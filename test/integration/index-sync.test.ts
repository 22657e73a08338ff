/**
 * The index keeps up with the directory on its own schedule: people added, changed, disabled and
 * deleted on the real servers show in its answers after the next syncs — uSNChanged on Samba AD,
 * modifyTimestamp on OpenLDAP, deletions through the deletion check — and a change that no change
 * search can see (replicated late, with old stamps) makes the index reload in full.
 *
 * Each directory here is an OU of this test's own (test/servers/directory-writes.ts): the people
 * other test files count never change.
 */
import type { Express } from 'express';
import { directoriesConfig, sambaEntry, slapdEntry } from '../servers/env';
import { sambaSandbox, slapdSandbox, UAC_DISABLED, type Sandbox, type SandboxPerson } from '../servers/directory-writes';
import { openApp, type TestApp } from './helpers';
import { eventually, indexedDirectory, indexHealth, INDEXED_ID, search } from './index-helpers';

const RUN = `${process.pid}`;
// Account names end in -idx: a test counting everyone under the domain root leaves them out.
const person = (account: string, givenName: string, surname: string, title = 'Tester'): SandboxPerson => ({ account: `${account}${RUN}-idx`, givenName, surname, title });
// Names no fixture person has: Quokka, Wombat, Numbat, Bilby, Dingo.
const ann = person('qann', 'Quokka', 'Ann');
const ben = person('qben', 'Quokka', 'Ben');
const cid = person('qcid', 'Quokka', 'Cid');
const dot = person('qdot', 'Quokka', 'Dot');

/** The Quokkas the index answers, as "Name: title". */
async function quokkas(app: Express): Promise<string[]> {
  return (await search(app, INDEXED_ID, 'Quokka')).people.map((p) => `${p.displayName}: ${p.title ?? ''}`);
}

async function syncedAnswer(app: Express, expected: string[]): Promise<void> {
  let last: string[] = [];
  await eventually(`the index answers ${JSON.stringify(expected)} (last: ${JSON.stringify(last)})`, async () => {
    last = await quokkas(app);
    return JSON.stringify(last) === JSON.stringify(expected);
  });
  expect(last).toEqual(expected);
}

describe.each([
  ['OpenLDAP (modifyTimestamp)', 'slapd' as const],
  ['Samba AD (uSNChanged)', 'samba' as const],
])('index sync on %s', (_name, server) => {
  let sandbox: Sandbox;
  let t: TestApp;
  beforeAll(async () => {
    sandbox = server === 'slapd' ? await slapdSandbox(`index-sync-${RUN}`) : await sambaSandbox(`Index Sync ${RUN}`);
    for (const p of [ann, ben, cid]) await sandbox.add(p);
    // A sync every second, each with the deletion check.
    const entry = server === 'slapd' ? slapdEntry : sambaEntry;
    t = openApp(directoriesConfig([entry({ id: INDEXED_ID, searchBase: sandbox.dn, index: { syncIntervalSeconds: 1, deletionCheckEvery: 1 } })]));
    await indexedDirectory(t.directories).index.loaded();
  });
  afterAll(async () => {
    await t?.close();
    await sandbox?.close();
  });

  it('when it starts, then it holds the OU’s three people', async () => {
    expect(await quokkas(t.app)).toEqual(['Quokka Ann: Tester', 'Quokka Ben: Tester', 'Quokka Cid: Tester']);
    expect(await indexHealth(t.app)).toMatchObject({ state: 'ready', people: 3, syncIntervalSeconds: 1 });
  });

  it('when a person is added, one changes title and one is deleted, then the next syncs show exactly that', async () => {
    await sandbox.add(dot);
    await sandbox.modify(ben.account, 'title', 'Chief Quokka');
    await sandbox.remove(cid.account);
    await syncedAnswer(t.app, ['Quokka Ann: Tester', 'Quokka Ben: Chief Quokka', 'Quokka Dot: Tester']);
    const health = await indexHealth(t.app);
    expect(health).toMatchObject({ state: 'ready', people: 3, lastSync: { ok: true, people: 3 } });
    expect(health?.syncedAt).toBe(health?.lastSync?.at);
  });

  if (server === 'samba') {
    it('when an account is disabled, then the next sync drops it (it no longer matches the people filter)', async () => {
      await sandbox.modify(dot.account, 'userAccountControl', UAC_DISABLED);
      await syncedAnswer(t.app, ['Quokka Ann: Tester', 'Quokka Ben: Chief Quokka']);
    });
  }
});

describe('index on OpenLDAP when a change cannot be seen by a change search', () => {
  let sandbox: Awaited<ReturnType<typeof slapdSandbox>>;
  let t: TestApp;
  beforeAll(async () => {
    sandbox = await slapdSandbox(`index-late-${RUN}`);
    await sandbox.add(ann);
    // No timer in the way: this test runs each sync itself to read its report.
    t = openApp(directoriesConfig([slapdEntry({ id: INDEXED_ID, searchBase: sandbox.dn, index: { syncIntervalSeconds: 3600, deletionCheckEvery: 2 } })]));
    await indexedDirectory(t.directories).index.loaded();
  });
  afterAll(async () => {
    await t?.close();
    await sandbox?.close();
  });

  it('when a person arrives with stamps older than the last sync, then the delta misses them and the deletion check reloads in full', async () => {
    const index = indexedDirectory(t.directories).index;
    await sandbox.addLate(ben, '20000101000000Z');
    expect(await index.sync('delta')).toMatchObject({ kind: 'delta', ok: true, added: 0, people: 1 });
    expect(await quokkas(t.app)).toEqual(['Quokka Ann: Tester']);
    expect(await index.sync('deletions')).toMatchObject({ kind: 'full', ok: true, added: 1, removed: 0, people: 2 });
    expect(await quokkas(t.app)).toEqual(['Quokka Ann: Tester', 'Quokka Ben: Tester']);
  });

  it('when the late person is deleted again, then the deletion check sees it without a reload', async () => {
    const index = indexedDirectory(t.directories).index;
    await sandbox.remove(ben.account);
    expect(await index.sync('deletions')).toMatchObject({ kind: 'deletions', ok: true, removed: 1, people: 1 });
    expect(await quokkas(t.app)).toEqual(['Quokka Ann: Tester']);
  });
});
