import type { Memo } from '../../generator/cache/memo.ts';

/** A memo that counts, by area, how many answers it had to compute: for tests of what an edit
 * recomputes. It keeps answers in memory (what the cache's memo areas do, without the disk), or in
 * `inner` (a memo over a cache folder) when given. */
export function countingMemo(inner: Memo = inMemory()): { memo: Memo; computed(area: string): number } {
  const counts = new Map<string, number>();
  const counted = (area: string) => counts.set(area, (counts.get(area) ?? 0) + 1);
  const memo: Memo = {
    sync: (area, parts, compute) => inner.sync(area, parts, () => (counted(area), compute())),
    async: (area, parts, compute) => inner.async(area, parts, () => (counted(area), compute())),
  };
  return { memo, computed: (area) => counts.get(area) ?? 0 };
}

function inMemory(): Memo {
  const kept = new Map<string, string>();
  const key = (area: string, parts: readonly string[]) => JSON.stringify([area, parts]);
  return {
    sync(area, parts, compute) {
      const hit = kept.get(key(area, parts));
      if (hit !== undefined) return hit;
      const value = compute();
      kept.set(key(area, parts), value);
      return value;
    },
    async async(area, parts, compute) {
      const hit = kept.get(key(area, parts));
      if (hit !== undefined) return hit;
      const value = await compute();
      kept.set(key(area, parts), value);
      return value;
    },
  };
}
