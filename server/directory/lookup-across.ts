/**
 * POST /api/lookup/emails behind the router: the addresses of one message looked up in every
 * directory at once (one query each, in parallel). An address belongs to the first directory, in
 * configuration order, that knows it. A directory that fails does not fail the lookup while
 * another answered: it is named in `failures`. When every directory fails, the first failure is
 * the answer (503 and its cause).
 */
import type { EmailLookupResponse, EmailMatch, LookupFailure, Person } from '../../src/shared/api';
import { DialpaneError } from '../errors';
import type { Directory } from './directory';
import { addressKey, uniqueAddresses } from './email-match';

function asDialpaneError(error: unknown): DialpaneError {
  if (error instanceof DialpaneError) return error;
  return new DialpaneError('DIRECTORY_ERROR', 'The directory lookup failed unexpectedly.', 'Try again; if it keeps happening, the service log has the details.', { cause: error });
}

export async function lookupAcross(directories: readonly Directory[], addresses: readonly string[]): Promise<EmailLookupResponse> {
  const wanted = uniqueAddresses(addresses);
  const answers = await Promise.allSettled(directories.map((d) => d.lookupEmails(wanted)));
  const found: Array<{ directory: Directory; people: Map<string, Person> }> = [];
  const failures: LookupFailure[] = [];
  const errors: DialpaneError[] = [];
  answers.forEach((answer, index) => {
    const directory = directories[index] as Directory;
    if (answer.status === 'fulfilled') {
      found.push({ directory, people: answer.value });
      return;
    }
    const error = asDialpaneError(answer.reason);
    errors.push(error);
    failures.push({ directoryId: directory.id, displayName: directory.displayName, code: error.code, message: error.message, hint: error.hint });
  });
  if (found.length === 0 && errors[0] !== undefined) throw errors[0];

  const matches: EmailMatch[] = [];
  const notFound: string[] = [];
  for (const address of wanted) {
    const hit = found.find((f) => f.people.has(addressKey(address)));
    const person = hit?.people.get(addressKey(address));
    if (hit && person) matches.push({ address, directoryId: hit.directory.id, person });
    else notFound.push(address);
  }
  return failures.length > 0 ? { matches, notFound, failures } : { matches, notFound };
}
