/**
 * For the directory index's tests against the real servers: one app serving the same directory
 * twice — "live" (index: off, every search goes to LDAP) and "indexed" — so each answer of the
 * index is compared with the live path's answer to the same request, in the same run.
 */
import type { Express } from 'express';
import request from 'supertest';
import { byDisplayName } from '../../server/directory/entry';
import { IndexedDirectory } from '../../server/directory/index/indexed-directory';
import { parseQuery, personMatches } from '../../server/directory/query';
import type { Directory } from '../../server/directory/directory';
import type { EmailLookupResponse, DirectoriesHealthResponse, IndexHealth, NumberLookupResponse, Person, SearchResponse } from '../../src/shared/api';
import { showAll, type TestApp } from './helpers';

export const LIVE_ID = 'live';
export const INDEXED_ID = 'indexed';

export function indexedDirectory(directories: readonly Directory[], id = INDEXED_ID): IndexedDirectory {
  const directory = directories.find((d) => d.id === id);
  if (!(directory instanceof IndexedDirectory)) throw new Error(`directory ${id} has no index`);
  return directory;
}

export async function search(app: Express, directoryId: string, q: string, limit = 25): Promise<SearchResponse> {
  const res = await request(app).get(`/api/directories/${directoryId}/people`).query({ q, limit: String(limit) }).expect(200);
  return res.body as SearchResponse;
}

export async function lookupEmails(app: Express, directoryId: string, addresses: readonly string[]): Promise<EmailLookupResponse> {
  return (await request(app).post('/api/lookup/emails').send({ addresses, directoryId }).expect(200)).body as EmailLookupResponse;
}

export async function lookupNumber(app: Express, number: string, directoryId?: string): Promise<NumberLookupResponse> {
  const query: Record<string, string> = { number };
  if (directoryId !== undefined) query['directoryId'] = directoryId;
  return (await request(app).get('/api/lookup').query(query).expect(200)).body as NumberLookupResponse;
}

export async function indexHealth(app: Express, directoryId = INDEXED_ID): Promise<IndexHealth | undefined> {
  const health = (await request(app).get('/api/health/directories').expect(200)).body as DirectoriesHealthResponse;
  return health.directories.find((d) => d.id === directoryId)?.index;
}

/** Everyone the live path lists (Show All through the API), for computing what a search must answer. */
export async function everyoneLive(t: TestApp): Promise<Person[]> {
  return (await showAll(t.app, LIVE_ID, 1000)).people;
}

/** What a search must answer: everyone matching, by display name (the meaning of a search, query.ts). */
export function expectedSearch(everyone: readonly Person[], q: string, limit: number): SearchResponse {
  const matches = everyone.filter((p) => personMatches(p, parseQuery(q))).sort(byDisplayName);
  return { people: matches.slice(0, limit), more: matches.length > limit };
}

/**
 * Polls until `check` holds (the index syncs on its own schedule); fails naming `what` when it
 * never does. Only a bound on waiting: tests assert the values found, never how long it took.
 */
export async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`never happened within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
