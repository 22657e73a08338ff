/**
 * "All directories": one search over every configured directory at once, merged. Each person
 * carries the directory it came from (`directoryId`), and a person found in two directories (the
 * same objectGUID / entryUUID, or the same mail address — two domains' entries for one colleague,
 * or a domain and its Global Catalog) is listed once, from the directory listed first in the
 * configuration. A directory that fails does not fail the search: it is named in `failures`;
 * only when every directory fails is the answer an error (the first one's).
 *
 * Show All over every directory lists them one after the other (the cursor names the directory
 * and its own cursor); it does not drop duplicates, which would need every earlier page in memory.
 */
import type { DirectoryFailure, PageResponse, Person, SearchResponse } from '../../src/shared/api';
import { DialpaneError } from '../errors';
import { cursorExpired } from './cursor';
import type { Directory } from './directory';
import { byDisplayName } from './entry';
import { parseQuery } from './query';

/** The keys under which two answers are the same person. */
function identities(person: Person): string[] {
  const keys = [`id:${person.id}`];
  if (person.mail !== undefined) keys.push(`mail:${person.mail.toLowerCase()}`);
  return keys;
}

/** People in order, each person once: a later one sharing an id or a mail with an earlier one is dropped. */
export function withoutDuplicates(people: readonly Person[]): Person[] {
  const seen = new Set<string>();
  const kept: Person[] = [];
  for (const person of people) {
    const keys = identities(person);
    if (keys.some((k) => seen.has(k))) continue;
    keys.forEach((k) => seen.add(k));
    kept.push(person);
  }
  return kept;
}

const failureOf = (directory: Directory, error: DialpaneError): DirectoryFailure => ({
  directoryId: directory.id,
  displayName: directory.displayName,
  code: error.code,
  message: error.message,
  hint: error.hint,
});

export class AllDirectories {
  constructor(private readonly directories: readonly Directory[]) {}

  async search(q: string, limit: number): Promise<SearchResponse> {
    parseQuery(q); // a bad query is one 400, not one failure per directory
    const answers = await Promise.allSettled(this.directories.map((d) => d.search(q, limit)));
    const found: Person[] = [];
    const failures: DirectoryFailure[] = [];
    let more = false;
    answers.forEach((answer, index) => {
      const directory = this.directories[index] as Directory;
      if (answer.status === 'fulfilled') {
        found.push(...answer.value.people.map((p) => ({ ...p, directoryId: directory.id })));
        more ||= answer.value.more;
      } else if (answer.reason instanceof DialpaneError) {
        failures.push(failureOf(directory, answer.reason));
      } else {
        throw answer.reason; // a bug, not a directory problem: the error middleware logs it
      }
    });
    if (failures.length === this.directories.length) {
      const first = answers.find((a): a is PromiseRejectedResult => a.status === 'rejected');
      throw first?.reason;
    }
    // Duplicates go before sorting, so the configuration's order decides which copy stays.
    const merged = withoutDuplicates(found).sort(byDisplayName);
    const response: SearchResponse = { people: merged.slice(0, limit), more: more || merged.length > limit };
    if (failures.length > 0) response.failures = failures;
    return response;
  }

  /**
   * Show All of each directory in turn. The cursor is `<directory index>~<that directory's cursor>`.
   * An empty directory is passed over within the same request, so no page is empty but the last.
   */
  async listPage(cursor: string | undefined, pageSize: number): Promise<PageResponse> {
    let index = 0;
    let inner: string | undefined;
    if (cursor !== undefined) {
      const match = /^(\d{1,3})~(.*)$/s.exec(cursor);
      if (!match || Number(match[1]) >= this.directories.length) throw cursorExpired();
      index = Number(match[1]);
      inner = match[2] === '' ? undefined : match[2];
    }
    for (;;) {
      const directory = this.directories[index] as Directory;
      const page = await directory.listPage(inner, pageSize);
      const people = page.people.map((p) => ({ ...p, directoryId: directory.id }));
      if (page.nextCursor !== null) return { people, nextCursor: `${index}~${page.nextCursor}` };
      if (index + 1 >= this.directories.length) return { people, nextCursor: null };
      if (people.length > 0) return { people, nextCursor: `${index + 1}~` };
      index += 1;
      inner = undefined;
    }
  }
}
