/**
 * The query of a people list, shared by one directory (GET /api/directories/:id/people) and all of
 * them (GET /api/people): `q` searches as you type, no `q` is Show All from `cursor`.
 */
import type { Request } from 'express';
import { SEARCH_DEFAULT_LIMIT, SEARCH_MAX_LIMIT, type PageResponse, type SearchResponse } from '../../src/shared/api';
import { badQuery } from '../errors';

export const SHOW_ALL_DEFAULT_PAGE = 200;
export const SHOW_ALL_MAX_PAGE = 1000;

export interface PeopleSource {
  search(q: string, limit: number): Promise<SearchResponse>;
  listPage(cursor: string | undefined, pageSize: number): Promise<PageResponse>;
}

function intParam(value: unknown, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !/^\d{1,6}$/.test(value) || Number(value) < 1 || Number(value) > max) {
    throw badQuery(`${name} must be a whole number from 1 to ${max}.`, `Pass ?${name}=${fallback}, or leave it out.`);
  }
  return Number(value);
}

function singleString(value: unknown, name: string): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  throw badQuery(`${name} was given more than once or in an unexpected form.`, `Pass ${name} once, as plain text.`);
}

export async function answerPeople(query: Request['query'], source: PeopleSource): Promise<SearchResponse | PageResponse> {
  const q = singleString(query['q'], 'q');
  const cursor = singleString(query['cursor'], 'cursor');
  if (q !== undefined && cursor !== undefined) throw badQuery('q and cursor cannot be used together.', 'Pass q to search, or cursor (or nothing) for Show All.');
  if (q !== undefined) return source.search(q, intParam(query['limit'], 'limit', SEARCH_DEFAULT_LIMIT, SEARCH_MAX_LIMIT));
  return source.listPage(cursor === '' ? undefined : cursor, intParam(query['limit'], 'limit', SHOW_ALL_DEFAULT_PAGE, SHOW_ALL_MAX_PAGE));
}
