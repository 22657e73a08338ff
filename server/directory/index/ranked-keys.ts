/**
 * Text keys, each with the rank of the person it belongs to, sorted by key: the keys starting
 * with some text are one range, found by binary search. A min-tree over the ranks then lists the
 * range's ranks in ascending order — answer order — without sorting or scanning the range, so the
 * first k of r matches cost about k·log(n) steps whether r is 3 or 30,000 ("an" among 100,000
 * people reads some 26 entries, "b046303" one).
 */
import { sortInSlices } from './rank-order';

const NONE = 0x7fffffff;

/** Keys and their people's ranks, added in ascending rank order. */
export class RankedKeysBuilder {
  /** Key → ranks, ascending: many people share a key (given names, surnames, name words). */
  private readonly byKey = new Map<string, number[] | number>();
  private count = 0;

  add(key: string, rank: number): void {
    const ranks = this.byKey.get(key);
    if (ranks === undefined) this.byKey.set(key, rank);
    else if (typeof ranks === 'number') this.byKey.set(key, [ranks, rank]);
    else ranks.push(rank);
    this.count++;
  }

  /**
   * Sorts the distinct keys only (each key's ranks are already in order), in slices that give the
   * event loop back (sortInSlices): a build never stalls requests.
   */
  async build(): Promise<RankedKeys> {
    const distinct = await sortInSlices([...this.byKey.keys()], (a, b) => (a < b ? -1 : a > b ? 1 : 0));
    let leaves = 1;
    while (leaves < this.count) leaves *= 2;
    const tree = new Int32Array(2 * leaves).fill(NONE);
    const keys = new Array<string>(this.count);
    let j = 0;
    for (const key of distinct) {
      const ranks = this.byKey.get(key) as number[] | number;
      if (typeof ranks === 'number') {
        keys[j] = key;
        tree[leaves + j++] = ranks;
      } else {
        for (const rank of ranks) {
          keys[j] = key;
          tree[leaves + j++] = rank;
        }
      }
    }
    for (let node = leaves - 1; node >= 1; node--) tree[node] = Math.min(tree[2 * node] as number, tree[2 * node + 1] as number);
    return new RankedKeys(keys, tree, leaves);
  }
}

export class RankedKeys {
  constructor(
    private readonly keys: readonly string[],
    /** tree[leaves + j] is the rank of keys[j]; every other node holds the smaller of its two children. */
    private readonly tree: Int32Array,
    private readonly leaves: number,
  ) {}

  /** [from, to) of the keys starting with `text`. */
  range(text: string): [number, number] {
    let low = 0;
    let high = this.keys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.keys[middle] as string) < text) low = middle + 1;
      else high = middle;
    }
    const from = low;
    // Past `from` every key is >= text; those starting with it come first.
    high = this.keys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.keys[middle] as string).startsWith(text)) low = middle + 1;
      else high = middle;
    }
    return [from, low];
  }

  /**
   * The distinct ranks of keys[from, to), smallest first, that `accept` takes (all without it),
   * at most `want`: the range's tree nodes in a min-heap by their smallest rank, a node taken
   * out replaced by its children until leaves come out, in rank order.
   */
  smallestRanks(from: number, to: number, want: number, accept?: (rank: number) => boolean): number[] {
    const found: number[] = [];
    const { tree } = this;
    const heap: number[] = [];
    const push = (node: number): void => {
      let i = heap.length;
      heap.push(node);
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if ((tree[heap[parent] as number] as number) <= (tree[node] as number)) break;
        heap[i] = heap[parent] as number;
        i = parent;
      }
      heap[i] = node;
    };
    const pop = (): number => {
      const top = heap[0] as number;
      const last = heap.pop() as number;
      if (heap.length > 0) {
        let i = 0;
        const value = tree[last] as number;
        for (;;) {
          let child = 2 * i + 1;
          if (child >= heap.length) break;
          if (child + 1 < heap.length && (tree[heap[child + 1] as number] as number) < (tree[heap[child] as number] as number)) child++;
          if ((tree[heap[child] as number] as number) >= value) break;
          heap[i] = heap[child] as number;
          i = child;
        }
        heap[i] = last;
      }
      return top;
    };
    // The canonical cover of [from, to): O(log n) nodes whose leaves are exactly the range.
    for (let left = from + this.leaves, right = to + this.leaves; left < right; left >>= 1, right >>= 1) {
      if (left & 1) push(left++);
      if (right & 1) push(--right);
    }
    let previous = -1;
    while (heap.length > 0 && found.length < want) {
      const node = pop();
      if (node < this.leaves) {
        push(2 * node);
        push(2 * node + 1);
        continue;
      }
      const rank = tree[node] as number;
      // Leaves come out in rank order: a person with several keys in the range comes out in a row.
      if (rank === previous || rank === NONE) continue;
      previous = rank;
      if (accept === undefined || accept(rank)) found.push(rank);
    }
    return found;
  }

  get size(): number {
    return this.keys.length;
  }
}
