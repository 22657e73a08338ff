/**
 * A real Samba Active Directory DC for the tests: provisioned as realm MONKEY.COM / domain MONKEY
 * into a private temporary directory, listening on a loopback address of its own (127.0.0.2 by
 * default, so a busy 127.0.0.1:389 does not matter; override with DIALPANE_TEST_SAMBA_HOST), run in
 * the foreground (`samba -i -M single`) and stopped by the PID we started.
 *
 * Steps and their usual cost on a 2-core machine: provision 5-6 s, first start 2-3 s (Samba writes
 * its TLS CA then), fixtures 2-4 s (one ldapmodify over LDAPS, needed for the service account's
 * unicodePwd).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'ldapts';
import { SAMBA_ADMIN_PASSWORD, SAMBA_BASE_DN, SAMBA_DOMAIN, SAMBA_REALM, sambaFixture } from '../fixtures/samba-fixture';
import { requireCommands, run, startProcess, stopPid, waitUntil } from './processes';

export interface SambaInfo {
  host: string;
  /** ldap://host:389 */
  url: string;
  /** ldaps://host:636 */
  ldapsUrl: string;
  /** Samba's self-signed CA (the DC certificate has CN=DC1.monkey.com and no SAN). */
  caFile: string;
  /** Host name in the DC certificate: pass as tls.servername. */
  tlsServername: string;
  dir: string;
  pid: number;
  /** Every person added under CN=Users (the facts live in test/fixtures/samba-fixture.ts). */
  peopleCount: number;
}

export interface RunningSamba {
  info: SambaInfo;
  stop(): Promise<void>;
}

const ADMIN = `Administrator@${SAMBA_REALM.toLowerCase()}`;

async function answersLdap(url: string): Promise<boolean> {
  const client = new Client({ url, connectTimeout: 1_000, timeout: 2_000 });
  try {
    await client.bind(ADMIN, SAMBA_ADMIN_PASSWORD);
    await client.search(SAMBA_BASE_DN, { scope: 'base', attributes: ['1.1'] });
    return true;
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

export async function startSamba(options: { host?: string; bulkCount?: number; log?: (line: string) => void } = {}): Promise<RunningSamba> {
  const tools = requireCommands(
    { samba: 'samba', 'samba-tool': 'samba-ad-dc samba-ad-provision python3-samba', ldapmodify: 'ldap-utils' },
    'The Samba Active Directory test server',
  );
  const host = options.host ?? process.env['DIALPANE_TEST_SAMBA_HOST'] ?? '127.0.0.2';
  const say = options.log ?? (() => undefined);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dialpane-samba-'));
  const run_ = path.join(dir, 'run');
  mkdirSync(run_);
  const log = path.join(dir, 'samba-setup.log');
  const started = Date.now();

  await run(
    tools['samba-tool'] as string,
    [
      'domain', 'provision', '--configfile=/dev/null', `--targetdir=${dir}`,
      `--realm=${SAMBA_REALM}`, `--domain=${SAMBA_DOMAIN}`, '--server-role=dc', '--dns-backend=SAMBA_INTERNAL',
      `--adminpass=${SAMBA_ADMIN_PASSWORD}`, '--host-name=dc1', `--host-ip=${host}`, '--backend-store=mdb',
      `--option=interfaces=${host}/8`, '--option=bind interfaces only=yes',
      `--option=pid directory=${run_}`, `--option=ncalrpc dir=${run_}/ncalrpc`,
      `--option=winbindd socket directory=${run_}/winbindd`, `--option=ntp signd socket directory=${run_}/ntp_signd`,
      // Everything that would talk to the network beyond loopback stays off.
      '--option=server services=-nbt -wrepl -dnsupdate -dns -s3fs -winbindd -ntp_signd', '--option=disable netbios=yes',
    ],
    log,
  );
  say(`samba: provisioned in ${Date.now() - started} ms`);

  // Given as --option these are dropped; they must be in [global]. Simple binds on 389 need the first;
  // the second makes bulk loads ~3x faster (test data only).
  const smbConf = path.join(dir, 'etc', 'smb.conf');
  writeFileSync(smbConf, readFileSync(smbConf, 'utf8').replace(/^\[global\]$/m, '[global]\n\tldap server require strong auth = no\n\tldb:nosync = true'));

  const server = startProcess(tools['samba'] as string, ['-s', smbConf, '-i', '-M', 'single', '--debuglevel=1'], path.join(dir, 'samba.log'));
  const stop = async (): Promise<void> => {
    await stopPid(server.pid);
    if (!process.env['DIALPANE_KEEP_SERVERS']) rmSync(dir, { recursive: true, force: true });
  };
  try {
    const url = `ldap://${host}:389`;
    const ldapsUrl = `ldaps://${host}:636`;
    const beforeStart = Date.now();
    await waitUntil(`Samba on ${url}`, () => answersLdap(url), { timeoutMs: 30_000, server });
    say(`samba: LDAP answered ${Date.now() - beforeStart} ms after start`);

    const fixture = sambaFixture(options.bulkCount);
    const ldif = path.join(dir, 'fixtures.ldif');
    writeFileSync(ldif, fixture.ldif);
    const passwordFile = path.join(dir, 'admin.pass');
    writeFileSync(passwordFile, SAMBA_ADMIN_PASSWORD, { mode: 0o600 });
    const beforeLoad = Date.now();
    // LDAPS because Samba accepts a unicodePwd only over an encrypted connection; the CA is Samba's own.
    await run(tools['ldapmodify'] as string, ['-x', '-H', ldapsUrl, '-D', ADMIN, '-y', passwordFile, '-f', ldif], log, {
      env: { LDAPTLS_REQCERT: 'never' },
    });
    say(`samba: ${fixture.people.length} people loaded in ${Date.now() - beforeLoad} ms`);

    return {
      info: {
        host,
        url,
        ldapsUrl,
        caFile: path.join(dir, 'private', 'tls', 'ca.pem'),
        tlsServername: 'dc1.monkey.com',
        dir,
        pid: server.pid,
        peopleCount: fixture.people.length,
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
