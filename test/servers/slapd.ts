/**
 * A private OpenLDAP slapd for the tests: suffix dc=monkey,dc=com on ldap://127.0.0.1:<free port>,
 * its own slapd.conf and database in a temporary directory, loaded with slapadd (which generates
 * entryUUID), run in the foreground (`-d 0`) and stopped by the PID we started.
 *
 * The service account is capped like Active Directory caps everyone: 1,000 entries per unpaged
 * search (sizeLimitExceeded beyond), unlimited in total through the paged results control.
 * Limits never apply to the rootdn, so the tests bind as the service account.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'ldapts';
import type { FixturePerson } from '../fixtures/people';
import { SLAPD_ROOT, SLAPD_SERVICE_ACCOUNT, SLAPD_SIZE_LIMIT, SLAPD_SUFFIX, slapdFixture } from '../fixtures/slapd-fixture';
import { freePort, requireCommands, run, startProcess, stopPid, waitUntil } from './processes';

export interface SlapdInfo {
  /** ldap://127.0.0.1:<port> */
  url: string;
  port: number;
  dir: string;
  pid: number;
  /** Every person under ou=people. */
  peopleCount: number;
}

export interface RunningSlapd {
  info: SlapdInfo;
  stop(): Promise<void>;
}

const SCHEMA_DIR = '/etc/ldap/schema';
const MODULE_DIR = '/usr/lib/ldap';

/**
 * The indexes an OpenLDAP deployment keeps for a people search (the attributes search as you type
 * asks by prefix, the numbers by any substring): the benchmarks load them, so their raw limit is
 * a tuned server's; the tests leave them out (slapadd takes ~10x longer with them).
 */
const SEARCH_INDEXES = ['index cn,sn,givenName,displayName,mail,uid eq,sub', 'index telephoneNumber,mobile eq,sub'];

function slapdConf(dir: string, searchIndexes: boolean): string {
  return `# Private test instance written by test/servers/slapd.ts
include ${SCHEMA_DIR}/core.schema
include ${SCHEMA_DIR}/cosine.schema
include ${SCHEMA_DIR}/inetorgperson.schema
include ${SCHEMA_DIR}/nis.schema
modulepath ${MODULE_DIR}
moduleload back_mdb
pidfile ${dir}/slapd.pid
argsfile ${dir}/slapd.args
sizelimit 500

database mdb
suffix "${SLAPD_SUFFIX}"
rootdn "${SLAPD_ROOT.dn}"
rootpw ${SLAPD_ROOT.password}
directory ${dir}/db
maxsize 4294967296
dbnosync
index objectClass eq
index entryUUID eq
${searchIndexes ? `${SEARCH_INDEXES.join('\n')}\n` : ''}limits dn.exact="${SLAPD_SERVICE_ACCOUNT.dn}" size.soft=${SLAPD_SIZE_LIMIT} size.hard=${SLAPD_SIZE_LIMIT} size.prtotal=unlimited
access to attrs=userPassword by anonymous auth by * none
access to * by users read by * none
`;
}

async function answersLdap(url: string): Promise<boolean> {
  const client = new Client({ url, connectTimeout: 1_000, timeout: 2_000 });
  try {
    await client.bind(SLAPD_SERVICE_ACCOUNT.dn, SLAPD_SERVICE_ACCOUNT.password);
    await client.search(SLAPD_SUFFIX, { scope: 'base', attributes: ['1.1'] });
    return true;
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

export async function startSlapd(options: { bulkCount?: number; bulkPeople?: readonly FixturePerson[]; searchIndexes?: boolean; log?: (line: string) => void } = {}): Promise<RunningSlapd> {
  const tools = requireCommands({ slapd: 'slapd', slapadd: 'slapd' }, 'The OpenLDAP test server');
  const say = options.log ?? (() => undefined);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dialpane-slapd-'));
  mkdirSync(path.join(dir, 'db'));
  const conf = path.join(dir, 'slapd.conf');
  writeFileSync(conf, slapdConf(dir, options.searchIndexes ?? false));
  const fixture = slapdFixture(options.bulkCount, options.bulkPeople);
  const ldif = path.join(dir, 'fixtures.ldif');
  writeFileSync(ldif, fixture.ldif);
  const log = path.join(dir, 'slapd-setup.log');

  const beforeLoad = Date.now();
  await run(tools['slapadd'] as string, ['-q', '-f', conf, '-l', ldif], log);
  say(`slapd: ${fixture.people.length} people loaded in ${Date.now() - beforeLoad} ms`);

  const port = await freePort('127.0.0.1');
  const url = `ldap://127.0.0.1:${port}`;
  // -d 0 keeps slapd in the foreground, so the PID we hold is the server's.
  const server = startProcess(tools['slapd'] as string, ['-h', `${url}/`, '-f', conf, '-d', '0'], path.join(dir, 'slapd.log'));
  const stop = async (): Promise<void> => {
    await stopPid(server.pid);
    if (!process.env['DIALPANE_KEEP_SERVERS']) rmSync(dir, { recursive: true, force: true });
  };
  try {
    const beforeStart = Date.now();
    await waitUntil(`slapd on ${url}`, () => answersLdap(url), { timeoutMs: 15_000, intervalMs: 30, server });
    say(`slapd: answered ${Date.now() - beforeStart} ms after start`);
    return { info: { url, port, dir, pid: server.pid, peopleCount: fixture.people.length }, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
