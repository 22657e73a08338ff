import { Router, type Response } from 'express';
import type { DirectorySummary } from '../../src/shared/api';
import type { Directory } from '../directory/directory';
import type { Photo } from '../directory/photo';
import { DialpaneError } from '../errors';
import { answerPeople } from './people-query';

const personNotFound = (): DialpaneError =>
  new DialpaneError('PERSON_NOT_FOUND', 'Nobody in this directory has that id.', 'The person may have left or been moved; search again.');

/**
 * The bytes exactly as stored. The URL the API hands out carries the photo's version (`?v=`), and
 * the ETag is that version, so a browser keeps the photo for a day and asks again cheaply (304).
 */
function sendPhoto(res: Response, photo: Photo): void {
  res.set({
    'Content-Type': photo.contentType,
    ETag: `"${photo.version}"`,
    'Cache-Control': 'private, max-age=86400',
    'X-Content-Type-Options': 'nosniff',
  });
  res.send(photo.bytes);
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
    res.json(await answerPeople(req.query, find(req.params.id)));
  });

  router.get('/:id/people/:personId', async (req, res) => {
    const directory = find(req.params.id);
    const person = await directory.get(req.params.personId);
    if (!person) throw personNotFound();
    res.json(person);
  });

  router.get('/:id/people/:personId/photo', async (req, res) => {
    const directory = find(req.params.id);
    const photo = await directory.photo(req.params.personId);
    if (!photo) throw new DialpaneError('PHOTO_NOT_FOUND', 'This person has no photo in the directory, or nobody has that id.', 'Show the initials instead.');
    sendPhoto(res, photo);
  });

  router.get('/:id/check', async (req, res) => {
    const directory = find(req.params.id);
    // Every check talks to the directory afresh; an answer from a cache would hide a fix.
    res.set('Cache-Control', 'no-store').json(await directory.check());
  });

  return router;
}
