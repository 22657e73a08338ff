/**
 * The order of the index: byDisplayName, the order of every list the API answers. A person's
 * position in it (their rank) is what the search structures store, so a search answers in order
 * without sorting.
 *
 * Sorting 100,000 people takes about 0.4 s of collator comparisons: done in one go it would stall
 * every request for that long, so the full sort runs in slices that give the event loop back
 * (sortInSlices), and a sync that changed a few people inserts them by binary search instead.
 */
import { byDisplayName } from '../entry';

export interface Ranked {
  readonly displayName: string;
  readonly id: string;
}

export const compareRanked = (a: Ranked, b: Ranked): number => byDisplayName(a, b);

/** Resolves on the next turn of the event loop, after pending I/O. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Runs `work` over `count` steps, giving the event loop back whenever `sliceMs` has passed. */
export async function inSlices(count: number, sliceMs: number, work: (i: number) => void): Promise<void> {
  let sliceStart = performance.now();
  for (let i = 0; i < count; i++) {
    work(i);
    if ((i & 255) === 255 && performance.now() - sliceStart > sliceMs) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
  }
}

/**
 * Stable sort that gives the event loop back every `sliceMs`: runs of RUN items are sorted by the
 * engine's own sort (TimSort, a few milliseconds each), then merged pairwise in slices. About as
 * many comparisons as one Array.prototype.sort, never one long stall. Returns a new array.
 */
export async function sortInSlices<T>(items: readonly T[], compare: (a: T, b: T) => number, sliceMs = 8): Promise<T[]> {
  const RUN = 2048;
  const n = items.length;
  let sliceStart = performance.now();
  const maybeYield = async (): Promise<void> => {
    if (performance.now() - sliceStart > sliceMs) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
  };
  let source: T[] = [];
  for (let start = 0; start < n; start += RUN) {
    const run = items.slice(start, start + RUN).sort(compare);
    for (const item of run) source.push(item);
    await maybeYield();
  }
  let target: T[] = new Array<T>(n);
  for (let width = RUN; width < n; width *= 2) {
    let steps = 0;
    for (let left = 0; left < n; left += 2 * width) {
      const middle = Math.min(left + width, n);
      const right = Math.min(left + 2 * width, n);
      let i = left;
      let j = middle;
      let k = left;
      while (i < middle && j < right) {
        // <= keeps equal items in their order: stable.
        if (compare(source[i] as T, source[j] as T) <= 0) target[k++] = source[i++] as T;
        else target[k++] = source[j++] as T;
        if ((++steps & 1023) === 0) await maybeYield();
      }
      while (i < middle) target[k++] = source[i++] as T;
      while (j < right) target[k++] = source[j++] as T;
    }
    [source, target] = [target, source];
  }
  return source;
}

/** The position of the first item that sorts after `key` (binary search). */
export function positionAfter<T>(sorted: readonly T[], key: T, compare: (a: T, b: T) => number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(sorted[middle] as T, key) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * `sorted` without the items `drop` says to drop, with `added` inserted in order: a sync that
 * changed k of n people costs k·log n comparisons and one pass of copying, not a full sort.
 */
export function mergeChanges<T>(sorted: readonly T[], drop: (item: T) => boolean, added: readonly T[], compare: (a: T, b: T) => number): T[] {
  const kept = sorted.filter((item) => !drop(item));
  const inserts = [...added].sort(compare);
  const result: T[] = new Array<T>(kept.length + inserts.length);
  let from = 0;
  let k = 0;
  for (const item of inserts) {
    // Search only past the previous insert: inserts are in order.
    let low = from;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(kept[middle] as T, item) <= 0) low = middle + 1;
      else high = middle;
    }
    while (from < low) result[k++] = kept[from++] as T;
    result[k++] = item;
  }
  while (from < kept.length) result[k++] = kept[from++] as T;
  return result;
}
