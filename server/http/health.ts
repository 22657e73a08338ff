/**
 * GET /api/health/directories: each directory and the state of its index (size, age, last sync).
 * Behind the sign-in gate: GET /api/health stays the public `{ ok: true }` for load balancers.
 */
import type { RequestHandler } from 'express';
import type { DirectoriesHealthResponse, DirectoryHealth } from '../../src/shared/api';
import type { Directory } from '../directory/directory';
import { IndexedDirectory } from '../directory/index/indexed-directory';

export function directoriesHealth(directories: readonly Directory[]): RequestHandler {
  return (_req, res) => {
    const list = directories.map((d): DirectoryHealth => (d instanceof IndexedDirectory ? { id: d.id, displayName: d.displayName, index: d.indexHealth() } : { id: d.id, displayName: d.displayName }));
    const body: DirectoriesHealthResponse = { ok: true, directories: list };
    // Health changes from one call to the next (index age, last sync): never from a cache.
    res.set('Cache-Control', 'no-store').json(body);
  };
}
