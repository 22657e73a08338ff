import { Router } from 'express';
import { SEARCH_DEFAULT_LIMIT, SEARCH_MAX_LIMIT, type DirectorySummary } from '../../src/shared/api';
import type { Directory } from '../directory/directory';
import { DialpaneError, badQuery } from '../errors';

export const SHOW_ALL_DEFAULT_PAGE = 200;
export const SHOW_ALL_MAX_PAGE = 1000;

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

export function directoriesRouter(directories: readonly Directory[]): Router {
  const byId = new Map(directories.map((d) => [d.id, d]));
  const find = (id: string): Directory => {
    const directory = byId.get(id);
    if (!directory) {
      throw new DialpaneError('DIRECTORY_NOT_FOUND', `There is no directory "${id}".`, `Use one of the ids from GET /api/directories: ${[...byId.keys()].join(', ')}.`);
    }
    return directory;
  };

  const router = Router();

  router.get('/', (_req, res) => {
    const list: DirectorySummary[] = directories.map((d) => ({ id: d.id, displayName: d.displayName }));
    res.json(list);
  });

  router.get('/:id/people', async (req, res) => {
    const directory = find(req.params.id);
    const q = singleString(req.query['q'], 'q');
    const cursor = singleString(req.query['cursor'], 'cursor');
    if (q !== undefined && cursor !== undefined) throw badQuery('q and cursor cannot be used together.', 'Pass q to search, or cursor (or nothing) for Show All.');
    if (q !== undefined) {
      const limit = intParam(req.query['limit'], 'limit', SEARCH_DEFAULT_LIMIT, SEARCH_MAX_LIMIT);
      res.json(await directory.search(q, limit));
      return;
    }
    const limit = intParam(req.query['limit'], 'limit', SHOW_ALL_DEFAULT_PAGE, SHOW_ALL_MAX_PAGE);
    res.json(await directory.listPage(cursor === '' ? undefined : cursor, limit));
  });

  router.get('/:id/people/:personId', async (req, res) => {
    const directory = find(req.params.id);
    const person = await directory.get(req.params.personId);
    if (!person) {
      throw new DialpaneError('PERSON_NOT_FOUND', 'Nobody in this directory has that id.', 'The person may have left or been moved; search again.');
    }
    res.json(person);
  });

  return router;
}
