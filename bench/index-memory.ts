/**
 * Memory and CPU of the directory index alone, in this process: 100,000 generated people (the
 * bench's slapd people) become LDAP-shaped entries, then index records, then a snapshot, exactly
 * as a full load does; the heap is measured after a forced GC before and after (node
 * --expose-gc), with the entries already garbage, as in the service after a load.
 *
 *   npx tsx --expose-gc bench/index-memory.ts [count]     (npm run bench runs it too)
 *
 * Prints one JSON object: bytes per person and in total, build times, in-process search times.
 */
import { createHash } from 'node:crypto';
import { attributeMap } from '../server/directory/attributes';
import { AttributeBag, toPerson } from '../server/directory/entry';
import { indexRecord, type IndexRecord } from '../server/directory/index/index-record';
import { Interner } from '../server/directory/index/interner';
import { PeopleIndex } from '../server/directory/index/people-index';
import { compareRanked, sortInSlices } from '../server/directory/index/rank-order';
import { parseQuery } from '../server/directory/query';
import { PhoneNormalizer } from '../server/phone/normalize';
import { NumberKeys } from '../server/phone/number-key';
import { benchPeople } from './people';
import { benchQueries } from './queries';

export interface IndexMemoryResult {
  people: number;
  heapBeforeBytes: number;
  heapAfterBytes: number;
  bytesPerPerson: number;
  totalBytes: number;
  toPersonMs: number;
  sortMs: number;
  buildMs: number;
  searchMicros: { p50: number; p99: number; queries: number };
}

const uuid = (seed: string): string => {
  const h = createHash('sha1').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

function gc(): void {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (collect === undefined) throw new Error('run with --expose-gc (npx tsx --expose-gc bench/index-memory.ts)');
  for (let i = 0; i < 3; i++) collect();
}

export async function measureIndexMemory(count: number): Promise<IndexMemoryResult> {
  const phones = new PhoneNormalizer({ defaultCountry: 'US', extensionPattern: '^[0-9]{3,6}$', extensionContext: 'monkey.com' });
  const keys = new NumberKeys({ defaultCountry: 'US', extensionPattern: '^[0-9]{3,6}$' });
  const map = attributeMap('ldap');
  const fixture = benchPeople(count);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const intern = new Interner();
  let records: IndexRecord[] = [];
  let started = performance.now();
  for (const p of fixture) {
    // The entry as ldapts hands it over: fresh strings per entry, as read from the socket.
    const entry: Record<string, string | string[]> & { dn: string } = {
      dn: `uid=${p.account},ou=people,dc=monkey,dc=com`,
      entryUUID: uuid(p.account),
      cn: `${p.cn}`,
      displayName: `${p.displayName}`,
      givenName: `${p.givenName}`,
      sn: `${p.sn}`,
      mail: `${p.account}@monkey.com`,
      uid: `${p.account}`,
      title: `${p.title}`,
      departmentNumber: `${p.department}`,
      o: 'Monkey Inc.',
      roomNumber: `${p.office}`,
    };
    if (p.telephoneNumber) entry['telephoneNumber'] = `${p.telephoneNumber}`;
    if (p.mobile) entry['mobile'] = `${p.mobile}`;
    if (p.ipPhone) entry['ipPhone'] = `${p.ipPhone}`;
    const person = toPerson(AttributeBag.fromEntry(entry), map, phones);
    if (person) records.push(indexRecord({ person, mails: [`${p.account}@monkey.com`], aliases: [] }, keys, intern));
  }
  const toPersonMs = performance.now() - started;
  started = performance.now();
  records = await sortInSlices(records, compareRanked);
  const sortMs = performance.now() - started;
  started = performance.now();
  const index = await PeopleIndex.build(records);
  const buildMs = performance.now() - started;
  records = [];
  gc();
  const heapAfter = process.memoryUsage().heapUsed;

  const queries = benchQueries(fixture);
  const times: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const q of queries) {
      const t = performance.now();
      index.search(parseQuery(q), 25);
      times.push((performance.now() - t) * 1000);
    }
  }
  times.sort((a, b) => a - b);
  const pick = (p: number): number => Math.round((times[Math.min(times.length - 1, Math.floor(times.length * p))] as number) * 10) / 10;
  const total = heapAfter - heapBefore;
  // Keeps the index alive until measured.
  if (index.size !== fixture.length) throw new Error(`indexed ${index.size} of ${fixture.length}`);
  return {
    people: index.size,
    heapBeforeBytes: heapBefore,
    heapAfterBytes: heapAfter,
    bytesPerPerson: Math.round(total / index.size),
    totalBytes: total,
    toPersonMs: Math.round(toPersonMs),
    sortMs: Math.round(sortMs),
    buildMs: Math.round(buildMs),
    searchMicros: { p50: pick(0.5), p99: pick(0.99), queries: times.length },
  };
}

if (require.main === module) {
  const count = Number(process.argv[2] ?? 100_000);
  measureIndexMemory(count).then(
    (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
