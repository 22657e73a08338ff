/**
 * One immutable snapshot of a directory's people and the structures that answer searches from it.
 * A sync builds a new snapshot and swaps it in, so a search never sees a half-applied change.
 *
 * People are kept in the API's order (byDisplayName); a person's position is their rank. Every
 * structure lists ranks in ascending order, so each kind of match is read in answer order and
 * stops as soon as it has `limit + 1` people — a two-letter search over 100,000 people reads about
 * 26 entries, not every match:
 *
 * - prefix buckets: for each folded 2- and 3-character start of a display name, given name,
 *   surname, mail or account name, the ranks of the people having it; the whole text then only
 *   needs `startsWith` on the people of its bucket;
 * - word buckets: the same for each word of the names by its first 1, 2 and 3 characters, for
 *   "John Sm" (the longest word picks the bucket, every word is checked);
 * - digits: every person's phone digits in rank order in one string, searched with indexOf
 *   (V8's string search), with the rank of a hit found by binary search of where each person starts;
 * - numbers and emails: maps for reverse lookup and the email lookup.
 *
 * The three kinds of match are exactly the three branches of personMatches (query.ts); their union,
 * in rank order, is exactly `people.filter(personMatches).sort(byDisplayName)` (a property test
 * compares them on random people and queries).
 */
import type { ParsedQuery } from '../query';
import { fold } from '../query';
import { DIGIT_SEPARATOR, WORD_SEPARATOR, type IndexRecord } from './index-record';
import { compareRanked, inSlices, positionAfter, type Ranked } from './rank-order';

export interface IndexAnswer {
  records: IndexRecord[];
  more: boolean;
}

const EMPTY = new Int32Array(0);

/** Builds `Map<key, ranks>` in rank order, skipping a rank repeated for the same key. */
class BucketBuilder {
  private readonly lists = new Map<string, number[]>();

  add(key: string, rank: number): void {
    const list = this.lists.get(key);
    if (list === undefined) this.lists.set(key, [rank]);
    else if (list[list.length - 1] !== rank) list.push(rank);
  }

  /** Int32Array halves the memory of a JS array of small integers. */
  build(): Map<string, Int32Array> {
    const buckets = new Map<string, Int32Array>();
    for (const [key, list] of this.lists) buckets.set(key, Int32Array.from(list));
    return buckets;
  }
}

/** Slices of work between yields while building a snapshot in the background. */
const BUILD_SLICE_MS = 8;

export class PeopleIndex {
  private constructor(
    /** Every person, in rank order. */
    readonly records: readonly IndexRecord[],
    private readonly prefix2: Map<string, Int32Array>,
    private readonly prefix3: Map<string, Int32Array>,
    private readonly words: readonly Map<string, Int32Array>[],
    private readonly digitText: string,
    private readonly digitStarts: Int32Array,
    private readonly numbers: Map<string, IndexRecord[]>,
    private readonly emails: Map<string, IndexRecord>,
  ) {}

  get size(): number {
    return this.records.length;
  }

  /** Builds the structures over `records`, which must already be in rank order. */
  static async build(records: readonly IndexRecord[]): Promise<PeopleIndex> {
    const prefix2 = new BucketBuilder();
    const prefix3 = new BucketBuilder();
    const words = [new BucketBuilder(), new BucketBuilder(), new BucketBuilder()];
    const digitParts: string[] = new Array<string>(records.length);
    const digitStarts = new Int32Array(records.length + 1);
    const numbers = new Map<string, IndexRecord[]>();
    const aliases = new Map<string, IndexRecord>();
    const emails = new Map<string, IndexRecord>();
    let offset = 0;
    await inSlices(records.length, BUILD_SLICE_MS, (rank) => {
      const record = records[rank] as IndexRecord;
      for (const key of record.prefixes()) {
        if (key.length >= 2) prefix2.add(key.slice(0, 2), rank);
        if (key.length >= 3) prefix3.add(key.slice(0, 3), rank);
      }
      if (record.words !== '') {
        for (const word of record.words.slice(1).split(WORD_SEPARATOR)) {
          for (let length = 1; length <= 3 && length <= word.length; length++) (words[length - 1] as BucketBuilder).add(word.slice(0, length), rank);
        }
      }
      digitStarts[rank] = offset;
      digitParts[rank] = record.digits;
      offset += record.digits.length + 1;
      if (record.numbers !== '') {
        for (const key of record.numbers.split(' ')) {
          const list = numbers.get(key);
          if (list === undefined) numbers.set(key, [record]);
          else list.push(record);
        }
      }
      if (record.emails !== '') {
        // The first person by name wins an address; an address that is someone's mail beats an alias.
        record.emails.split(' ').forEach((address, i) => {
          const map = i < record.mailCount ? emails : aliases;
          if (!map.has(address)) map.set(address, record);
        });
      }
    });
    digitStarts[records.length] = offset;
    for (const [address, record] of aliases) if (!emails.has(address)) emails.set(address, record);
    return new PeopleIndex(
      records,
      prefix2.build(),
      prefix3.build(),
      words.map((w) => w.build()),
      // One separator after each person, so a digit run never spans two people.
      digitParts.join(DIGIT_SEPARATOR) + DIGIT_SEPARATOR,
      digitStarts,
      numbers,
      emails,
    );
  }

  /** The people matching `query` (personMatches), in order, at most `limit`; `more` when there are others. */
  search(query: ParsedQuery, limit: number): IndexAnswer {
    const want = limit + 1;
    const text = fold(query.text);
    let ranks = this.prefixMatches(text, want);
    if (query.words.length > 1) ranks = union(ranks, this.wordMatches(query.words.map(fold), want), want);
    if (query.digits !== undefined) ranks = union(ranks, this.digitMatches(query.digits, want), want);
    const records = new Array<IndexRecord>(Math.min(ranks.length, limit));
    for (let i = 0; i < records.length; i++) records[i] = this.records[ranks[i] as number] as IndexRecord;
    return { records, more: ranks.length > limit };
  }

  /** Ranks of people with a name, mail or account name starting with `text` (folded). */
  private prefixMatches(text: string, want: number): number[] {
    const found: number[] = [];
    const matches = (r: IndexRecord): boolean =>
      r.display.startsWith(text) ||
      (r.given?.startsWith(text) ?? false) ||
      (r.surname?.startsWith(text) ?? false) ||
      (r.mail?.startsWith(text) ?? false) ||
      (r.account?.startsWith(text) ?? false);
    if (text.length < 2) {
      // Only when folding shortened the text below the bucket length (rare): read everyone.
      for (let rank = 0; rank < this.records.length && found.length < want; rank++) if (matches(this.records[rank] as IndexRecord)) found.push(rank);
      return found;
    }
    const bucketLength = text.length >= 3 ? 3 : 2;
    const bucket = (bucketLength === 3 ? this.prefix3 : this.prefix2).get(text.slice(0, bucketLength)) ?? EMPTY;
    // The bucket's key is the whole text: everyone in it matches.
    const exact = text.length === bucketLength;
    for (let i = 0; i < bucket.length && found.length < want; i++) {
      const rank = bucket[i] as number;
      if (exact || matches(this.records[rank] as IndexRecord)) found.push(rank);
    }
    return found;
  }

  /** Ranks of people of whose name words every one of `words` (folded) starts one. */
  private wordMatches(words: readonly string[], want: number): number[] {
    const found: number[] = [];
    let longest = words[0] as string;
    for (const w of words) if (w.length > longest.length) longest = w;
    if (longest.length === 0) return found;
    const length = Math.min(3, longest.length);
    const bucket = (this.words[length - 1] as Map<string, Int32Array>).get(longest.slice(0, length)) ?? EMPTY;
    const needles = words.map((w) => `${WORD_SEPARATOR}${w}`);
    for (let i = 0; i < bucket.length && found.length < want; i++) {
      const rank = bucket[i] as number;
      const record = this.records[rank] as IndexRecord;
      if (needles.every((n) => record.words.includes(n))) found.push(rank);
    }
    return found;
  }

  /** Ranks of people with `digits` inside the digits of one of their phones. */
  private digitMatches(digits: string, want: number): number[] {
    const found: number[] = [];
    let from = 0;
    while (found.length < want) {
      const at = this.digitText.indexOf(digits, from);
      if (at < 0) break;
      const rank = this.rankAt(at);
      found.push(rank);
      from = this.digitStarts[rank + 1] as number;
    }
    return found;
  }

  /** The rank whose digits contain position `at` of digitText. */
  private rankAt(at: number): number {
    let low = 0;
    let high = this.records.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if ((this.digitStarts[middle] as number) <= at) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** Show All: `size` people after `after` (from the start without it), and whether more follow. */
  pageAfter(after: Ranked | undefined, size: number): IndexAnswer {
    const start = after === undefined ? 0 : positionAfter<Ranked>(this.records, after, compareRanked);
    const records = this.records.slice(start, start + size);
    return { records, more: start + size < this.records.length };
  }

  /** People with a phone under this reverse-lookup map key, in order. */
  withNumber(mapKey: string): readonly IndexRecord[] {
    return this.numbers.get(mapKey) ?? [];
  }

  /** The person an address (lower case) belongs to: mail first, then aliases, first by name. */
  withEmail(address: string): IndexRecord | undefined {
    return this.emails.get(address);
  }
}

/** Ascending, duplicate-free union of two ascending rank lists, at most `want` long. */
function union(a: readonly number[], b: readonly number[], want: number): number[] {
  if (b.length === 0) return a as number[];
  if (a.length === 0) return b as number[];
  const result: number[] = [];
  let i = 0;
  let j = 0;
  while (result.length < want && (i < a.length || j < b.length)) {
    const x = i < a.length ? (a[i] as number) : Infinity;
    const y = j < b.length ? (b[j] as number) : Infinity;
    if (x <= y) {
      result.push(x);
      i++;
      if (x === y) j++;
    } else {
      result.push(y);
      j++;
    }
  }
  return result;
}
