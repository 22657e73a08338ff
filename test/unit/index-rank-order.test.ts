/**
 * The order of the index (server/directory/index/rank-order.ts): byDisplayName, sorted in slices
 * that give the event loop back, and changes merged into a sorted list without sorting it again.
 * Each must give exactly what Array.prototype.sort gives.
 */
import fc from 'fast-check';
import { byDisplayName } from '../../server/directory/entry';
import { compareRanked, mergeChanges, positionAfter, sortInSlices, type Ranked } from '../../server/directory/index/rank-order';

const ranked = fc.record({
  displayName: fc.constantFrom('Ana', 'ana', 'Ána', 'Anna', 'Bob', 'bob smith', 'Bob Smith', 'Émile', 'emile', 'Zoë', 'zoe', '李雷', ''),
  id: fc.string({ unit: fc.constantFrom('a', 'b', 'c', '1', '2'), minLength: 1, maxLength: 4 }),
});
const uniqueIds = (items: Ranked[]): Ranked[] => [...new Map(items.map((r) => [r.id, r])).values()];

describe('rank order', () => {
  it('when names differ only in case or accents, then the id decides, so the order is total', () => {
    const list = [
      { displayName: 'émile', id: 'b' },
      { displayName: 'Emile', id: 'a' },
      { displayName: 'Bob', id: 'z' },
    ];
    expect([...list].sort(compareRanked).map((r) => r.id)).toEqual(['z', 'a', 'b']);
  });

  it('sorted in slices, any list comes out exactly as one Array.prototype.sort puts it (stable), also past the run length', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(ranked, { maxLength: 300 }), async (items) => {
        // A 0 ms slice yields at every chance: the same order however often it yields.
        expect(await sortInSlices(items, compareRanked, 0)).toEqual([...items].sort(byDisplayName));
      }),
      { numRuns: 60 },
    );
    // More than one run of 2,048: the runs are merged.
    const big = Array.from({ length: 5000 }, (_, i) => ({ displayName: `Person ${(i * 7919) % 5000}`, id: String(i) }));
    expect(await sortInSlices(big, compareRanked, 0)).toEqual([...big].sort(compareRanked));
  });

  it('when people change, leave and arrive, then merging gives what sorting everyone again gives', () => {
    fc.assert(
      fc.property(fc.array(ranked, { maxLength: 60 }), fc.array(ranked, { maxLength: 10 }), fc.array(fc.boolean(), { maxLength: 60 }), (base, added, dropFlags) => {
        const sorted = uniqueIds(base).sort(compareRanked);
        const dropped = new Set(sorted.filter((_, i) => dropFlags[i] === true).map((r) => r.id));
        const fresh = uniqueIds(added).filter((r) => !sorted.some((s) => s.id === r.id && !dropped.has(r.id)));
        const merged = mergeChanges(sorted, (r) => dropped.has(r.id), fresh, compareRanked);
        expect(merged).toEqual([...sorted.filter((r) => !dropped.has(r.id)), ...fresh].sort(compareRanked));
      }),
      { numRuns: 200 },
    );
  });

  it('positionAfter finds the first person after a key, whether or not the key is in the list', () => {
    const sorted = [
      { displayName: 'Ann', id: '1' },
      { displayName: 'Bob', id: '1' },
      { displayName: 'Bob', id: '3' },
      { displayName: 'Cid', id: '1' },
    ];
    expect(positionAfter(sorted, { displayName: 'Bob', id: '1' }, compareRanked)).toBe(2);
    expect(positionAfter(sorted, { displayName: 'Bob', id: '2' }, compareRanked)).toBe(2);
    expect(positionAfter(sorted, { displayName: 'Aaa', id: '9' }, compareRanked)).toBe(0);
    expect(positionAfter(sorted, { displayName: 'Zed', id: '0' }, compareRanked)).toBe(4);
  });
});
