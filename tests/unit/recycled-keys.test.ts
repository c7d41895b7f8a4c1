import { describe, expect, it } from 'vitest';
import { recycledKeys } from '../../renderer/src/features/worklist/recycled-keys';

const counter = (from: number) => {
  let n = from;
  return () => n++;
};

describe('recycledKeys (the worklist rows on screen)', () => {
  it('keeps the key of a row that stays, gives a new row a key freed by a row that left, and creates only the rest', () => {
    const first = recycledKeys([10, 11, 12], new Map(), counter(0));
    expect([...first]).toEqual([
      [10, 0],
      [11, 1],
      [12, 2],
    ]);
    // 11 left, 12 and 10 stay (in another order), 20 and 21 are new: one takes 11's key, one is created.
    const next = recycledKeys([12, 20, 10, 21], first, counter(3));
    expect(next.get(12)).toBe(2);
    expect(next.get(10)).toBe(0);
    expect([next.get(20), next.get(21)].sort()).toEqual([1, 3]);
  });

  it('gives every row on screen its own key, whatever came before', () => {
    let previous = new Map<number, number>();
    const nextKey = counter(0);
    for (const ids of [[1, 2, 3, 4], [4, 5, 6], [7, 8, 9, 10, 11, 12], [12, 1], [], [3, 2, 1, 13, 14]]) {
      const keys = recycledKeys(ids, previous, nextKey);
      expect(new Set(keys.values()).size).toBe(ids.length);
      expect([...keys.keys()].sort()).toEqual([...ids].sort());
      previous = keys;
    }
  });
});
