/**
 * One immutable snapshot of a directory's people and the structures that answer searches from it.
 * A sync builds a new snapshot and swaps it in, so a search never sees a half-applied change.
 *
 * People are kept in the API's order (byDisplayName); a person's position is their rank. Each
 * kind of match yields ranks in ascending order and stops as soon as it has `limit + 1` people,
 * so an answer costs about the same whether 3 or 30,000 people match:
 *
 * - prefixes (ranked-keys.ts): the folded display name, given name, surname, mail and account
 *   name of everyone, sorted; the whole text is a range of them;
 * - name words (ranked-keys.ts): each folded word of the names, for "John Sm": the rarest word's
 *   range is read in rank order and every other word checked on the person;
 * - digits (digit-grams.ts): the people of the rarest three-digit run of the search, checked;
 * - numbers and emails: maps for reverse lookup and the email lookup.
 *
 * The three kinds of match are exactly the three branches of personMatches (query.ts); their union,
 * in rank order, is exactly `people.filter(personMatches).sort(byDisplayName)` (a property test
 * compares them on random people and queries).
 */
import type { ParsedQuery } from '../query';
import { fold } from '../query';
import { DigitGramsBuilder, type DigitGrams } from './digit-grams';
import { WORD_SEPARATOR, type IndexRecord } from './index-record';
import { RankedKeysBuilder, type RankedKeys } from './ranked-keys';
import { compareRanked, inSlices, positionAfter, type Ranked } from './rank-order';

export interface IndexAnswer {
  records: IndexRecord[];
  more: boolean;
}

/** Slices of work between yields while building a snapshot in the background. */
const BUILD_SLICE_MS = 8;

export class PeopleIndex {
  private constructor(
    /** Every person, in rank order. */
    readonly records: readonly IndexRecord[],
    private readonly prefixes: RankedKeys,
    private readonly words: RankedKeys,
    private readonly digits: DigitGrams,
    private readonly numbers: Map<string, IndexRecord[]>,
    private readonly emails: Map<string, IndexRecord>,
  ) {}

  get size(): number {
    return this.records.length;
  }

  /** Builds the structures over `records`, which must already be in rank order. */
  static async build(records: readonly IndexRecord[]): Promise<PeopleIndex> {
    const prefixes = new RankedKeysBuilder();
    const words = new RankedKeysBuilder();
    const digits = new DigitGramsBuilder();
    // Thousands of people share a name word: one string each for the word keys.
    const wordStrings = new Map<string, string>();
    const numbers = new Map<string, IndexRecord[]>();
    const aliases = new Map<string, IndexRecord>();
    const emails = new Map<string, IndexRecord>();
    await inSlices(records.length, BUILD_SLICE_MS, (rank) => {
      const record = records[rank] as IndexRecord;
      for (const key of record.prefixes()) prefixes.add(key, rank);
      if (record.words !== '') {
        for (const word of record.words.slice(1).split(WORD_SEPARATOR)) {
          let shared = wordStrings.get(word);
          if (shared === undefined) wordStrings.set(word, (shared = word));
          words.add(shared, rank);
        }
      }
      digits.add(record.digits, rank);
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
    for (const [address, record] of aliases) if (!emails.has(address)) emails.set(address, record);
    return new PeopleIndex(records, await prefixes.build(), await words.build(), digits.build(), numbers, emails);
  }

  /** The people matching `query` (personMatches), in order, at most `limit`; `more` when there are others. */
  search(query: ParsedQuery, limit: number): IndexAnswer {
    const want = limit + 1;
    const [from, to] = this.prefixes.range(fold(query.text));
    let ranks = this.prefixes.smallestRanks(from, to, want);
    if (query.words.length > 1) ranks = union(ranks, this.wordMatches(query.words.map(fold), want), want);
    if (query.digits !== undefined) ranks = union(ranks, this.digits.matches(query.digits, want, (rank) => (this.records[rank] as IndexRecord).digits), want);
    const records = new Array<IndexRecord>(Math.min(ranks.length, limit));
    for (let i = 0; i < records.length; i++) records[i] = this.records[ranks[i] as number] as IndexRecord;
    return { records, more: ranks.length > limit };
  }

  /** Ranks of people of whose name words every one of `words` (folded) starts one. */
  private wordMatches(words: readonly string[], want: number): number[] {
    let rarest: [number, number] | undefined;
    let rarestWord = '';
    for (const word of words) {
      const range = this.words.range(word);
      if (rarest === undefined || range[1] - range[0] < rarest[1] - rarest[0]) {
        rarest = range;
        rarestWord = word;
      }
    }
    if (rarest === undefined || rarest[0] === rarest[1]) return [];
    const others = words.filter((w) => w !== rarestWord).map((w) => `${WORD_SEPARATOR}${w}`);
    const accept = others.length === 0 ? undefined : (rank: number): boolean => {
      const record = this.records[rank] as IndexRecord;
      return others.every((needle) => record.words.includes(needle));
    };
    return this.words.smallestRanks(rarest[0], rarest[1], want, accept);
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
