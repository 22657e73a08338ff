/**
 * GET /api/lookup?number=…[&directoryId=…]: reverse lookup for caller ID — the people with a
 * phone that is this number, whatever the spelling on either side (`+1 (408) 555-0100`,
 * `4085550100`, `001 408 555 0100`, `tel:+1-408-555-0100`, or an internal extension such as
 * `4100`). Every directory in configuration order, or one. A directory that fails is named in
 * `failures`; only when every directory fails is the answer an error.
 */
import { Router } from 'express';
import type { DirectoryFailure, NumberLookupResponse, NumberMatch } from '../../src/shared/api';
import type { Directory } from '../directory/directory';
import { lookupNumberIn } from '../directory/number-lookup';
import { badQuery, DialpaneError } from '../errors';
import { hasKey, type NumberKeys } from '../phone/number-key';

const HINT = 'Pass ?number= with the number in any format: +1 (408) 555-0100, 4085550100, 001 408 555 0100, or an internal extension such as 4100.';
const MAX_NUMBER_LENGTH = 64;

export function numberLookupRouter(directories: readonly Directory[], keys: NumberKeys): Router {
  const router = Router();
  router.get('/lookup', async (req, res) => {
    const number = req.query['number'];
    const directoryId = req.query['directoryId'];
    if (typeof number !== 'string' || number.trim() === '') throw badQuery('The number to look up is missing.', HINT);
    if (number.length > MAX_NUMBER_LENGTH) throw badQuery(`The number is longer than ${MAX_NUMBER_LENGTH} characters.`, HINT);
    if (directoryId !== undefined && typeof directoryId !== 'string') throw badQuery('directoryId was given more than once or in an unexpected form.', 'Pass directoryId once, or leave it out to look in every directory.');
    const key = keys.of(number);
    if (!hasKey(key)) throw badQuery(`"${number.trim()}" cannot be read as a phone number: ${key.reason}.`, HINT);
    const searched = directoryId === undefined ? directories : directories.filter((d) => d.id === directoryId);
    if (searched.length === 0) {
      throw new DialpaneError('DIRECTORY_NOT_FOUND', `There is no directory "${directoryId}".`, `Use one of the ids from GET /api/directories: ${directories.map((d) => d.id).join(', ')}, or leave directoryId out.`);
    }
    const answers = await Promise.allSettled(searched.map((d) => lookupNumberIn(d, key, keys)));
    const matches: NumberMatch[] = [];
    const failures: DirectoryFailure[] = [];
    answers.forEach((answer, i) => {
      const directory = searched[i] as Directory;
      if (answer.status === 'fulfilled') {
        for (const m of answer.value) matches.push({ directoryId: directory.id, person: m.person, phoneIndex: m.phoneIndex });
      } else if (answer.reason instanceof DialpaneError) {
        failures.push({ directoryId: directory.id, displayName: directory.displayName, code: answer.reason.code, message: answer.reason.message, hint: answer.reason.hint });
      } else {
        throw answer.reason; // a bug, not a directory problem: the error middleware logs it
      }
    });
    if (failures.length === searched.length) throw (answers.find((a): a is PromiseRejectedResult => a.status === 'rejected') as PromiseRejectedResult).reason;
    const body: NumberLookupResponse = { number: key, matches };
    if (failures.length > 0) body.failures = failures;
    res.json(body);
  });
  return router;
}
