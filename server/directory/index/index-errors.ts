/**
 * Failures of an index itself (not of its directory, whose errors are DialpaneErrors with a
 * DIRECTORY_* code). They never reach an HTTP answer — the directory is then searched live — but
 * health reports them by `code`.
 */
export class IndexTooLargeError extends Error {
  readonly code = 'INDEX_TOO_LARGE';

  constructor(readonly maxPeople: number) {
    super(`the search base holds more than index.maxPeople (${maxPeople}) people; searches stay live. Raise index.maxPeople (about 1.5 KB of memory each) or narrow the search base.`);
    this.name = 'IndexTooLargeError';
  }
}
