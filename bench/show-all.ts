/**
 * Show All of everyone in a directory, timed to the first page and to the end: the raw paged
 * search (pages of 1,000, as Active Directory serves them), and the API page by page as the pane
 * asks for it (GET …/people, then ?cursor= until nextCursor is null). On the API side the
 * service's resident memory before and its peak during the walk tell whether it streams (one
 * page at a time) or holds the list.
 */
import type { PageResponse } from '../src/shared/api';
import { getJson } from './http';
import type { RawLdap } from './raw-ldap';
import type { RunningService } from './service';
import { round } from './stats';

export interface ShowAllFigure {
  side: 'raw' | 'live' | 'index';
  /** People per page asked for. */
  pageSize: number;
  firstPageMs: number;
  totalMs: number;
  people: number;
  pages: number;
  rssBeforeBytes?: number;
  peakRssBytes?: number;
}

export async function rawShowAll(ldap: RawLdap, pageSize: number): Promise<ShowAllFigure> {
  const client = await ldap.connect();
  try {
    await ldap.showAll(client, pageSize); // warm-up: slapd's entry cache, as the API runs find it
    const run = await ldap.showAll(client, pageSize);
    return { side: 'raw', pageSize, firstPageMs: round(run.firstMs), totalMs: round(run.totalMs), people: run.entries, pages: Math.ceil(run.entries / pageSize) };
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

async function walk(service: RunningService, directoryId: string, pageSize: number): Promise<{ firstPageMs: number; totalMs: number; people: number; pages: number }> {
  const started = performance.now();
  let firstPageMs = 0;
  let people = 0;
  let pages = 0;
  let cursor: string | null = null;
  do {
    const query: string = cursor === null ? `?limit=${pageSize}` : `?limit=${pageSize}&cursor=${encodeURIComponent(cursor)}`;
    const page: PageResponse = await getJson<PageResponse>(`${service.origin}/api/directories/${directoryId}/people${query}`);
    if (pages === 0) firstPageMs = performance.now() - started;
    pages++;
    people += page.people.length;
    cursor = page.nextCursor;
  } while (cursor !== null);
  return { firstPageMs, totalMs: performance.now() - started, people, pages };
}

export async function apiShowAll(service: RunningService, side: 'live' | 'index', directoryId: string, pageSize: number): Promise<ShowAllFigure> {
  await walk(service, directoryId, pageSize); // warm-up, like the raw side's
  const rssBeforeBytes = service.rss();
  service.resetPeak();
  const run = await walk(service, directoryId, pageSize);
  return { side, pageSize, firstPageMs: round(run.firstPageMs), totalMs: round(run.totalMs), people: run.people, pages: run.pages, rssBeforeBytes, peakRssBytes: service.peak() };
}
