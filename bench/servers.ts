/**
 * The directories the benchmarks measure, started by the test suite's own starters on loopback:
 * OpenLDAP slapd with 100,000 people (the 9 named fixture people and 99,991 generated ones,
 * bench/people.ts) behind the service account's 1,000-entry cap, with the eq/sub indexes a
 * deployment keeps for a people search (without them every search scans all 100,000), and a Samba AD DC with 10,000
 * (the 10 named, one disabled, and 9,990 generated). Each is stopped by the PID its starter holds.
 */
import { NAMED_PEOPLE, type FixturePerson } from '../test/fixtures/people';
import { SAMBA_SERVICE_ACCOUNT, SAMBA_USERS_DN } from '../test/fixtures/samba-fixture';
import { SLAPD_PEOPLE_DN, SLAPD_SERVICE_ACCOUNT } from '../test/fixtures/slapd-fixture';
import { startSamba, type RunningSamba } from '../test/servers/samba';
import { startSlapd, type RunningSlapd } from '../test/servers/slapd';
import { benchPeople } from './people';

export const SLAPD_PEOPLE = 100_000;
export const SAMBA_PEOPLE = 10_000;

export type DirectoryName = 'slapd' | 'samba';

/** What the benchmarks need of one directory: where it is, who binds, who is in it. */
export interface BenchDirectory {
  name: DirectoryName;
  kind: 'ldap' | 'ad';
  url: string;
  bindUser: string;
  password: string;
  searchBase: string;
  /** The generated people (what queries are drawn from). */
  generated: FixturePerson[];
  /** Entries under the search base. */
  entries: number;
}

export interface BenchServers {
  slapd: BenchDirectory;
  samba: BenchDirectory;
  /** Each server's start, people generated and loaded included (they start side by side). */
  startMs: Record<DirectoryName, number>;
  stop(): Promise<void>;
}

async function timed<T>(start: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await start();
  return { value, ms: Math.round(performance.now() - started) };
}

export async function startBenchServers(log: (line: string) => void): Promise<BenchServers> {
  let slapd: RunningSlapd | undefined;
  let samba: RunningSamba | undefined;
  let slapdPeople: FixturePerson[] = [];
  let sambaPeople: FixturePerson[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all([slapd?.stop(), samba?.stop()]);
  };
  const startMs: Record<DirectoryName, number> = { slapd: 0, samba: 0 };
  // Settled, not Promise.all: when one fails the other must still be stopped once it is up.
  const [slapdStart, sambaStart] = await Promise.allSettled([
    timed(() => {
      slapdPeople = benchPeople(SLAPD_PEOPLE - NAMED_PEOPLE.filter((p) => !p.disabled).length);
      return startSlapd({ bulkPeople: slapdPeople, searchIndexes: true, log: (line) => log(line) });
    }),
    timed(() => {
      sambaPeople = benchPeople(SAMBA_PEOPLE - NAMED_PEOPLE.length);
      return startSamba({ bulkPeople: sambaPeople, log: (line) => log(line) });
    }),
  ]);
  if (slapdStart.status === 'fulfilled') [slapd, startMs.slapd] = [slapdStart.value.value, slapdStart.value.ms];
  if (sambaStart.status === 'fulfilled') [samba, startMs.samba] = [sambaStart.value.value, sambaStart.value.ms];
  if (slapd === undefined || samba === undefined) {
    await stop();
    throw [slapdStart, sambaStart].find((s): s is PromiseRejectedResult => s.status === 'rejected')?.reason;
  }
  return {
    slapd: { name: 'slapd', kind: 'ldap', url: slapd.info.url, bindUser: SLAPD_SERVICE_ACCOUNT.dn, password: SLAPD_SERVICE_ACCOUNT.password, searchBase: SLAPD_PEOPLE_DN, generated: slapdPeople, entries: slapd.info.peopleCount },
    samba: { name: 'samba', kind: 'ad', url: samba.info.url, bindUser: SAMBA_SERVICE_ACCOUNT.upn, password: SAMBA_SERVICE_ACCOUNT.password, searchBase: SAMBA_USERS_DN, generated: sambaPeople, entries: samba.info.peopleCount },
    startMs,
    stop,
  };
}
