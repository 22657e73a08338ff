/**
 * What each request of a load is, on both sides of a comparison: the n-th search, email batch or
 * number is the same whether ldapts sends it raw or the API answers it, so raw, live and index
 * figures are of one mix. Everything is drawn from the generated people, deterministically.
 */
import type { Client } from 'ldapts';
import { SEARCH_DEFAULT_LIMIT } from '../src/shared/api';
import { mailOf, type FixturePerson } from '../test/fixtures/people';
import type { ApiRequest } from './api-load';
import { benchQueries } from './queries';
import type { RawLdap } from './raw-ldap';

export const EMAIL_BATCH = 50;

export interface Workload {
  /** Short name for the table, e.g. "search". */
  name: string;
  /** The n-th request sent raw with ldapts on a bound connection. */
  raw: (ldap: RawLdap, client: Client, n: number) => Promise<number>;
  api: (directoryId: string, n: number) => ApiRequest;
}

export function searchWorkload(people: readonly FixturePerson[]): Workload & { queries: string[] } {
  const queries = benchQueries(people);
  const q = (n: number): string => queries[n % queries.length] as string;
  return {
    name: 'search',
    queries,
    raw: (ldap, client, n) => ldap.search(client, q(n), SEARCH_DEFAULT_LIMIT),
    // The pane's request: the default limit, as src/taskpane/hooks/useSearch.ts asks.
    api: (id, n) => ({ path: `/api/directories/${id}/people?q=${encodeURIComponent(q(n))}` }),
  };
}

/** The addresses of one open message: 50 colleagues spread over the directory, a different set each time. */
export function emailBatch(people: readonly FixturePerson[], n: number): string[] {
  return Array.from({ length: EMAIL_BATCH }, (_, k) => mailOf(people[(n * 7919 + k * 613) % people.length] as FixturePerson));
}

export function emailWorkload(people: readonly FixturePerson[]): Workload {
  return {
    name: `email ×${EMAIL_BATCH}`,
    raw: (ldap, client, n) => ldap.emails(client, emailBatch(people, n)),
    api: (id, n) => ({ method: 'POST', path: '/api/lookup/emails', body: { addresses: emailBatch(people, n), directoryId: id } }),
  };
}

/** A caller ID as a phone system delivers it: E.164 of someone's work number (stored in four spellings). */
export function callerNumber(people: readonly FixturePerson[], n: number): string {
  const p = people[(n * 7717) % people.length] as FixturePerson;
  return `+1${(p.telephoneNumber ?? '').replace(/\D/g, '').slice(-10)}`;
}

export function numberWorkload(people: readonly FixturePerson[]): Workload {
  return {
    name: 'number',
    raw: (ldap, client, n) => ldap.number(client, callerNumber(people, n)),
    api: (id, n) => ({ path: `/api/lookup?number=${encodeURIComponent(callerNumber(people, n))}&directoryId=${id}` }),
  };
}
