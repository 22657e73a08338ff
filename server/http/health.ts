/** GET /api/health: the service is up, its directories, and the state of each directory index. */
import type { RequestHandler } from 'express';
import type { DirectoryHealth, HealthResponse } from '../../src/shared/api';
import type { Directory } from '../directory/directory';
import { IndexedDirectory } from '../directory/index/indexed-directory';

export function healthHandler(directories: readonly Directory[]): RequestHandler {
  return (_req, res) => {
    const list = directories.map((d): DirectoryHealth => (d instanceof IndexedDirectory ? { id: d.id, displayName: d.displayName, index: d.indexHealth() } : { id: d.id, displayName: d.displayName }));
    const body: HealthResponse = { ok: true, directories: list };
    // Health changes from one call to the next (index age, last sync): never from a cache.
    res.set('Cache-Control', 'no-store').json(body);
  };
}
