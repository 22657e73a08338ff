/**
 * `dialpane doctor` as an administrator runs it: the real command-line entry (server/cli.ts, run by
 * tsx so no build is needed) on a YAML configuration with passwords in files, against the Samba DC.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import type { DirectoryCheck } from '../../src/shared/api';
import { SAMBA_BIND_FIXTURES, SAMBA_SERVICE_ACCOUNT } from '../fixtures/samba-fixture';
import { SAMBA_FACTS, sambaDirectoryInput, testServers } from '../servers/env';

const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function doctor(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [path.join(ROOT, 'server', 'cli.ts'), 'doctor', ...args], { cwd: ROOT, env: { ...process.env, DIALPANE_CONFIG: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dialpane-doctor-'));
  writeFileSync(path.join(dir, 'service.pw'), `${SAMBA_SERVICE_ACCOUNT.password}\n`, { mode: 0o600 });
  writeFileSync(path.join(dir, 'disabled.pw'), `${SAMBA_BIND_FIXTURES.disabled.password}\n`, { mode: 0o600 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeConfig(name: string, directories: Array<Record<string, unknown>>): string {
  const file = path.join(dir, name);
  writeFileSync(file, YAML.stringify({ directories }));
  return file;
}

const samba = (changes: Record<string, unknown> = {}): Record<string, unknown> => ({ ...sambaDirectoryInput(), passwordFile: path.join(dir, 'service.pw'), ...changes });

describe('dialpane doctor', () => {
  it('when one directory passes and two do not, then it prints a ✓/✗ line per step with cause and fix, and exits 1', async () => {
    const file = writeConfig('mixed.yaml', [
      samba(),
      samba({ id: 'disabled', displayName: 'Disabled account', bindUser: SAMBA_BIND_FIXTURES.disabled.upn, passwordFile: path.join(dir, 'disabled.pw') }),
      samba({ id: 'staff', displayName: 'Staff OU', searchBase: 'OU=Staff,CN=Users,DC=monkey,DC=com' }),
    ]);
    const run = await doctor(['--config', file]);
    const server = `${testServers().samba.host}:389`;
    const noTls = '  – TLS: Not used: ldap:// without startTls. The password travels unencrypted unless the network is trusted; use ldaps:// or startTls: true.';
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      [
        `Dialpane doctor: ${file}`,
        '',
        `Monkey AD (Samba) [samba] ldap://${server}`,
        `  ✓ Reach the server: ${server} accepts connections.`,
        noTls,
        `  ✓ Sign in (bind): Signed in as "svc-dialpane@monkey.com" on ${server}.`,
        '  ✓ Search base: CN=Users,DC=monkey,DC=com exists.',
        `  ✓ People: ${SAMBA_FACTS.listedNames.length.toLocaleString('en-US')} people found under CN=Users,DC=monkey,DC=com.`,
        '',
        `Disabled account [disabled] ldap://${server}`,
        `  ✓ Reach the server: ${server} accepts connections.`,
        noTls,
        `  ✗ Sign in (bind): ${server} refused the bind as "svc-disabled@monkey.com": the account is disabled.`,
        '      Fix: Enable the account in Active Directory, or bind as another service account.',
        '  – Search base: Not checked: an earlier step failed.',
        '  – People: Not checked: an earlier step failed.',
        '',
        `Staff OU [staff] ldap://${server}`,
        `  ✓ Reach the server: ${server} accepts connections.`,
        noTls,
        `  ✓ Sign in (bind): Signed in as "svc-dialpane@monkey.com" on ${server}.`,
        `  ✗ Search base: The search base "OU=Staff,CN=Users,DC=monkey,DC=com" does not exist on ${server}. The closest existing parent is CN=Users,DC=monkey,DC=com.`,
        '      Fix: Set searchBase to the container that holds the people, e.g. CN=Users,DC=monkey,DC=com.',
        '      Existing: CN=Users,DC=monkey,DC=com | DC=monkey,DC=com',
        '  – People: Not checked: an earlier step failed.',
        '',
        '2 of 3 directories failed.',
        '',
      ].join('\n'),
    );
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain(SAMBA_SERVICE_ACCOUNT.password);
    expect(run.stdout).not.toContain(SAMBA_BIND_FIXTURES.disabled.password);
  });

  it('when every directory passes and --json is given, then it prints the checks as JSON and exits 0', async () => {
    const file = writeConfig('good.yaml', [samba(), samba({ id: 'by-dn', displayName: 'Bound by DN', bindUser: SAMBA_SERVICE_ACCOUNT.dn })]);
    const run = await doctor([`--config=${file}`, '--json']);
    expect(run.code).toBe(0);
    const checks = JSON.parse(run.stdout) as DirectoryCheck[];
    expect(checks.map((c) => [c.directoryId, c.ok, c.people])).toEqual([
      ['samba', true, SAMBA_FACTS.listedNames.length],
      ['by-dn', true, SAMBA_FACTS.listedNames.length],
    ]);
  });

  it('when the configuration is wrong, then it names the problem and exits 2', async () => {
    const file = writeConfig('bad.yaml', [samba({ url: 'http://dc1' })]);
    const run = await doctor(['--config', file]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'dialpane doctor: Invalid configuration:\n  - directories[0].url: must look like ldap://dc1.example.com:389, ldaps://dc1.example.com:636 or ldap://[fd00::10]:389 (scheme, host, optional port)\n',
    );
  });
});
