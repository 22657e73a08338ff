/**
 * Phone digit searches ("4019", "408 555-01") on the index: for each of the 1,000 three-digit
 * runs, the ranks of the people with a phone containing it, ascending. Every digit search has 3
 * or more digits (MIN_PHONE_DIGITS), so it contains at least one run; its people are among those
 * of its rarest run, read in rank order and checked until the answer is full. Numbers of one
 * company share their area code and exchange, so a search by the last digits picks a run of those,
 * which few people share.
 */
import { DIGIT_SEPARATOR } from './index-record';

const RUNS = 1000;
const ZERO = 48;
const SEPARATOR = DIGIT_SEPARATOR.charCodeAt(0);

const runAt = (text: string, i: number): number => (text.charCodeAt(i) - ZERO) * 100 + (text.charCodeAt(i + 1) - ZERO) * 10 + (text.charCodeAt(i + 2) - ZERO);

export class DigitGramsBuilder {
  private readonly lists: number[][] = Array.from({ length: RUNS }, () => []);

  /** `digits`: the person's phones' digits, DIGIT_SEPARATOR between phones (IndexRecord.digits). Ranks must come in ascending order. */
  add(digits: string, rank: number): void {
    let start = 0;
    for (let i = 0; i <= digits.length; i++) {
      if (i < digits.length && digits.charCodeAt(i) !== SEPARATOR) continue;
      for (let j = start; j + 3 <= i; j++) {
        const list = this.lists[runAt(digits, j)] as number[];
        if (list[list.length - 1] !== rank) list.push(rank);
      }
      start = i + 1;
    }
  }

  build(): DigitGrams {
    return new DigitGrams(this.lists.map((list) => Int32Array.from(list)));
  }
}

export class DigitGrams {
  constructor(private readonly postings: readonly Int32Array[]) {}

  /** Ranks whose digits (per `digitsOf`) contain `digits` (3 or more), ascending, at most `want`. */
  matches(digits: string, want: number, digitsOf: (rank: number) => string): number[] {
    let rarest = this.postings[runAt(digits, 0)] as Int32Array;
    for (let i = 1; i + 3 <= digits.length && rarest.length > 0; i++) {
      const list = this.postings[runAt(digits, i)] as Int32Array;
      if (list.length < rarest.length) rarest = list;
    }
    const found: number[] = [];
    const exact = digits.length === 3;
    for (let i = 0; i < rarest.length && found.length < want; i++) {
      const rank = rarest[i] as number;
      if (exact || digitsOf(rank).includes(digits)) found.push(rank);
    }
    return found;
  }
}
