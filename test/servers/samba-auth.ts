/**
 * The one sign-in fixture LDIF cannot make (test/fixtures/samba-auth-fixture.ts): an expired
 * password. The DC stamps pwdLastSet with its own clock and refuses to have it written, so the
 * password is set by samba-tool on the DC's local database with the clock five days back
 * (faketime); the account's PSO allows passwords two days old.
 */
import path from 'node:path';
import { AUTH_ACCOUNTS, AUTH_PASSWORD } from '../fixtures/samba-auth-fixture';
import { requireCommands, run } from './processes';

export async function agePasswords(dir: string, log: string): Promise<void> {
  const tools = requireCommands({ faketime: 'faketime', 'samba-tool': 'samba-ad-dc samba-ad-provision python3-samba' }, 'The expired-password sign-in fixture');
  const account = AUTH_ACCOUNTS.passwordExpired.account;
  await run(
    tools['faketime'] as string,
    ['-f', '-5d', tools['samba-tool'] as string, 'user', 'setpassword', account, `--newpassword=${AUTH_PASSWORD}`, '-H', path.join(dir, 'private', 'sam.ldb'), '-s', path.join(dir, 'etc', 'smb.conf')],
    log,
  );
}
