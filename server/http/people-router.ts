/** GET /api/people: "All directories" — search or Show All over every configured directory (all-directories.ts). */
import { Router } from 'express';
import { AllDirectories } from '../directory/all-directories';
import type { Directory } from '../directory/directory';
import { answerPeople } from './people-query';

export function peopleRouter(directories: readonly Directory[]): Router {
  const all = new AllDirectories(directories);
  const router = Router();
  router.get('/', async (req, res) => {
    res.json(await answerPeople(req.query, all));
  });
  return router;
}
