/**
 * GET /api/directories/:id/people answered from a directory's index, ahead of directoriesRouter:
 * the people's JSON was serialized when they were indexed, so the answer is those strings joined
 * and written as they are — no Person objects, no JSON.stringify, no ETag hashing of the body
 * (res.send would compute one; a search answer is never revalidated). Anything the index does
 * not answer (index still loading, a live Show All cursor, another directory) goes on to the
 * live route unchanged; errors (BAD_QUERY, CURSOR_EXPIRED) go to the error middleware.
 */
import type { RequestHandler } from 'express';
import type { Directory } from '../directory/directory';
import { IndexedDirectory } from '../directory/index/indexed-directory';
import { parsePeopleQuery } from './people-query';

export function indexedPeople(directories: readonly Directory[]): RequestHandler<{ id: string }> {
  const indexed = new Map<string, IndexedDirectory>();
  for (const d of directories) if (d instanceof IndexedDirectory) indexed.set(d.id, d);
  return (req, res, next) => {
    const directory = indexed.get(req.params.id);
    if (directory === undefined) return next();
    const request = parsePeopleQuery(req.query);
    const json = request.kind === 'search' ? directory.searchJson(request.q, request.limit) : directory.pageJson(request.cursor, request.limit);
    if (json === undefined) return next();
    res.statusCode = 200;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Length', Buffer.byteLength(json));
    res.end(json);
  };
}
