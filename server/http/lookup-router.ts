/**
 * POST /api/lookup/emails: the people behind the addresses of an open message, in one request per
 * message. Body `{ addresses: string[], directoryId?: string }`; the answer lists every address
 * (duplicates once) in `matches` or `notFound`.
 */
import { Router } from 'express';
import { z } from 'zod';
import { LOOKUP_ADDRESS_PATTERN, LOOKUP_MAX_ADDRESS_LENGTH, LOOKUP_MAX_ADDRESSES } from '../../src/shared/api';
import type { Directory } from '../directory/directory';
import { lookupAcross } from '../directory/lookup-across';
import { DialpaneError } from '../errors';

const body = z
  .object({
    addresses: z
      .array(z.string().trim().max(LOOKUP_MAX_ADDRESS_LENGTH, `must be at most ${LOOKUP_MAX_ADDRESS_LENGTH} characters`).regex(LOOKUP_ADDRESS_PATTERN, 'is not an email address'))
      .min(1, 'must name at least one address')
      .max(LOOKUP_MAX_ADDRESSES, `must name at most ${LOOKUP_MAX_ADDRESSES} addresses; send the rest in another request`),
    directoryId: z.string().min(1).max(128).optional(),
  })
  .strict();

const USAGE = 'Send {"addresses": ["name@example.com", …]} and optionally "directoryId" (every directory when absent).';

export function lookupRouter(directories: readonly Directory[]): Router {
  const router = Router();
  router.post('/lookup/emails', async (req, res) => {
    const parsed = body.safeParse(req.body ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const key = issue?.path.join('.') || 'body';
      const message = issue?.code === 'unrecognized_keys' ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}` : (issue?.message ?? 'is not valid');
      throw new DialpaneError('BAD_REQUEST', `${key}: ${message}.`, USAGE);
    }
    const { addresses, directoryId } = parsed.data;
    let searched = directories;
    if (directoryId !== undefined) {
      searched = directories.filter((d) => d.id === directoryId);
      if (searched.length === 0) {
        throw new DialpaneError('DIRECTORY_NOT_FOUND', `There is no directory "${directoryId}".`, `Use one of the ids from GET /api/directories: ${directories.map((d) => d.id).join(', ')}, or leave directoryId out.`);
      }
    }
    res.json(await lookupAcross(searched, addresses));
  });
  return router;
}
