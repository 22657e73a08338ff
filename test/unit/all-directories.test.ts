/**
 * "All directories" on two LDIF directories (the real Directory implementation over the demo file):
 * each person once, with the directory of the first copy; a failing directory named, not fatal.
 */
import pino from 'pino';
import { parseConfig } from '../../server/config/load';
import { DEMO_LDIF_PATH } from '../../server/directory/demo';
import { AllDirectories, withoutDuplicates } from '../../server/directory/all-directories';
import { createDirectories } from '../../server/directory/create-directories';
import type { Person } from '../../src/shared/api';

const ldif = (id: string, displayName: string): Record<string, unknown> => ({ id, displayName, kind: 'ldif', file: DEMO_LDIF_PATH });
const person = (id: string, displayName: string, mail?: string): Person => ({ id, displayName, phones: [], ...(mail ? { mail } : {}) });

describe('dropping duplicates', () => {
  it('keeps the first of people sharing an id or a mail address (ignoring case), in order', () => {
    const people = [person('a', 'Ann', 'ann@x.com'), person('b', 'Bob'), person('a', 'Ann again'), person('c', 'Ann elsewhere', 'ANN@x.com'), person('d', 'Dan')];
    expect(withoutDuplicates(people).map((p) => p.displayName)).toEqual(['Ann', 'Bob', 'Dan']);
  });
});

describe('All directories over two copies of the demo', () => {
  const loaded = parseConfig({ directories: [ldif('hq', 'Headquarters'), ldif('branch', 'Branch')] }, {});
  const all = new AllDirectories(createDirectories(loaded));

  it('when a person is in both, then they come once, from the first directory', async () => {
    const answer = await all.search('Müller', 25);
    expect(answer.people.map((p) => [p.displayName, p.directoryId])).toEqual([['Jürgen Müller', 'hq']]);
    expect(answer).not.toHaveProperty('failures');
  });

  it('when Show All walks both, then the second directory follows the first', async () => {
    const first = await all.listPage(undefined, 1000);
    expect(first.people.every((p) => p.directoryId === 'hq')).toBe(true);
    expect(first.nextCursor).toBe('1~');
    const second = await all.listPage(first.nextCursor ?? undefined, 1000);
    expect(second.people).toHaveLength(first.people.length);
    expect(second.people.every((p) => p.directoryId === 'branch')).toBe(true);
    expect(second.nextCursor).toBeNull();
  });

  it.each([['9~'], ['x'], ['0~o-1']])('when the cursor is %j, then it is CURSOR_EXPIRED', async (cursor) => {
    await expect(all.listPage(cursor, 10)).rejects.toMatchObject({ code: 'CURSOR_EXPIRED' });
  });
});

describe('the demo directory check', () => {
  it('when the LDIF directory is checked, then the file step and the people count pass', async () => {
    const [demo] = createDirectories(parseConfig({ directories: [ldif('demo', 'Demo directory')] }, {}));
    const check = await demo!.check();
    expect(check.ok).toBe(true);
    expect(check.people).toBe(203);
    expect(check.steps.map((s) => `${s.id}:${s.status}`)).toEqual(['reach:ok', 'tls:skipped', 'bind:skipped', 'searchBase:skipped', 'people:ok']);
  });
});

describe('start-up warnings', () => {
  it('when certificate checks are turned off, then creating the directories logs a warning naming the directory and the safe setting', () => {
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    const loaded = parseConfig(
      {
        directories: [
          {
            id: 'corp',
            displayName: 'Monkey HQ',
            kind: 'ad',
            url: 'ldaps://dc1.monkey.com',
            bindUser: 'MONKEY\\svc-dialpane',
            passwordEnv: 'CORP_PW',
            searchBase: 'CN=Users,DC=monkey,DC=com',
            tls: { rejectUnauthorized: false },
          },
        ],
      },
      { CORP_PW: 'Secret-Pass-1' },
    );
    createDirectories(loaded, { logger });
    expect(lines.map((l) => JSON.parse(l) as { level: number; msg: string })).toEqual([
      expect.objectContaining({
        level: 40,
        msg: 'directory "corp": tls.rejectUnauthorized is false — the directory\'s certificate is not verified, so a machine in between could read the bind password. Set tls.caFile instead.',
      }),
    ]);
    expect(lines.join('')).not.toContain('Secret-Pass-1');
  });
});
