/**
 * A real Samba Active Directory DC for the tests: provisioned as realm MONKEY.COM / domain MONKEY
 * into a private temporary directory, run in the foreground (`samba -i -M single`) and stopped by
 * the PID we started.
 *
 * Samba's ports (389, 636, 88, …) are fixed, so each DC takes a loopback address of its own: the
 * first of 127.0.0.2, 127.0.0.3, … that no other test run has reserved (a lock file naming the
 * owner's PID, taken over when that process is gone) and where nothing listens on 389. A busy
 * 127.0.0.1:389 never matters. DIALPANE_TEST_SAMBA_HOST forces an address. The domain gets a random
 * SID, and the start-up probe checks it, so a test run never mistakes another run's DC for its own.
 *
 * Steps and their usual cost on a 2-core machine: provision 5-6 s, first start 2-3 s (Samba writes
 * its TLS CA then), fixtures 3-5 s (one ldapmodify over LDAPS, needed for the accounts' unicodePwd,
 * with a schema extension), then ~0.6 s to expire one password and lock one account.
 */
import { randomInt } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, InvalidCredentialsError } from 'ldapts';
import {
  SAMBA_ADMIN_PASSWORD,
  SAMBA_BASE_DN,
  SAMBA_BIND_FIXTURES,
  SAMBA_DOMAIN,
  SAMBA_EXPIRED_PASSWORD_AGE_DAYS,
  SAMBA_LOCKOUT_THRESHOLD,
  SAMBA_REALM,
  sambaFixture,
} from '../fixtures/samba-fixture';
import type { FixturePerson } from '../fixtures/people';
import { isAlive, isListening, requireCommands, run, startProcess, stopPid, waitUntil, type Started } from './processes';
import { agePasswords } from './samba-auth';

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

/** The text form S-1-5-21-… of a binary SID. */
function sidText(bytes: Buffer): string {
  const authority = bytes.readUIntBE(2, 6);
  const subs = Array.from({ length: bytes.readUInt8(1) }, (_, i) => bytes.readUInt32LE(8 + 4 * i));
  return ['S', bytes.readUInt8(0), authority, ...subs].join('-');
}

/** True when our DC answers: the admin binds and the domain has the SID we provisioned. */
async function answersLdap(url: string, domainSid: string): Promise<boolean> {
  const client = new Client({ url, connectTimeout: 1_000, timeout: 2_000 });
  try {
    await client.bind(ADMIN, SAMBA_ADMIN_PASSWORD);
    const { searchEntries } = await client.search(SAMBA_BASE_DN, { scope: 'base', attributes: ['objectSid'], explicitBufferAttributes: ['objectSid'] });
    const sid = searchEntries[0]?.['objectSid'];
    const found = Buffer.isBuffer(sid) ? sidText(sid) : 'none';
    if (found !== domainSid) throw new Error(`another Samba DC (domain SID ${found}) answers on ${url}`);
    return true;
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

const LOCK_DIR = path.join(os.tmpdir(), 'dialpane-test-locks');

/** Creates the lock file exclusively; a lock whose owner process is gone is removed and taken. */
function takeLock(lock: string): boolean {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      return true;
    } catch {
      let owner = 0;
      try {
        owner = Number(readFileSync(lock, 'utf8'));
      } catch {
        continue; // removed meanwhile: try to create it again
      }
      // An empty file is a lock being written right now: busy.
      if (!Number.isInteger(owner) || owner <= 0 || isAlive(owner)) return false;
      try {
        unlinkSync(lock); // the run that held it is gone; whoever then creates it first wins
      } catch {
        // another run removed it first
      }
    }
  }
  return false;
}

/** Reserves a loopback address for one DC; the returned function gives it back. */
async function reserveLoopbackAddress(): Promise<{ host: string; release: () => void }> {
  mkdirSync(LOCK_DIR, { recursive: true });
  const forced = process.env['DIALPANE_TEST_SAMBA_HOST'];
  const candidates = forced ? [forced] : Array.from({ length: 38 }, (_, i) => `127.0.0.${i + 2}`);
  for (const host of candidates) {
    const lock = path.join(LOCK_DIR, `samba-${host}.lock`);
    if (!takeLock(lock)) continue;
    const release = (): void => {
      try {
        if (readFileSync(lock, 'utf8') === String(process.pid)) unlinkSync(lock);
      } catch {
        // already released
      }
    };
    if (!(await isListening(host, 389))) return { host, release };
    release();
  }
  throw new Error(`no loopback address for a Samba DC: ${candidates.join(', ')} are reserved by other test runs or busy on port 389`);
}

/**
 * The two bind-failure states an LDIF cannot write: a password set days ago (samba-tool on the
 * DC's own database under faketime, so pwdLastSet lies in the past and the account's PSO finds it
 * expired) and a locked-out account (wrong passwords up to its PSO's threshold).
 */
async function finishBindFixtures(o: { url: string; smbConf: string; log: string; faketime: string; sambaTool: string }): Promise<void> {
  const expired = SAMBA_BIND_FIXTURES.passwordExpired;
  await run(
    o.faketime,
    ['-f', `-${SAMBA_EXPIRED_PASSWORD_AGE_DAYS}d`, o.sambaTool, 'user', 'setpassword', expired.upn.split('@')[0] as string, `--newpassword=${expired.password}`, '-s', o.smbConf],
    o.log,
  );
  const locked = SAMBA_BIND_FIXTURES.lockedOut;
  for (let attempt = 0; attempt < SAMBA_LOCKOUT_THRESHOLD; attempt++) {
    const client = new Client({ url: o.url, connectTimeout: 2_000, timeout: 5_000 });
    try {
      await client.bind(locked.upn, 'not-the-password');
      throw new Error(`${locked.upn} bound with a wrong password: the lockout fixture cannot work`);
    } catch (error) {
      if (!(error instanceof InvalidCredentialsError)) throw error;
    } finally {
      await client.unbind().catch(() => undefined);
    }
  }
}

export async function startSamba(options: { bulkCount?: number; bulkPeople?: readonly FixturePerson[]; log?: (line: string) => void } = {}): Promise<RunningSamba> {
  const tools = requireCommands(
    { samba: 'samba', 'samba-tool': 'samba-ad-dc samba-ad-provision python3-samba', ldapmodify: 'ldap-utils', faketime: 'faketime' },
    'The Samba Active Directory test server',
  );
  const say = options.log ?? (() => undefined);
  const { host, release } = await reserveLoopbackAddress();
  const domainSid = `S-1-5-21-${randomInt(1, 2 ** 31)}-${randomInt(1, 2 ** 31)}-${randomInt(1, 2 ** 31)}`;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dialpane-samba-'));
  const runDir = path.join(dir, 'run');
  mkdirSync(runDir);
  const log = path.join(dir, 'samba-setup.log');
  let server: Started | undefined;
  const stop = async (): Promise<void> => {
    if (server) await stopPid(server.pid);
    if (!process.env['DIALPANE_KEEP_SERVERS']) rmSync(dir, { recursive: true, force: true });
    release();
  };

  try {
    const started = Date.now();
    await run(
      tools['samba-tool'] as string,
      [
        'domain', 'provision', '--configfile=/dev/null', `--targetdir=${dir}`,
        `--realm=${SAMBA_REALM}`, `--domain=${SAMBA_DOMAIN}`, `--domain-sid=${domainSid}`, '--server-role=dc',
        '--dns-backend=SAMBA_INTERNAL', `--adminpass=${SAMBA_ADMIN_PASSWORD}`, '--host-name=dc1', `--host-ip=${host}`,
        '--backend-store=mdb', `--option=interfaces=${host}/8`, '--option=bind interfaces only=yes',
        `--option=pid directory=${runDir}`, `--option=ncalrpc dir=${runDir}/ncalrpc`,
        `--option=winbindd socket directory=${runDir}/winbindd`, `--option=ntp signd socket directory=${runDir}/ntp_signd`,
        // Everything that would talk to the network beyond loopback stays off.
        '--option=server services=-nbt -wrepl -dnsupdate -dns -s3fs -winbindd -ntp_signd', '--option=disable netbios=yes',
      ],
      log,
    );
    say(`samba: provisioned on ${host} in ${Date.now() - started} ms`);

    // Given as --option these are dropped; they must be in [global]. Simple binds on 389 need the
    // first; the second makes bulk loads ~3x faster (test data only); the third lets the fixture
    // add the Lync/Skype attribute msRTCSIP-PrimaryUserAddress to the schema, as Lync's schema
    // preparation does on a real domain.
    const smbConf = path.join(dir, 'etc', 'smb.conf');
    writeFileSync(
      smbConf,
      readFileSync(smbConf, 'utf8').replace(/^\[global\]$/m, '[global]\n\tldap server require strong auth = no\n\tldb:nosync = true\n\tdsdb:schema update allowed = true'),
    );

    const url = `ldap://${host}:389`;
    const ldapsUrl = `ldaps://${host}:636`;
    const beforeStart = Date.now();
    server = startProcess(tools['samba'] as string, ['-s', smbConf, '-i', '-M', 'single', '--debuglevel=1'], path.join(dir, 'samba.log'));
    await waitUntil(`Samba on ${url}`, () => answersLdap(url, domainSid), { timeoutMs: 30_000, server });
    say(`samba: LDAP answered ${Date.now() - beforeStart} ms after start`);

    const fixture = sambaFixture(options.bulkCount, options.bulkPeople);
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
    const beforeFinish = Date.now();
    await finishBindFixtures({ url, smbConf, log, faketime: tools['faketime'] as string, sambaTool: tools['samba-tool'] as string });
    say(`samba: bind-failure accounts finished in ${Date.now() - beforeFinish} ms`);
    await agePasswords(dir, log);

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
